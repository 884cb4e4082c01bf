"""What consultations hold about a person, for download-my-data and delete-my-account."""

from django.db.models import F

from .models import Idea, Participant, Process, Statement, Support, Vote
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
        # Conversations: the pseudonym, the statements written and the votes cast in each.
        "conversations": [
            {"process": participant.conversation.process.slug, "conversation": participant.conversation.title,
             "pseudonym": str(participant),
             "statements": [{"text": statement.text, "review": statement.review_state}
                            for statement in Statement.objects.filter(author=participant).order_by("pk")],
             "votes": [{"statement": vote.statement.text, "vote": vote.choice, "at": vote.voted_at.isoformat()}
                       for vote in Vote.objects.filter(participant=participant).select_related("statement")
                       .order_by("voted_at")]}
            for participant in Participant.objects.filter(user=user).select_related("conversation__process")
            .order_by("pk")
        ],
    }


def erase(user) -> None:
    # Conversations: the votes go with the participant (the map is recomputed without them at the next
    # vote); statements stay without an author, as moderators approved them for everyone.
    Participant.objects.filter(user=user).delete()
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
