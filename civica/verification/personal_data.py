"""What verification holds about a person, for download-my-data and delete-my-account: their levels
(how and when; the census key is a keyed hash and is not given out) and their attempts. Erasing deletes
both (the census itself is not about one account); a desk code they used forgets them."""

from .models import Attempt, DeskCode, Verification


def export(user) -> dict:
    return {
        "verifications": [
            {"level": verification.level, "method": verification.method,
             "verified_at": verification.verified_at.isoformat(),
             "verified_by_staff": verification.verified_by_id is not None}
            for verification in Verification.objects.filter(user=user).order_by("level")
        ],
        "verification_attempts": [
            {"method": attempt.method, "outcome": attempt.outcome, "at": attempt.at.isoformat()}
            for attempt in Attempt.objects.filter(user=user).order_by("at", "pk")
        ],
    }


def erase(user) -> None:
    Verification.objects.filter(user=user).delete()
    Attempt.objects.filter(user=user).delete()
    DeskCode.objects.filter(used_by=user).update(used_by=None)
