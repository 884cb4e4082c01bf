"""Truth tables: each phase window × each role, with frozen time."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.core import refusals
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

# The editors' screens (manage/): editors and administrators only, whatever the process.
MANAGING = ["manage_processes", "create_process", "manage_process", "publish_process", "manage_debate", "manage_poll"]
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
               "participation.edit_idea", "participation.read_process", "participation.read_idea",
               "participation.withdraw_support", "participation.answer_poll", "participation.see_poll_results",
               "participation.export_poll", *(f"participation.{name}" for name in MANAGING)}

KINDS = ["anonymous", "unverified", "participant", "moderator_here", "moderator_elsewhere", "editor"]
VERIFIED = {"participant", "moderator_here", "moderator_elsewhere", "editor"}
# Why a row is refused: the requirement that fails first (core/refusals.py), by its predicate's name.
NOT_A_PARTICIPANT = {"anonymous": "is_authenticated", "unverified": "is_verified"}


def reason(user, permission, obj):
    """The name of the requirement that refuses ``user`` (None when allowed), and that its words exist."""
    failing = refusals.failing(user, permission, obj)
    if failing is None:
        return None
    assert refusals.why_not(user, permission, obj) == failing.says(user, obj) != ""
    return failing.name


@pytest.mark.django_db
@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("kind", KINDS)
def test_propose_idea(process, make, window, kind):
    user = make(kind, process)
    with time_machine.travel(WINDOWS[window], tick=False):
        allowed = user.has_perm("participation.propose_idea", process)
        why = reason(user, "participation.propose_idea", process)
    assert allowed == (kind in VERIFIED and window == "ideas")
    assert why == (NOT_A_PARTICIPANT.get(kind) or (None if window == "ideas" else "phase_allows_create_idea"))


@pytest.mark.django_db
@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("kind", KINDS)
def test_support_idea(process, make, window, kind):
    idea = IdeaFactory(process=process)
    user = make(kind, process)
    with time_machine.travel(WINDOWS[window], tick=False):
        allowed = user.has_perm("participation.support_idea", idea)
        why = reason(user, "participation.support_idea", idea)
    assert allowed == (kind in VERIFIED and window in {"ideas", "voting"})
    assert why == (NOT_A_PARTICIPANT.get(kind) or (None if window in {"ideas", "voting"} else "phase_allows_support"))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_answer_idea_is_for_moderators_of_this_process(process, make, kind):
    idea = IdeaFactory(process=process)
    assert make(kind, process).has_perm("participation.answer_idea", idea) == (kind in {"moderator_here", "editor"})


@pytest.mark.django_db
@translation.override("en")
def test_authors_cannot_support_their_own_idea(process):
    idea = IdeaFactory(process=process)
    with time_machine.travel(WINDOWS["ideas"], tick=False):
        assert not idea.author.has_perm("participation.support_idea", idea)
        assert reason(idea.author, "participation.support_idea", idea) == "~is_idea_author"
        assert refusals.why_not(idea.author, "participation.support_idea", idea) == "You cannot support your own idea."


@pytest.mark.django_db
@translation.override("en")
def test_supports_run_out_then_hidden_ideas_take_none(process):
    from civica.participation.models import Support

    process.supports_per_person = 1
    process.save()
    user = UserFactory()
    first, second = IdeaFactory(process=process), IdeaFactory(process=process, is_hidden=True)
    with time_machine.travel(WINDOWS["ideas"], tick=False):
        assert reason(user, "participation.support_idea", second) == "idea_visible"
        Support.objects.create(idea=first, user=user)
        assert reason(user, "participation.support_idea", second) == "has_supports_left"
        assert refusals.why_not(user, "participation.support_idea", second) == (
            "You have used all 1 supports you have in this consultation.")


@pytest.mark.django_db
@pytest.mark.parametrize("window", WINDOWS)
def test_author_edits_only_untouched_ideas_during_the_ideas_phase(process, window):
    idea = IdeaFactory(process=process)
    someone_elses = IdeaFactory(process=process)
    with time_machine.travel(WINDOWS[window], tick=False):
        assert idea.author.has_perm("participation.edit_idea", idea) == (window == "ideas")
        assert reason(idea.author, "participation.edit_idea", idea) == (
            None if window == "ideas" else "phase_allows_create_idea")
        idea.is_hidden = True
        assert reason(idea.author, "participation.edit_idea", idea) == "idea_not_hidden_by_reports"
        idea.review_state = "waiting"  # hidden while it waits for a moderator's approval: still its author's
        assert reason(idea.author, "participation.edit_idea", idea) == (
            None if window == "ideas" else "phase_allows_create_idea")
        idea.support_count = 1
        assert not idea.author.has_perm("participation.edit_idea", idea)
        assert reason(idea.author, "participation.edit_idea", idea) == "idea_untouched"
        assert not UserFactory().has_perm("participation.edit_idea", someone_elses)
        assert reason(UserFactory(), "participation.edit_idea", someone_elses) == "is_idea_author"


@pytest.mark.django_db
def test_unpublished_processes_are_for_editors_only():
    process = ProcessFactory(is_published=False)
    assert not AnonymousUser().has_perm("participation.read_process", process)
    assert not UserFactory().has_perm("participation.read_process", process)
    assert UserFactory(role=Role.EDITOR).has_perm("participation.read_process", process)
    assert not UserFactory().has_perm("participation.propose_idea", process)
    assert reason(UserFactory(), "participation.propose_idea", process) == "is_published"


@pytest.mark.django_db
@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("kind", KINDS)
def test_withdraw_support(process, make, window, kind):
    idea = IdeaFactory(process=process)
    user = make(kind, process)
    with time_machine.travel(WINDOWS[window], tick=False):
        allowed = user.has_perm("participation.withdraw_support", idea)
    assert allowed == (kind in VERIFIED and window in {"ideas", "voting"})


@pytest.mark.django_db
@pytest.mark.parametrize("hidden", [False, True])
@pytest.mark.parametrize("published", [True, False])
@pytest.mark.parametrize("kind", [*KINDS, "author"])
def test_read_idea(process, make, kind, published, hidden):
    process.is_published = published
    process.save()
    idea = IdeaFactory(process=process, is_hidden=hidden)
    user = idea.author if kind == "author" else make(kind, process)
    expected = (published and not hidden) or kind in {"author", "moderator_here", "editor"}
    assert user.has_perm("participation.read_idea", idea) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("anonymous_answers", [False, True])
@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("kind", KINDS)
def test_answer_poll_while_its_phase_runs(process, make, kind, window, anonymous_answers):
    from civica.participation.models import Poll

    poll = Poll.objects.create(process=process, phase=process.phases.get(kind="ideas"), title="Priorities",
                               allow_anonymous=anonymous_answers)
    user = make(kind, process)
    with time_machine.travel(WINDOWS[window], tick=False):
        allowed = user.has_perm("participation.answer_poll", poll)
        why = reason(user, "participation.answer_poll", poll)
    assert allowed == (window == "ideas" and (kind in VERIFIED or anonymous_answers))
    if window != "ideas":
        assert why == "poll_open"
    elif kind in NOT_A_PARTICIPANT and not anonymous_answers:
        assert why == {"anonymous": "logged_in_unless_anonymous", "unverified": "verified_unless_anonymous"}[kind]
    else:
        assert why is None


@pytest.mark.django_db
@pytest.mark.parametrize(("window", "words"), [
    ("information", "The current phase of this consultation does not allow you to propose ideas."),
    ("after", "This consultation is not open for participation now."),
])
@translation.override("en")
def test_a_closed_phase_says_whether_the_consultation_runs(process, window, words):
    with time_machine.travel(WINDOWS[window], tick=False):
        assert refusals.why_not(UserFactory(), "participation.propose_idea", process) == words
        assert refusals.why_not(AnonymousUser(), "participation.propose_idea", process) == "Log in to propose ideas."


@pytest.mark.django_db
@pytest.mark.parametrize(("window", "words"), [("information", "This poll is not open yet."),
                                                ("voting", "This poll is closed.")])
@translation.override("en")
def test_a_poll_says_whether_it_is_not_open_yet_or_closed(process, window, words):
    from civica.participation.models import Poll

    poll = Poll.objects.create(process=process, phase=process.phases.get(kind="ideas"), title="Priorities")
    with time_machine.travel(WINDOWS[window], tick=False):
        assert refusals.why_not(UserFactory(), "participation.answer_poll", poll) == words


@pytest.mark.django_db
@pytest.mark.parametrize("visibility", ["immediately", "after_close"])
@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("kind", KINDS)
def test_poll_results_and_export(process, make, kind, window, visibility):
    from civica.participation.models import Poll

    poll = Poll.objects.create(process=process, phase=process.phases.get(kind="ideas"), title="Priorities",
                               results_visibility=visibility)
    user = make(kind, process)
    with time_machine.travel(WINDOWS[window], tick=False):
        allowed = {name: user.has_perm(name, poll) for name in ("participation.see_poll_results",
                                                                 "participation.export_poll")}
    moderates = kind in {"moderator_here", "editor"}
    public = visibility == "immediately" or window in {"voting", "after"}
    assert allowed == {"participation.see_poll_results": public or moderates, "participation.export_poll": moderates}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", [*KINDS, "administrator"])
def test_the_editors_screens_are_for_editors(process, make, kind):
    user = make(kind, process)
    for name in MANAGING:
        target = None if name in {"manage_processes", "create_process"} else process
        assert user.has_perm(f"participation.{name}", target) == (kind in {"editor", "administrator"}), name
