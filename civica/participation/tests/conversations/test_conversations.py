"""Conversations: voting (one vote per person and statement, changed in place), statements waiting for
review, the debounced map, the map page, bad input, query counts and the Pol.is round trip."""

import io
import os
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from celery.signals import task_prerun
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from civica.accounts.tests.factories import UserFactory
from civica.insights.opinion_map import map_opinions
from civica.insights.polis_export import read_polis_export
from civica.moderation import services as moderation
from civica.moderation.models import ModerationAction, ReviewState
from civica.participation.conversations import services, tasks
from civica.participation.conversations.models import Participant, Statement, Vote
from civica.participation.conversations.opinion import compute_map
from civica.participation.conversations.polis import polis_files, polis_import

from .factories import open_conversation, statements

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # The refusals are read in English here; their Romanian is the catalogue's (test_translations).
    with translation.override("en"):
        yield
SEATTLE = Path(__file__).resolve().parents[3] / "insights" / "tests" / "data" / "polis" / "15-per-hour-seattle"


def url(conversation, tail=""):
    return f"/en/processes/{conversation.process.slug}/conversations/{conversation.pk}/{tail}"


@pytest.fixture
def recomputations():
    """The recomputation tasks that ran (in-process in tests), by conversation id."""
    ran = []

    def count(sender=None, args=None, **kwargs):
        if sender is not None and sender.name.endswith("recompute_map"):
            ran.append(args[0])

    task_prerun.connect(count, weak=False)
    yield ran
    task_prerun.disconnect(count)


def test_a_vote_is_recorded_changed_and_a_double_click_changes_nothing(django_capture_on_commit_callbacks):
    conversation = open_conversation()
    statement, = statements(conversation, 1)
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.vote_cast(statement=statement, by=person, choice=1)
        services.vote_cast(statement=statement, by=person, choice=1)
        services.vote_cast(statement=statement, by=person, choice=-1)
    assert list(Vote.objects.values_list("choice", flat=True)) == [-1]
    participant = Participant.objects.get()
    assert participant.number == 1


def test_a_returning_participants_vote_on_a_statement_taken_out_meanwhile_is_refused(
        django_capture_on_commit_callbacks):
    conversation = open_conversation()
    first, second = statements(conversation, 2)
    person = UserFactory()
    services.vote_cast(statement=first, by=person, choice=1)
    Statement.objects.filter(pk=second.pk).update(is_hidden=True)  # after the request read it as shown
    with django_capture_on_commit_callbacks(execute=True) as callbacks, \
            pytest.raises(ValidationError, match="no longer shown"):
        services.vote_cast(statement=second, by=person, choice=1)
    assert callbacks == [] and list(Vote.objects.values_list("statement_id", flat=True)) == [first.pk]
    services.vote_cast(statement=first, by=person, choice=0)  # a change: one statement, the same row
    assert list(Vote.objects.values_list("statement_id", "choice")) == [(first.pk, 0)]


@pytest.mark.parametrize("returning", [True, False], ids=["returning participant", "first vote"])
def test_a_vote_after_the_phase_closed_meanwhile_is_refused_and_leaves_nothing(
        returning, django_capture_on_commit_callbacks):
    conversation = open_conversation()
    first, second = statements(conversation, 2)
    person = UserFactory()
    if returning:
        services.vote_cast(statement=first, by=person, choice=1)
    request_read = Statement.objects.select_related("conversation__phase").get(pk=second.pk)
    assert request_read.conversation.is_open()  # what the request read: refusals.check lets it through
    conversation.phase.__class__.objects.filter(pk=conversation.phase_id).update(ends_at=timezone.now())  # closed
    with django_capture_on_commit_callbacks(execute=True) as callbacks, \
            pytest.raises(PermissionDenied, match="This conversation is closed."):
        services.vote_cast(statement=request_read, by=person, choice=-1)
    assert callbacks == []
    assert list(Vote.objects.values_list("statement_id", flat=True)) == ([first.pk] if returning else [])
    assert Participant.objects.count() == (1 if returning else 0)  # a refused first vote leaves no pseudonym


