"""Truth tables of moderation and following: reports by anyone signed in, moderation by the
moderators of the process (or of the whole site). Issue 13 moves moderation and notifications into
their own apps: this module goes with them."""

import pytest

from civica.participation.tests.factories import IdeaFactory, ProcessFactory

PERMISSIONS = {"participation.moderate", "participation.view_moderation_queue", "participation.report"}

KINDS = ["anonymous", "inactive", "unverified", "participant", "moderator_here", "moderator_elsewhere", "moderator",
         "editor", "administrator"]
SIGNED_IN = set(KINDS) - {"anonymous", "inactive"}
MODERATORS = {"moderator_here", "moderator", "editor", "administrator"}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_moderation_and_follow_permissions(make_user, kind):
    process = ProcessFactory()
    if kind == "moderator_here":
        user = make_user("moderator", scope=process)
    elif kind == "moderator_elsewhere":
        user = make_user("moderator", scope=ProcessFactory())
    else:
        user = make_user(kind)
    idea = IdeaFactory(process=process)
    assert {
        "moderate the process": user.has_perm("participation.moderate", process),
        "moderate an idea of it": user.has_perm("participation.moderate", idea),
        "see the queue": user.has_perm("participation.view_moderation_queue"),
        "report": user.has_perm("participation.report", idea),
    } == {
        "moderate the process": kind in MODERATORS,
        "moderate an idea of it": kind in MODERATORS,
        # A moderator of any process sees the queue (holding what they may act on).
        "see the queue": kind in MODERATORS | {"moderator_elsewhere"},
        # Reporting needs an account, not a verified address.
        "report": kind in SIGNED_IN,
    }
