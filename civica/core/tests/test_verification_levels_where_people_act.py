"""Where a person acts, what a missing verification level says and where it leads (issue 21, point 6):
the consultation's page and every refused action (propose, support, comment, answer a poll, register for
a meeting) name the level and link to the part of the person's verification page that gives it (the
census check, or the centre's desk with its address and hours), which brings them back once verified.

A truth table: visitor, unverified e-mail, e-mail verified participant, resident verified, verified in
person, and staff (an editor, who holds no level by being staff)."""

from urllib.parse import quote

import pytest
from django.utils import translation

from civica.core import refusals
from civica.meetings.tests.factories import MeetingFactory
from civica.participation.models import Poll
from civica.participation.tests.factories import IdeaFactory, ProcessFactory
from civica.verification.levels import Level
from civica.verification.models import Attempt, Method, Outcome, Verification
from civica.verification.predicates import level_remedy
from civica.verification.tests.factories import RESIDENTS, import_census

pytestmark = pytest.mark.django_db
MINE = "/en/account/verification/"
PERSONS = ["anonymous", "unverified", "participant", "resident", "in_person", "editor"]
# What each person holds, weakest first (a visitor and an unverified address hold nothing).
HOLDS = {"anonymous": 0, "unverified": 0, "participant": 1, "resident": 2, "in_person": 3, "editor": 1}
RANK = {Level.RESIDENT: 2, Level.IN_PERSON: 3}


def person(make_user, kind):
    if kind in ("resident", "in_person"):
        user = make_user("participant")
        Verification.objects.create(user=user, level=kind, method=Method.DESK)
        return user
    return make_user(kind)


@pytest.fixture
def consultation():
    """A consultation asking "resident" to support, comment and answer polls, "in person" to propose and
    to register for its meetings; an idea, a poll and a meeting of it."""
    process = ProcessFactory(level_support=Level.RESIDENT, level_comment=Level.RESIDENT, level_poll=Level.RESIDENT,
                             level_propose=Level.IN_PERSON, level_register=Level.IN_PERSON)
    idea = IdeaFactory(process=process)
    poll = Poll.objects.create(process=process, phase=process.phases.get(kind="ideas"), title="Poll")
    meeting = MeetingFactory(process=process)
    return process, idea, poll, meeting


def link(level, back_to, anchor):
    """The "Get verified" link as a page shows it."""
    label = {Level.RESIDENT: "resident verified", Level.IN_PERSON: "verified in person at the centre"}[level]
    return f'href="{MINE}?next={quote(back_to, safe="")}#{anchor}">Get verified: {label}</a>'


@pytest.mark.parametrize("kind", PERSONS)
def test_what_each_person_sees_on_the_consultations_page(client, make_user, consultation, kind):
    process = consultation[0]
    user = person(make_user, kind)
    if user is not None and user.is_authenticated:
        client.force_login(user)
    page = client.get(f"/en/processes/{process.slug}/").content.decode()
    back_to = f"/en/processes/{process.slug}/#verification-needed"
    assert "To support ideas you need: <strong>resident verified</strong>" in page
    assert "To propose ideas you need: <strong>verified in person at the centre</strong>" in page
    # No census imported: "resident" is got at the centre's desk too.
    for action, level in (("support", Level.RESIDENT), ("propose", Level.IN_PERSON), ("register", Level.IN_PERSON)):
        item = page.split(f'id="level-needed-{action}"')[1].split("</li>")[0]
        if HOLDS[kind] >= RANK[level]:
            assert "You have it." in item and "Get verified" not in item, (kind, action)
        else:
            assert link(level, back_to, "in-person") in item and "You have it." not in item, (kind, action)


