"""Truth tables of pre-moderation (issue 21, point 5) on a consultation whose contributions wait for a
moderator: who approves or rejects (``moderation.review``), who sees a waiting item
(``moderation.see_unpublished``, and ``participation.read_idea`` for an idea), who sends a rejected one
again (``moderation.resubmit``), for an idea and a comment, each role × each state."""

import pytest
from django.contrib.contenttypes.models import ContentType

from civica.comments.models import Comment
from civica.participation.models import Idea, Process
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

PERMISSIONS = {"moderation.review", "moderation.see_unpublished", "moderation.resubmit"}

KINDS = ["anonymous", "author", "participant", "moderator_here", "moderator_elsewhere", "moderator_global",
         "editor"]
MODERATORS = {"moderator_here", "moderator_global", "editor"}
STATES = ["waiting", "rejected", "published"]


@pytest.fixture
def process(db):
    return ProcessFactory(contributions_wait=True)


def make(kind, process, author, make_user):
    if kind == "author":
        return author
    if kind == "moderator_here":
        return make_user("moderator", scope=process)
    if kind == "moderator_elsewhere":
        return make_user("moderator", scope=ProcessFactory())
    if kind == "moderator_global":
        return make_user("moderator")
    return make_user(kind)


def idea_in(process, state, author):
    return IdeaFactory(process=process, author=author, is_hidden=state != "published",
                       review_state="" if state == "published" else state)


def comment_in(process, state, author):
    idea = IdeaFactory(process=process)
    return Comment.objects.create(target_type=ContentType.objects.get_for_model(Idea), target_id=idea.pk,
                                  scope_type=ContentType.objects.get_for_model(Process), scope_id=process.pk,
                                  author=author, body="A comment", is_hidden=state != "published",
                                  review_state="" if state == "published" else state)


@pytest.fixture
def people(process, make_user):
    """Every row of the tables, made once (the truth tables stay one test each)."""
    author = make_user("participant")
    return {kind: make(kind, process, author, make_user) for kind in KINDS}


@pytest.mark.django_db
@pytest.mark.parametrize("content", [idea_in, comment_in], ids=["idea", "comment"])
def test_review_and_see_and_resubmit(process, people, content):
    table = {}
    for state in STATES:
        target = content(process, state, people["author"])
        for kind, user in people.items():
            table[state, kind] = (user.has_perm("moderation.review", target),
                                  user.has_perm("moderation.see_unpublished", target),
                                  user.has_perm("moderation.resubmit", target))
    assert table == {(state, kind): (kind in MODERATORS, kind in MODERATORS | {"author"}, kind == "author")
                     for state in STATES for kind in KINDS}


@pytest.mark.django_db
def test_reading_a_waiting_idea(process, people):
    """Nobody but its author and the consultation's moderators reads an idea that waits or was rejected."""
    table = {(state, kind): user.has_perm("participation.read_idea", idea)
             for state in STATES for idea in [idea_in(process, state, people["author"])]
             for kind, user in people.items()}
    assert table == {(state, kind): state == "published" or kind in MODERATORS | {"author"}
                     for state in STATES for kind in KINDS}