def test_a_workers_recomputation_runs_in_a_thread_of_its_own_at_a_lower_priority():
    if not sys.platform.startswith("linux"):
        pytest.skip("a thread's own niceness is Linux's")

    def where():
        return threading.get_native_id(), os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    own = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    thread, priority = tasks.at_low_priority(where, niceness=5)
    assert thread != threading.get_native_id() and priority == min(own + 5, 19)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == own  # the caller's is untouched
    with pytest.raises(ZeroDivisionError):
        tasks.at_low_priority(lambda: 1 / 0, niceness=5)


def test_two_votes_within_the_window_queue_one_recomputation(recomputations, django_capture_on_commit_callbacks):
    conversation = open_conversation()
    first, second = statements(conversation, 2)
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.vote_cast(statement=first, by=person, choice=1)
        services.vote_cast(statement=second, by=person, choice=0)
    assert recomputations == [conversation.pk]
    conversation.refresh_from_db()
    assert conversation.map_computed_at is not None and conversation.map_data["votes"] == 2
    # Once the window is past, the next vote (a request reads the conversation afresh) queues again.
    type(conversation).objects.filter(pk=conversation.pk).update(map_due_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        services.vote_cast(statement=Statement.objects.get(pk=first.pk), by=person, choice=-1)
    assert recomputations == [conversation.pk, conversation.pk]


def test_a_participants_statement_waits_and_is_shown_once_approved(make_user):
    conversation = open_conversation()
    author = UserFactory()
    statement = services.statement_submit(conversation=conversation, by=author, text="  Mai  multe piste de biciclete ")
    assert statement.text == "Mai multe piste de biciclete" and statement.review_state == ReviewState.WAITING
    assert statement.is_hidden
    with pytest.raises(PermissionDenied, match="not shown"):
        services.vote_cast(statement=statement, by=UserFactory(), choice=1)
    moderator = make_user("moderator", scope=conversation.process)
    moderation.review_decide(target=statement, by=moderator, approve=True)
    services.vote_cast(statement=Statement.objects.get(pk=statement.pk), by=UserFactory(), choice=1)
    assert Vote.objects.count() == 1


def test_taking_out_needs_a_reason_and_the_votes_leave_the_map(make_user, django_capture_on_commit_callbacks,
                                                                recomputations):
    conversation = open_conversation()
    shown = statements(conversation, 3)
    people = UserFactory.create_batch(8)
    with django_capture_on_commit_callbacks(execute=True):
        for number, person in enumerate(people):
            for statement in shown:
                services.vote_cast(statement=statement, by=person, choice=1 if (number + statement.pk) % 2 else -1)
    moderator = make_user("moderator", scope=conversation.process)
    with pytest.raises(ValidationError):
        moderation.moderate(target=shown[0], by=moderator, hide=True, reason="")
    type(conversation).objects.filter(pk=conversation.pk).update(map_due_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.moderate(target=shown[0], by=moderator, hide=True, reason="Off topic")
    assert recomputations[-1] == conversation.pk  # recomputed without it, in the background
    conversation.refresh_from_db()
    assert conversation.map_data["statements"] == 2  # the statement taken out is not on the map
    assert ModerationAction.objects.filter(target_id=shown[0].pk, kind=ModerationAction.Kind.HIDE).exists()


def test_too_few_votes_say_so_instead_of_a_map(client):
    conversation = open_conversation()
    statement, = statements(conversation, 1)
    services.vote_cast(statement=statement, by=UserFactory(), choice=1)
    compute_map(conversation.pk)
    page = client.get(url(conversation, "map/")).content.decode()
    assert "Too few votes for a map" in page and "opinion-map" not in page


def test_the_page_votes_without_javascript_and_with_htmx(client):
    conversation = open_conversation()
    first, second = statements(conversation, 2)
    client.force_login(UserFactory())
    page = client.get(url(conversation))
    assert page.status_code == 200 and "Statement 0" in page.content.decode()
    response = client.post(url(conversation, "vote/"), {"statement": first.pk, "choice": "1"})
    assert response.status_code == 302
    response = client.post(url(conversation, "vote/"), {"statement": second.pk, "choice": "-1"},
                           headers={"HX-Request": "true"})
    assert response.status_code == 200 and 'id="voting"' in response.content.decode()
    assert "<html" not in response.content.decode()  # only the voting box is swapped
    assert sorted(Vote.objects.values_list("choice", flat=True)) == [-1, 1]


@pytest.mark.parametrize("data", [{"statement": "abc", "choice": "1"}, {"statement": "999999", "choice": "1"},
                                  {"statement": "-3", "choice": "1"}, {"statement": "1", "choice": "7"},
                                  {"choice": "1"}, {"statement": str(2**40), "choice": "1"}])
def test_odd_votes_answer_400_with_a_message(client, data):
    conversation = open_conversation()
    statements(conversation, 1)
    client.force_login(UserFactory())
    response = client.post(url(conversation, "vote/"), data)
    assert response.status_code == 400
    assert 'class="form-errors"' in response.content.decode()
    assert not Vote.objects.exists()


def test_a_vote_on_another_conversations_statement_is_refused(client):
    conversation, other = open_conversation(), open_conversation()
    foreign, = statements(other, 1)
    client.force_login(UserFactory())
    assert client.post(url(conversation, "vote/"), {"statement": foreign.pk, "choice": "1"}).status_code == 400
    assert not Vote.objects.exists()


def test_a_too_long_statement_is_refused_and_kept_in_the_form(client):
    conversation = open_conversation()
    client.force_login(UserFactory())
    text = "Parcuri " * 30
    response = client.post(url(conversation, "statements/"), {"text": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert "at most 140 characters" in page and text.strip()[:100] in page
    assert not Statement.objects.exists()


def test_the_map_page_shows_groups_consensus_and_where_the_person_stands(client, django_assert_max_num_queries):
    conversation = open_conversation()
    shown = statements(conversation, 6)
    people = UserFactory.create_batch(16)
    rows = []
    for number, person in enumerate(people):
        participant = services.participant_for(conversation=conversation, user=person)
        camp = number % 2
        for index, statement in enumerate(shown):
            choice = 1 if index == 0 else (1 if (index % 2) == camp else -1)
            if index and (number + index) % 5 == 0:  # not everyone of a camp votes the same way
                choice = 0
            rows.append(Vote(participant=participant, statement=statement, choice=choice))
    Vote.objects.bulk_create(rows)
    compute_map(conversation.pk)
    client.force_login(people[0])
    with django_assert_max_num_queries(14):
        response = client.get(url(conversation, "map/"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Group A: 8 participants" in page and "Group B: 8 participants" in page
    assert "You are in group" in page and 'role="img"' in page and "<table" in page
    assert "Agreed by every group" in page and "Statement 0" in page
    assert people[0].display_name not in page  # pseudonyms only


def test_the_conversation_page_costs_the_same_with_more_votes(client, assert_constant_queries):
    conversation = open_conversation()
    shown = statements(conversation, 3)
    person = UserFactory()
    client.force_login(person)
    services.vote_cast(statement=shown[0], by=person, choice=1)

    def grow():
        services.vote_cast(statement=shown[1], by=person, choice=-1)
        services.statement_submit(conversation=conversation, by=person, text="Încă una")
        statements(conversation, 3)

    assert_constant_queries(client, [url(conversation), url(conversation, "map/")], grow)


def test_a_pol_is_export_imports_to_the_groups_of_the_command_line_and_exports_back(make_user, tmp_path):
    """Seattle's $15/hour (339 participants × 54 statements), the smallest of the test conversations."""
    export = read_polis_export(SEATTLE)
    conversation = open_conversation()
    summary = polis_import(conversation=conversation, by=make_user("editor"), export=export)
    assert summary["participants"] == 339 and summary["groups"] >= 2
    expected = map_opinions(export.votes, exclude_statements=export.moderated_out)  # what `opinionmap` prints
    conversation.refresh_from_db()
    number_of = dict(Participant.objects.filter(conversation=conversation).values_list("polis_id", "number"))
    ours = {point[0]: point[3] for point in conversation.map_data["points"]}
    assert {number_of[voter]: group for voter, group in expected.group_of.items()} == ours
    assert [group["size"] for group in conversation.map_data["groups"]] == [len(g.members) for g in expected.groups]
    # Exported, the files read back into the same map (the public export has no text of statements taken out).
    for name, text in polis_files(conversation, public=True).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    again = read_polis_export(tmp_path)
    taken_out = set(Statement.objects.filter(conversation=conversation, review_state=ReviewState.REJECTED,
                                             is_hidden=True).values_list("pk", flat=True))
    assert set(again.moderated_out) == taken_out
    assert set(ModerationAction.objects.filter(kind=ModerationAction.Kind.REJECT).values_list(
        "target_id", flat=True)) == taken_out  # the moderation log has Pol.is's decisions
    assert all(again.texts[comment] == "" for comment in again.moderated_out)
    round_trip = map_opinions(again.votes, exclude_statements=again.moderated_out)
    assert round_trip.group_of == ours
    header = (tmp_path / "participants-votes.csv").read_text().splitlines()[0]
    assert header.startswith("participant,group-id,n-comments,n-votes,n-agree,n-disagree,")
    assert "voters-in-conv" in (tmp_path / "summary.csv").read_text()


def test_the_staff_import_page_refuses_files_that_are_not_an_export(client, make_user):
    conversation = open_conversation()
    client.force_login(make_user("editor"))
    staff = f"/en/processes/{conversation.process.slug}/manage/conversations/{conversation.pk}/"
    response = client.post(staff + "import/", {
        "votes_file": SimpleUploadedFile("votes.csv", b"a,b\n1,2\n"),
        "comments_file": SimpleUploadedFile("comments.csv", b"x\n")})
    assert response.status_code == 400 and "not a Pol.is export" in response.content.decode()


def test_the_public_export_is_a_zip_without_personal_data(client):
    conversation = open_conversation()
    shown = statements(conversation, 2)
    person = UserFactory(display_name="Ioana Pop", email="ioana@example.org")
    services.vote_cast(statement=shown[0], by=person, choice=1)
    response = client.get(url(conversation, "polis.zip"))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["comments.csv", "participants-votes.csv", "summary.csv", "votes.csv"]
    everything = "".join(archive.read(name).decode() for name in archive.namelist())
    assert "Ioana" not in everything and "example.org" not in everything


def test_a_person_downloads_and_erases_what_they_did_in_a_conversation():
    from civica.participation import personal_data

    conversation = open_conversation()
    statement, = statements(conversation, 1)
    person = UserFactory()
    services.vote_cast(statement=statement, by=person, choice=1)
    written = services.statement_submit(conversation=conversation, by=person, text="A mea")
    data = personal_data.export(person)["conversations"]
    assert data[0]["votes"][0]["vote"] == 1 and data[0]["statements"][0]["text"] == "A mea"
    personal_data.erase(person)
    assert not Vote.objects.exists()
    written.refresh_from_db()
    assert written.author is None


def test_the_map_says_when_a_queued_recomputation_will_run():
    import datetime

    from civica.participation.conversations.tasks import recomputation_due

    conversation = open_conversation()
    now = timezone.now()
    conversation.map_computed_at = now - datetime.timedelta(minutes=5)
    conversation.map_due_at = now + datetime.timedelta(seconds=20)
    assert recomputation_due(conversation, now) == conversation.map_due_at
    conversation.map_computed_at = now  # ran already (no broker: at once)
    assert recomputation_due(conversation, now) is None


def test_an_htmx_vote_costs_a_fixed_number_of_queries_and_lists_the_latest_votes(client,
                                                                                   django_assert_num_queries):
    conversation = open_conversation()
    shown = statements(conversation, 14)
    person = UserFactory()
    client.force_login(person)
    for statement in shown[:12]:
        client.post(url(conversation, "vote/"), {"statement": statement.pk, "choice": "1"},
                    headers={"HX-Request": "true"})
    type(conversation).objects.filter(pk=conversation.pk).update(
        map_due_at=timezone.now() + timezone.timedelta(seconds=30))  # a recomputation is queued already
    # The session, the person, the statement with its conversation, phase and consultation (one), the
    # consultation's phases, the verified address, the vote (one INSERT … ON CONFLICT), the next statement with
    # the latest votes (one).
    with django_assert_num_queries(7):
        response = client.post(url(conversation, "vote/"), {"statement": shown[12].pk, "choice": "-1"},
                               headers={"HX-Request": "true"})
    box = response.content.decode()
    assert response.status_code == 200 and "Statement 13" in box
    assert box.count('name="statement"') == 1 + 10 and "All your votes" in box  # the latest ten only
    page = client.get(url(conversation)).content.decode()
    assert page.count("Statement 0") >= 1 and "Your votes (13)" in page
