"""The conversation's votes through ``insights.opinion_map.map_opinions``, stored as plain data.

Participants are keyed by their pseudonym's number, statements by their id: what is stored and shown
names nobody. Votes on statements not shown (moderated out) are passed as ``exclude_statements``, so they
are left off the map (and still count towards who has voted enough to be placed, as in Pol.is and in
``manage.py opinionmap``, which an imported conversation therefore reproduces).

"Too few votes" (fewer than ``MIN_PLACED`` participants placed, or fewer than two groups) stores no
groups: the page says so instead of drawing noise (``alike``: enough people, all voting alike)."""

from django.db import transaction
from django.utils import timezone

from civica.insights.opinion_map import map_opinions
from civica.insights.repness import AGREE

from .models import SHOWN, Conversation, Statement, Vote

MIN_PLACED = 7  # participants with enough votes to be placed
MAX_POINTS_DRAWN = 600  # the SVG draws at most this many participants (every group's share kept)


def conversation_votes(conversation_id):
    """(participant number, statement id, vote, timestamp) for ``map_opinions``, and the statements not shown."""
    votes = list(Vote.objects.filter(statement__conversation_id=conversation_id)
                 .values_list("participant__number", "statement_id", "choice", "voted_at"))
    excluded = set(Statement.objects.filter(conversation_id=conversation_id).exclude(SHOWN)
                   .values_list("pk", flat=True))
    return [(number, statement, choice, at.timestamp()) for number, statement, choice, at in votes], excluded


def map_as_data(result, *, votes: int) -> dict:
    """The parts of an ``OpinionMap`` a page shows, as JSON-ready data (shares rounded to 0.001)."""
    placed = len(result.group_of)
    too_few = placed < MIN_PLACED or len(result.groups) < 2
    data = {"votes": votes, "participants": placed + len(result.left_out), "placed": placed,
            "statements": len(result.statements), "min_votes": result.min_votes, "too_few": too_few,
            "weak_structure": bool(result.weak_structure), "groups": [], "consensus": [], "points": [],
            "alike": placed >= MIN_PLACED and len(result.groups) < 2}
    if too_few:
        return data
    for group in result.groups:
        data["groups"].append({"number": group.number, "size": len(group.members), "representative": [
            {"statement": statement.statement_id, "agree": statement.direction == AGREE,
             "agree_share": round(statement.agree_share, 3), "disagree_share": round(statement.disagree_share, 3)}
            for statement in group.representative]})
    for agreed, statements in ((True, result.consensus.agreed), (False, result.consensus.rejected)):
        for statement in statements:
            data["consensus"].append({"statement": statement.statement_id, "agree": agreed, "by_group": [
                [figures.group, round(figures.agree_share, 3), round(figures.disagree_share, 3)]
                for figures in statement.by_group]})
    data["points"] = [[number, round(x, 4), round(y, 4), result.group_of[number]]
                      for number, (x, y) in result.coordinates.items()]
    return data


def compute_map(conversation_id) -> dict | None:
    """Compute and store the map of one conversation; None when it no longer exists."""
    if not Conversation.objects.filter(pk=conversation_id).exists():
        return None
    votes, excluded = conversation_votes(conversation_id)
    data = map_as_data(map_opinions(votes, exclude_statements=excluded), votes=len(votes))
    with transaction.atomic():
        Conversation.objects.filter(pk=conversation_id).update(map_data=data, map_computed_at=timezone.now())
    return data
