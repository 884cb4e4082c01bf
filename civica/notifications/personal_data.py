"""What notifications hold about a person: what they follow (their notifications go with their account)."""

from .models import Follow


def export(user) -> dict:
    return {
        "follows": [
            {"type": follow.target_type.model, "id": follow.target_id}
            for follow in Follow.objects.filter(user=user).select_related("target_type").order_by("created_at")
        ],
    }


def erase(user) -> None:
    Follow.objects.filter(user=user).delete()
