"""Truth tables of comments (on ideas, inside a process, and on meetings, outside any): each role ×
the state of the thing commented on and of the comment. Site-wide: it tries comments' permissions on
participation's ideas and on meetings, which only the site-wide tests may set up together."""

import datetime

import pytest
import time_machine
from django.utils import timezone, translation

from civica.comments.models import Comment
from civica.core import refusals
from civica.meetings.tests.factories import MeetingFactory
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

PERMISSIONS = {"comments.post", "comments.edit", "comments.remove", "comments.vote"}

START = timezone.make_aware(datetime.datetime(2026, 3, 1, 12, 0))
DAY = datetime.timedelta(days=1)
# ideas 1–10 March (comments allowed), voting 10–20 (not).
WINDOWS = {"ideas": START + 2 * DAY, "voting": START + 12 * DAY, "after": START + 40 * DAY}
KINDS = ["anonymous", "unverified", "participant", "author", "moderator_here", "moderator_elsewhere", "moderator",
         "editor"]
VERIFIED = set(KINDS) - {"anonymous", "unverified"}


@pytest.fixture
def process(db):
    return ProcessFactory(phases=[("ideas", START, START + 9 * DAY), ("voting", START + 9 * DAY, START + 19 * DAY)])


@pytest.fixture
def make(make_user, process):
    def make(kind, comment=None):
        if kind == "author":
            return comment.author
        if kind == "moderator_here":
            return make_user("moderator", scope=process)
        if kind == "moderator_elsewhere":
            return make_user("moderator", scope=ProcessFactory())
        return make_user(kind)

    return make


@pytest.mark.django_db
@pytest.mark.parametrize("hidden", [False, True])
@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("kind", sorted(set(KINDS) - {"author"}))
def test_post_comment_on_an_idea(process, make, kind, window, hidden):
    idea = IdeaFactory(process=process, is_hidden=hidden)
    user = make(kind)
    with time_machine.travel(WINDOWS[window], tick=False):
        allowed = user.has_perm("comments.post", idea)
        refused_by = refusals.failing(user, "comments.post", idea)
        with translation.override("en"):
            reason = refusals.why_not(user, "comments.post", idea)
    assert allowed == (kind in VERIFIED and window == "ideas" and not hidden)
    # Why not comes from the same requirements as the decision, the first that fails.
    expected = (None if allowed else "is_authenticated" if kind == "anonymous" else "verified" if kind == "unverified"
                else "target_visible" if hidden else "comments_open")
    assert (refused_by.name if refused_by else None) == expected
    assert reason == {
        None: None, "is_authenticated": "Log in to comment.",
        "verified": "Verify your e-mail address to comment: open the link we sent you.",
        "target_visible": "Comments are closed while moderators review this.",
        # The idea's entry says which of its own requirements failed: after the ideas phase, the phase.
        "comments_open": "The current phase of this consultation does not allow you to comment."
        if window == "voting" else "This consultation is not open for participation now.",
    }[expected]


@pytest.mark.django_db
def test_comments_on_a_meeting_that_has_not_begun_say_when_they_open(make_user):
    meeting = MeetingFactory(starts_at=timezone.now() + DAY)
    with translation.override("en"):
        assert refusals.why_not(make_user("participant"), "comments.post", meeting) == (
            "Comments open when the meeting begins.")


COMMENT_STATES = ["fresh", "old", "deleted", "hidden"]


def comment_on(target, process, state, author):
    written = START + 2 * DAY - (DAY if state == "old" else datetime.timedelta(minutes=5))
    return Comment.objects.create(target=target, scope=process, author=author, body="Bună idee.",
                                  created_at=written, is_deleted=state == "deleted", is_hidden=state == "hidden")


@pytest.mark.django_db
@pytest.mark.parametrize("on", ["idea", "meeting"])
@pytest.mark.parametrize("state", COMMENT_STATES)
@pytest.mark.parametrize("kind", KINDS)
def test_comment_permissions(process, make, make_user, kind, state, on):
    target = IdeaFactory(process=process) if on == "idea" else MeetingFactory()
    comment = comment_on(target, process if on == "idea" else None, state, make_user("participant"))
    user = make(kind, comment)
    with time_machine.travel(WINDOWS["ideas"], tick=False):
        allowed = {name: user.has_perm(name, comment) for name in sorted(PERMISSIONS - {"comments.post"})}
    live = state in {"fresh", "old"}
    # Only authors delete (issue 12, item 24): moderators hide, with a reason (moderation's table).
    assert allowed == {
        "comments.edit": kind == "author" and state in {"fresh", "hidden"},
        "comments.remove": kind == "author" and live,
        "comments.vote": kind in VERIFIED - {"author"} and live,
    }
