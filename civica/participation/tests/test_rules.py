"""Truth tables: each phase window × each role, with frozen time."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

START = timezone.make_aware(datetime.datetime(2026, 3, 1, 12, 0))
DAY = datetime.timedelta(days=1)
# information 1–10 March, ideas 10–20, voting 20–30, then nothing.
WINDOWS = {"information": START + 2 * DAY, "ideas": START + 12 * DAY, "voting": START + 22 * DAY,
           "after": START + 40 * DAY}


@pytest.fixture
def process(db):
    return ProcessFactory(phases=[
        ("information", START, START + 9 * DAY),
        ("ideas", START + 9 * DAY, START + 19 * DAY),
        ("voting", START + 19 * DAY, START + 29 * DAY),
    ])


@pytest.fixture
def make(make_user):
    """The rows of these tables: roles of the root conftest, moderators here or on another process."""
    def make(kind, process):
        if kind == "moderator_here":
            return make_user("moderator", scope=process)
        if kind == "moderator_elsewhere":
            return make_user("moderator", scope=ProcessFactory())
        return make_user(kind)

    return make


# The permissions these tables cover (checked by core/tests/test_permission_coverage.py).
PERMISSIONS = {"participation.propose_idea", "participation.support_idea", "participation.answer_idea",
               "participation.edit_idea", "participation.read_process"}

KINDS = ["anonymous", "unverified", "participant", "moderator_here", "moderator_elsewhere", "editor"]
VERIFIED = {"participant", "moderator_here", "moderator_elsewhere", "editor"}


@pytest.mark.django_db
@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("kind", KINDS)
def test_propose_idea(process, make, window, kind):
    user = make(kind, process)
    with time_machine.travel(WINDOWS[window], tick=False):
        allowed = user.has_perm("participation.propose_idea", process)
    assert allowed == (kind in VERIFIED and window == "ideas")


@pytest.mark.django_db
@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("kind", KINDS)
def test_support_idea(process, make, window, kind):
    idea = IdeaFactory(process=process)
    user = make(kind, process)
    with time_machine.travel(WINDOWS[window], tick=False):
        allowed = user.has_perm("participation.support_idea", idea)
    assert allowed == (kind in VERIFIED and window in {"ideas", "voting"})


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_answer_idea_is_for_moderators_of_this_process(process, make, kind):
    idea = IdeaFactory(process=process)
    assert make(kind, process).has_perm("participation.answer_idea", idea) == (kind in {"moderator_here", "editor"})


@pytest.mark.django_db
def test_authors_cannot_support_their_own_idea(process):
    idea = IdeaFactory(process=process)
    with time_machine.travel(WINDOWS["ideas"], tick=False):
        assert not idea.author.has_perm("participation.support_idea", idea)


@pytest.mark.django_db
@pytest.mark.parametrize("window", WINDOWS)
def test_author_edits_only_untouched_ideas_during_the_ideas_phase(process, window):
    idea = IdeaFactory(process=process)
    with time_machine.travel(WINDOWS[window], tick=False):
        assert idea.author.has_perm("participation.edit_idea", idea) == (window == "ideas")
        idea.support_count = 1
        assert not idea.author.has_perm("participation.edit_idea", idea)
        assert not UserFactory().has_perm("participation.edit_idea", IdeaFactory(process=process))


@pytest.mark.django_db
def test_unpublished_processes_are_for_editors_only():
    process = ProcessFactory(is_published=False)
    assert not AnonymousUser().has_perm("participation.read_process", process)
    assert not UserFactory().has_perm("participation.read_process", process)
    assert UserFactory(role=Role.EDITOR).has_perm("participation.read_process", process)
    assert not UserFactory().has_perm("participation.propose_idea", process)
