"""What world-café workshops hold about a person (notes written at tables, dots), for
download-my-data and delete-my-account. On deletion, dots go and notes stay, anonymised."""

from .models import Contribution, DotVote


def export(user) -> dict:
    def moment(value):
        return value.isoformat() if value else None

    return {
        "workshop_contributions": [
            {"workshop": contribution.table.workshop.slug, "table": contribution.table.number,
             "text": contribution.text, "created_at": moment(contribution.created_at)}
            for contribution in Contribution.objects.filter(author=user).select_related("table__workshop")
        ],
        "dot_votes": [
            {"workshop": dot.theme.workshop.slug, "theme": dot.theme.label, "created_at": moment(dot.created_at)}
            for dot in DotVote.objects.filter(voter=user).select_related("theme__workshop").order_by("created_at")
        ],
    }


def erase(user) -> None:
    DotVote.objects.filter(voter=user).delete()
    # A workshop's notes are its record: they stay, no longer linked to anyone.
    Contribution.objects.filter(author=user).update(author=None, author_key="")