def test_the_list_of_levels_costs_the_same_for_one_level_or_all(client, make_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(make_user("participant"))
    import_census()
    counts = []
    every = {f"level_{action}": Level.IN_PERSON for action in ("propose", "comment", "poll", "register")}
    for process in (ProcessFactory(level_support=Level.RESIDENT, **every),
                    ProcessFactory(level_support=Level.RESIDENT)):
        client.get(f"/en/processes/{process.slug}/")  # caches filled once
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/en/processes/{process.slug}/").status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts


def without_levels_list(page):
    """The page but the consultation's list of the levels it asks for (tested above): what the action says."""
    if 'id="verification-needed"' not in page:
        return page
    before, after = page.split('<div class="notice" id="verification-needed">', 1)
    return before + after.split("</div>", 1)[1]


@pytest.mark.parametrize("kind", PERSONS)
def test_what_each_person_sees_where_they_act(client, make_user, consultation, kind):
    process, idea, poll, meeting = consultation
    user = person(make_user, kind)
    if user is not None and user.is_authenticated:
        client.force_login(user)
    import_census()  # the city's census answers: "resident" is got by the census check
    idea_url = f"/en/processes/{process.slug}/ideas/{idea.pk}/"
    pages = {
        "support": (idea_url, f"{idea_url}#support", Level.RESIDENT, "Support this idea"),
        "comment": (idea_url, f"{idea_url}#comments", Level.RESIDENT, "Post comment"),
        "poll": (f"/en/processes/{process.slug}/polls/{poll.pk}/", None, Level.RESIDENT, None),
        "propose": (f"/en/processes/{process.slug}/", f"/en/processes/{process.slug}/ideas/new/", Level.IN_PERSON,
                    "Propose an idea"),
        "register": (f"/en/meetings/{meeting.slug}/", f"/en/meetings/{meeting.slug}/#registration",
                     Level.IN_PERSON, "Register"),
    }
    for action, (url, back_to, level, allowed) in pages.items():
        page = without_levels_list(client.get(url).content.decode())
        back_to = back_to or url
        anchor = "residence" if level == Level.RESIDENT else "in-person"
        if kind == "anonymous":
            assert "Create an account" in page and "Get verified" not in page, action
        elif kind == "unverified":
            assert "Send me the link again" in page and "Get verified" not in page, action
        elif HOLDS[kind] < RANK[level]:
            assert "here you need: " in page and link(level, back_to, anchor) in page, (kind, action)
        else:
            assert "Get verified" not in page and "here you need" not in page, (kind, action)
            assert allowed is None or allowed in page, (kind, action)


def test_the_refusal_and_its_link_come_from_the_same_requirement(make_user, consultation):
    process, idea, _poll, _meeting = consultation
    participant, resident = make_user("participant"), person(make_user, "resident")
    with translation.override("en"):
        failing = refusals.failing(participant, "participation.support_idea", idea)
        assert failing.name == "level_support"
        assert refusals.remedy(participant, "participation.support_idea", idea) == failing.remedy(participant, idea)
        assert refusals.remedy(resident, "participation.support_idea", idea) is None  # allowed: nothing to get
        remedy = refusals.remedy(resident, "participation.propose_idea", process)
        assert (remedy.url, remedy.anchor, remedy.label) == (
            MINE, "in-person", "Get verified: verified in person at the centre")
        # Comments: their target's entry refuses, and says where to get the level (comments.rules).
        assert refusals.remedy(participant, "comments.post", idea).anchor == "in-person"
        import_census()
        assert level_remedy(Level.RESIDENT).anchor == "residence"


def test_the_page_of_the_level_explains_the_desk_and_offers_the_way_back(client, make_user, settings):
    settings.CIVICA_DESK_ADDRESS, settings.CIVICA_DESK_HOURS = "Str. Fluierașului nr. 3", "Monday to Friday, 10–16"
    client.force_login(make_user("participant"))
    page = client.get(f"{MINE}?next=/en/processes/x/%23support").content.decode()
    assert 'id="in-person"' in page and "Str. Fluierașului nr. 3" in page and "Monday to Friday, 10–16" in page
    assert '<a href="/en/processes/x/#support">Back to where you were</a>' in page
    assert 'name="next" value="/en/processes/x/#support"' in page
    settings.CIVICA_DESK_HOURS = ""
    assert "first to agree on a time" in client.get(MINE).content.decode()
    # Only an address of this site is kept: another site's (or a scheme-relative one) is dropped.
    for elsewhere in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        page = client.get(MINE, {"next": elsewhere}).content.decode()
        assert "Back to where you were" not in page
        assert f'href="{elsewhere}"' not in page and f'value="{elsewhere}"' not in page


def test_once_verified_the_person_goes_back_where_they_were(client, make_user, consultation):
    process, idea, _poll, _meeting = consultation
    user = make_user("participant")
    client.force_login(user)
    import_census()
    identifier, born = RESIDENTS[0]
    back_to = f"/en/processes/{process.slug}/ideas/{idea.pk}/#support"
    response = client.post(f"{MINE}residence/", {"identifier": identifier, "birth_date": born.isoformat(),
                                                   "next": back_to})
    assert response.status_code == 302 and response["Location"] == back_to
    page = client.get(back_to.split("#")[0]).content.decode()
    assert "Your residence is verified." in page and "Support this idea" in page
    # A code from the desk: the same way back; another site's address is not followed.
    client.force_login(make_user("editor"))
    shown = client.post(f"{MINE}staff/desk/code/").content.decode().split('id="desk-code">')[1].split("<")[0]
    client.force_login(user)
    response = client.post(f"{MINE}code/", {"code": shown, "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == MINE


def test_attempts_are_limited_per_address_and_each_is_kept(client, make_user, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "verification_attempt": "3/h/ip"}
    import_census()
    people = [make_user("participant") for _ in range(2)]
    client.force_login(people[0])
    for _attempt in range(2):
        assert client.post(f"{MINE}residence/", {"identifier": "1", "birth_date": "2000-01-01"}).status_code == 400
    client.force_login(people[1])  # another account from the same address shares its limit
    assert client.post(f"{MINE}code/", {"code": "AAAAAAAAAA"}).status_code == 400
    identifier, born = RESIDENTS[0]
    assert client.post(f"{MINE}residence/", {"identifier": identifier,
                                              "birth_date": born.isoformat()}).status_code == 429
    assert not Verification.objects.exists()
    # Each attempt that was checked is kept with its outcome only (what was typed is not).
    assert sorted(Attempt.objects.values_list("user_id", "method", "outcome")) == sorted([
        (people[0].pk, Method.CENSUS, Outcome.NOT_FOUND), (people[0].pk, Method.CENSUS, Outcome.NOT_FOUND),
        (people[1].pk, Method.DESK_CODE, Outcome.INVALID_CODE)])


@pytest.mark.parametrize("kind", PERSONS)
def test_a_conversation_asks_its_consultations_level_to_vote_and_add_statements(client, make_user, kind):
    import datetime

    from django.utils import timezone

    from civica.participation.tests.conversations.factories import open_conversation, statements

    now, day = timezone.now(), datetime.timedelta(days=1)
    process = ProcessFactory(phases=[("conversation", now - day, now + 10 * day)], level_converse=Level.RESIDENT)
    conversation = open_conversation(process, participants_submit=True)
    statement = statements(conversation, 1)[0]
    user = person(make_user, kind)
    allowed = HOLDS[kind] >= RANK[Level.RESIDENT]
    for permission, target in (("participation.vote_statement", statement),
                               ("participation.submit_statement", conversation)):
        assert user.has_perm(permission, target) == allowed, (kind, permission)
        if HOLDS[kind] >= 1 and not allowed:
            assert refusals.failing(user, permission, target).name == "level_converse"
    if user.is_authenticated:
        client.force_login(user)
    url = f"/en/processes/{process.slug}/conversations/{conversation.pk}/"
    page = client.get(url).content.decode()
    if HOLDS[kind] >= 1 and not allowed:
        assert "To take part in the conversation here you need: resident verified." in page
        assert link(Level.RESIDENT, url, "in-person") in page
    else:
        assert "Get verified" not in page, kind
    if allowed:
        assert 'name="choice"' in page
