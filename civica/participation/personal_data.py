"""What consultations hold about a person, for download-my-data and delete-my-account."""

from django.db.models import F

from .models import Idea, Process, Support
from .services import idea_tally_recount


def export(user) -> dict:
    return {
        "ideas": [
            {"process": idea.process.slug, "title": idea.title, "body": idea.body, "status": idea.status,
             "location": idea.location, "created_at": idea.created_at.isoformat()}
            for idea in Idea.objects.filter(author=user).select_related("process").order_by("created_at")
        ],
        "supports": [
            {"idea": support.idea.title, "process": support.idea.process.slug,
             "created_at": support.created_at.isoformat()}
            for support in Support.objects.filter(user=user).select_related("idea__process").order_by("created_at")
        ],
    }


def erase(user) -> None:
    # Supports go, and the ideas' counters with them.
    for idea_id in Support.objects.filter(user=user).values_list("idea_id", flat=True):
        Idea.objects.filter(pk=idea_id).update(support_count=F("support_count") - 1)
    Support.objects.filter(user=user).delete()
    # Ideas others have commented on stay, anonymised; the others are removed, and leave their
    # processes' tallies.
    Idea.objects.filter(author=user, comment_count__gt=0).update(author=None)
    processes = list(Process.objects.filter(ideas__author=user).distinct())
    Idea.objects.filter(author=user).delete()
    for process in processes:
        idea_tally_recount(process=process)
