"""Truth table of moderation: reports by anyone signed in, moderation by the moderators of the
target's scope (a consultation's, or the whole site's). Site-wide: it tries moderation's permissions
on participation's ideas and consultations."""

import pytest

from civica.participation.tests.factories import IdeaFactory, ProcessFactory

PERMISSIONS = {"moderation.moderate", "moderation.view_queue", "moderation.report"}

KINDS = ["anonymous", "inactive", "unverified", "participant", "moderator_here", "moderator_elsewhere", "moderator",
         "editor", "administrator"]
SIGNED_IN = set(KINDS) - {"anonymous", "inactive"}
MODERATORS = {"moderator_here", "moderator", "editor", "administrator"}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_moderation_permissions(make_user, kind):
    process = ProcessFactory()
    if kind == "moderator_here":
        user = make_user("moderator", scope=process)
    elif kind == "moderator_elsewhere":
        user = make_user("moderator", scope=ProcessFactory())
    else:
        user = make_user(kind)
    idea = IdeaFactory(process=process)
    assert {
        "moderate the process": user.has_perm("moderation.moderate", process),
        "moderate an idea of it": user.has_perm("moderation.moderate", idea),
        "see the queue": user.has_perm("moderation.view_queue"),
        "report": user.has_perm("moderation.report", idea),
    } == {
        "moderate the process": kind in MODERATORS,
        "moderate an idea of it": kind in MODERATORS,
        # A moderator of any process sees the queue (holding what they may act on).
        "see the queue": kind in MODERATORS | {"moderator_elsewhere"},
        # Reporting needs an account, not a verified address.
        "report": kind in SIGNED_IN,
    }
