"""Truth table of the verification levels a consultation asks for each action (issue 21, point 6):
each action × the level it needs × what the person holds; the refusal names the level and how to get it,
from the same requirement that decides."""

import pytest
from django.utils import translation

from civica.comments.registry import commentables
from civica.core import refusals
from civica.participation.models import Debate, Poll
from civica.participation.tests.factories import IdeaFactory, ProcessFactory
from civica.verification.levels import Level
from civica.verification.models import Method, Verification

pytestmark = pytest.mark.django_db

PERMISSIONS = ["participation.propose_idea", "participation.support_idea", "participation.edit_idea",
               "participation.answer_poll", "comments.post"]
HOLDS = ["email", "resident", "in_person"]


def person_holding(make_user, holds):
    user = make_user("participant")
    if holds != "email":
        Verification.objects.create(user=user, level=holds, method=Method.DESK)
    return user


def targets(process, author):
    idea = IdeaFactory(process=process, author=author)
    return {
        "propose": ("participation.propose_idea", process),
        "support": ("participation.support_idea", IdeaFactory(process=process)),
        "edit": ("participation.edit_idea", idea),
        "poll": ("participation.answer_poll",
                 Poll.objects.create(process=process, phase=process.phases.get(kind="ideas"), title="Poll")),
        "comment": ("comments.post", Debate.objects.create(process=process, question="Why?")),
    }


LEVEL_OF = {"propose": "level_propose", "support": "level_support", "edit": "level_propose", "poll": "level_poll",
            "comment": "level_comment"}


@pytest.mark.parametrize("needed", list(Level))
@pytest.mark.parametrize("holds", HOLDS)
def test_each_action_needs_the_level_its_consultation_sets(make_user, needed, holds):
    user = person_holding(make_user, holds)
    process = ProcessFactory(**{field: needed for field in set(LEVEL_OF.values())})
    meets = {"email": 1, "resident": 2, "in_person": 3}[holds] >= {"email": 1, "resident": 2, "in_person": 3}[needed]
    for action, (permission, target) in targets(process, user).items():
        assert user.has_perm(permission, target) == meets, (action, permission)
        failing = refusals.failing(user, permission, target)
        # Comments ask their target's entry whether they are open (comments.rules), which says the level.
        expected = "comments_open" if action == "comment" else f"level_{LEVEL_OF[action].split('_')[1]}"
        assert (failing.name if failing else None) == (None if meets else expected)
        with translation.override("en"):
            assert meets or "here you need: " in refusals.why_not(user, permission, target)


def test_one_action_may_need_more_than_the_others(make_user):
    user = person_holding(make_user, "email")
    process = ProcessFactory(level_support=Level.RESIDENT)
    found = targets(process, user)
    assert not user.has_perm(*found["support"])
    assert all(user.has_perm(*found[action]) for action in ("propose", "edit", "poll", "comment"))
    with translation.override("en"):
        assert refusals.why_not(user, *found["support"]) == (
            "To support ideas here you need: resident verified. Verify your residence on your account's "
            "verification page, with your personal numeric code (CNP) and birth date, or at the centre.")
        # Comments say it through their target's entry too (comments.rules).
        entry = commentables.for_object(found["comment"][1])
        assert entry.open_now.why_not(user, found["comment"][1]) is None


def test_a_visitor_is_asked_to_log_in_before_being_told_the_level(make_user):
    from django.contrib.auth.models import AnonymousUser

    process = ProcessFactory(level_propose=Level.IN_PERSON)
    assert refusals.next_step(AnonymousUser(), "participation.propose_idea", process) == refusals.LOG_IN
    assert refusals.failing(make_user("unverified"), "participation.propose_idea", process).name == "is_verified"
    # A verified participant without the level has no step of the account to take: the sentence says how.
    assert refusals.next_step(make_user("participant"), "participation.propose_idea", process) is None


def test_an_anonymous_poll_asking_for_residents_refuses_visitors(make_user):
    from django.contrib.auth.models import AnonymousUser

    process = ProcessFactory(level_poll=Level.RESIDENT)
    poll = Poll.objects.create(process=process, phase=process.phases.get(kind="ideas"), title="Poll",
                               allow_anonymous=True)
    assert refusals.failing(AnonymousUser(), "participation.answer_poll", poll).name == "level_poll"
    assert person_holding(make_user, "resident").has_perm("participation.answer_poll", poll)


def test_the_page_says_what_each_action_needs_and_the_editor_sets_it(client, make_user):
    process = ProcessFactory(level_support=Level.RESIDENT, level_register=Level.IN_PERSON)
    page = client.get(f"/en/processes/{process.slug}/").content.decode()
    assert "To support ideas you need: <strong>resident verified</strong>" in page
    assert "To register for its meetings you need: <strong>verified in person at the centre</strong>" in page
    assert "To propose ideas you need" not in page
    assert 'href="/en/account/verification/?next=%2Fen%2Fprocesses%2F' in page
    plain = ProcessFactory()
    assert 'id="verification-needed"' not in client.get(f"/en/processes/{plain.slug}/").content.decode()


def test_the_editor_sets_the_levels_on_the_consultation_screen(client, make_user):
    process = ProcessFactory()
    client.force_login(make_user("editor"))
    data = {"title_ro": process.title_ro, "title_en": process.title_en, "summary_ro": process.summary_ro,
            "summary_en": process.summary_en, "scope": process.scope, "starts_on": process.starts_on.isoformat(),
            "ends_on": process.ends_on.isoformat(), "report_threshold": "3", "level_support": "resident",
            "level_register": "in_person"}
    url = f"/en/processes/{process.slug}/manage/edit/"
    assert "Verification each action needs" in client.get(url).content.decode()
    assert client.post(url, {**data, "level_poll": "citizen"}).status_code == 200  # the form again, saying why
    assert client.post(url, data).status_code == 302
    process.refresh_from_db()
    assert (process.level_support, process.level_register, process.level_propose) == ("resident", "in_person", "email")
