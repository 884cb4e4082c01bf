"""The votes a person cast for their organisations, for download-my-data. On account deletion the vote
stays counted: it is the organisation's, and ``cast_by`` becomes empty (``SET_NULL``)."""

from .models import MotionVote


def export(user) -> dict:
    return {"motion_votes": [
        {"motion": vote.motion.title_ro, "organisation": vote.organisation.name, "option": vote.option.label_ro,
         "cast_at": vote.cast_at.isoformat()}
        for vote in MotionVote.objects.filter(cast_by=user).select_related("motion", "organisation", "option")
        .order_by("cast_at")]}


def erase(user) -> None:
    MotionVote.objects.filter(cast_by=user).update(cast_by=None)  # the organisation's vote stays counted
