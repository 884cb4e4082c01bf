"""The editors' workshop screens: each exists for editors and refuses participants (anonymous visitors
log in first); setting a world-café up on a meeting (questions in order, tables with facilitators
appointed by e-mail, rounds); the control panel (start, next, pause, resume, close) that the room
screen and the wall follow; refused forms keep what was typed; the audit log keeps the staff's
actions; the pages cost a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone, translation

from civica.accounts.models import RoleAssignment
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.audit.models import AuditEntry
from civica.meetings.tests.factories import MeetingFactory
from civica.workshops import services as workshops
from civica.workshops.models import (
    Contribution,
    Theme,
    Workshop,
    WorkshopQuestion,
    WorkshopRound,
    WorkshopTable,
)


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def editor(db):
    return UserFactory(role=Role.EDITOR)


@pytest.fixture
def workshop(db):
    meeting = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(minutes=10),
                             ends_at=timezone.now() + datetime.timedelta(hours=3))
    workshop = Workshop.objects.create(meeting=meeting, slug="cafe", dots_per_person=3)
    question = WorkshopQuestion.objects.create(workshop=workshop, position=1, text_ro="Ce ne trebuie?")
    table = WorkshopTable.objects.create(workshop=workshop, number=1, topic="Spaces", question=question)
    WorkshopRound.objects.create(workshop=workshop, number=1, duration_minutes=20)
    WorkshopRound.objects.create(workshop=workshop, number=2, duration_minutes=15)
    theme = Theme.objects.create(workshop=workshop, label="Spaces")
    round_ = workshop.rounds.first()
    Contribution.objects.create(table=table, round=round_, text="Cheaper rents", theme=theme)
    Contribution.objects.create(table=table, round=round_, text="Empty buildings", theme=theme)
    return workshop


def _screens(workshop):
    theme = workshop.themes.first()
    return ["/en/workshops/manage/", "/en/workshops/manage/new/", "/en/workshops/manage/cafe/",
            f"/en/workshops/manage/cafe/questions/{workshop.questions.first().pk}/",
            f"/en/workshops/manage/cafe/tables/{workshop.tables.first().pk}/",
            "/en/workshops/manage/cafe/run/", "/en/workshops/manage/cafe/place/",
            f"/en/workshops/manage/cafe/themes/{theme.pk}/split/", "/en/workshops/cafe/harvest/"]


@pytest.mark.django_db
def test_every_screen_is_for_editors_refuses_participants_and_asks_anonymous_visitors_to_log_in(
        client, workshop, editor):
    screens = _screens(workshop)
    for url in screens:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    client.force_login(UserFactory())
    for url in screens:
        assert client.get(url).status_code == 403, url
    client.force_login(editor)
    for url in screens:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_a_facilitator_of_the_workshop_opens_the_control_panel_but_not_the_set_up(client, workshop):
    facilitator = UserFactory(role=Role.FACILITATOR, role__scope=workshop)
    client.force_login(facilitator)
    page = client.get("/en/workshops/manage/cafe/run/").content.decode()
    assert "Start the first round" in page and "Close the workshop" not in page
    assert client.get("/en/workshops/manage/cafe/").status_code == 403
    assert 'href="/en/workshops/manage/cafe/run/"' in client.get("/en/workshops/cafe/").content.decode()
    elsewhere = UserFactory(role=Role.FACILITATOR, role__scope=Workshop.objects.create(
        meeting=MeetingFactory(), slug="other"))
    client.force_login(elsewhere)
    assert client.get("/en/workshops/manage/cafe/run/").status_code == 403


@pytest.mark.django_db
def test_an_editor_sets_up_a_world_cafe_on_a_meeting(client, editor):
    meeting = MeetingFactory(title_en="Neighbourhood café")
    facilitator = UserFactory(email="ana@example.org")
    client.force_login(editor)
    page = client.get("/en/workshops/manage/new/").content.decode()
    assert "Neighbourhood café" in page
    done = client.post("/en/workshops/manage/new/", {
        "meeting": meeting.pk, "slug": "cafe-iunie", "dots_per_person": 2, "participants_contribute": "on"})
    assert done.status_code == 302 and done["Location"] == "/en/workshops/manage/cafe-iunie/"
    workshop = Workshop.objects.get(slug="cafe-iunie")
    assert workshop.meeting == meeting and workshop.dots_per_person == 2 and not workshop.no_account_needed

    base = "/en/workshops/manage/cafe-iunie/"
    client.post(base + "questions/add/", {"question-text_ro": "Ce lipsește?", "question-text_en": "What is missing?"})
    client.post(base + "questions/add/", {"question-text_ro": "Cine ajută?", "question-text_en": ""})
    second = WorkshopQuestion.objects.get(text_ro="Cine ajută?")
    client.post(base + f"questions/{second.pk}/move/", {"direction": "up"})
    assert list(workshop.questions.values_list("text_ro", flat=True)) == ["Cine ajută?", "Ce lipsește?"]

    client.post(base + "tables/add/", {"table-number": 1, "table-topic": "Spaces", "table-question": second.pk,
                                       "table-facilitator_email": "ANA@example.org"})
    client.post(base + "tables/add/", {"table-number": 2, "table-topic": "Money"})
    assert list(workshop.tables.values_list("topic", "facilitator__email")) == [
        ("Spaces", "ana@example.org"), ("Money", None)]
    assert RoleAssignment.objects.for_object(workshop).filter(user=facilitator, role=Role.FACILITATOR).exists()
    assert facilitator.has_perm("workshops.run", workshop)

    client.post(base + "rounds/add/", {"new-round-duration_minutes": 25})
    client.post(base + "rounds/add/", {"new-round-duration_minutes": 20})
    first = workshop.rounds.get(number=1)
    client.post(base + f"rounds/{first.pk}/", {f"round-{first.pk}-duration_minutes": 30})
    assert list(workshop.rounds.values_list("number", "duration_minutes")) == [(1, 30), (2, 20)]

    page = client.get(base).content.decode()
    assert "Spaces" in page and "ana@example.org" in page and "Cine ajută?" in page
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"workshops.workshop.set_up", "workshops.question.add", "workshops.table.add",
            "workshops.round.add", "workshops.round.change"} <= actions


@pytest.mark.django_db
def test_refused_forms_keep_what_was_typed_and_say_why_beside_the_field(client, workshop, editor):
    client.force_login(editor)
    refused = client.post("/en/workshops/manage/cafe/tables/add/", {
        "table-number": 1, "table-topic": "A second table one", "table-facilitator_email": "nobody@example.org"})
    page = refused.content.decode()
    assert refused.status_code == 400 and "Nothing was saved" in page
    assert "Another table has this number." in page and "A second table one" in page
    refused = client.post("/en/workshops/manage/cafe/tables/add/", {
        "table-number": 5, "table-topic": "Culture", "table-facilitator_email": "nobody@example.org"})
    page = refused.content.decode()
    assert "No account has this e-mail address" in page and "Culture" in page
    assert workshop.tables.count() == 1
    refused = client.post("/en/workshops/manage/new/", {"meeting": "abc", "slug": "cafe", "dots_per_person": 0})
    page = refused.content.decode()
    assert refused.status_code == 400 and "Choose one of the meetings without a workshop." in page
    meeting = MeetingFactory()
    refused = client.post("/en/workshops/manage/new/", {"meeting": meeting.pk, "slug": "cafe", "dots_per_person": 3})
    assert "this one is taken" in refused.content.decode()
    refused = client.post("/en/workshops/manage/cafe/questions/add/", {"question-text_en": "Only English"})
    assert "Write the question in Romanian." in refused.content.decode()
    assert "Only English" in refused.content.decode()
    round_ = workshop.rounds.first()
    refused = client.post(f"/en/workshops/manage/cafe/rounds/{round_.pk}/",
                          {f"round-{round_.pk}-duration_minutes": "x"})
    assert refused.status_code == 400 and "Enter a whole number." in refused.content.decode()
    held = client.post(f"/en/workshops/manage/cafe/tables/{workshop.tables.first().pk}/delete/")
    assert held.status_code == 400 and "Notes were written at this table" in held.content.decode()


@pytest.mark.django_db
def test_the_control_panel_runs_the_rounds_and_the_room_screen_and_wall_follow(client, workshop, editor):
    Contribution.objects.all().delete()
    client.force_login(editor)
    page = client.get("/en/workshops/manage/cafe/run/").content.decode()
    assert "Waiting for the next round." in page and "Start the first round" in page
    client.post("/en/workshops/manage/cafe/run/start/")
    page = client.get("/en/workshops/manage/cafe/run/").content.decode()
    assert "Round 1" in page and ("20:00 left" in page or "19:59 left" in page)
    assert "End this round and start round 2" in page

    table = workshop.tables.get()
    workshops.contribute(table=table, by=editor, author_key="", text="A note")
    assert "<td class=\"number\">1</td>" in client.get("/en/workshops/manage/cafe/run/").content.decode()

    client.post("/en/workshops/manage/cafe/run/pause/")
    workshop.refresh_from_db()
    assert workshop.paused_at is not None
    assert "Paused" in client.get("/en/workshops/cafe/screen/").content.decode()
    assert "Paused" in client.get("/en/workshops/cafe/wall/items/").content.decode()
    refused = client.post("/en/workshops/manage/cafe/run/start/")
    assert refused.status_code == 400 and "resume it first" in refused.content.decode()
    with pytest.raises(Exception, match="paused"):
        workshops.contribute(table=table, by=editor, author_key="", text="During the pause")

    client.post("/en/workshops/manage/cafe/run/resume/")
    client.post("/en/workshops/manage/cafe/run/start/")
    page = client.get("/en/workshops/manage/cafe/run/").content.decode()
    assert "Round 2" in page
    screen = client.get("/en/workshops/cafe/screen/").content.decode()
    assert "Round 2" in screen, screen[screen.find("room-status"):][:600]
    client.post("/en/workshops/manage/cafe/run/close/")
    assert "The workshop has ended." in client.get("/en/workshops/cafe/screen/").content.decode()
    assert "The workshop is closed." in client.get("/en/workshops/manage/cafe/run/").content.decode()
    assert list(AuditEntry.objects.filter(action__startswith="workshops.workshop.").order_by("pk")
                .values_list("action", flat=True)) == [
        "workshops.workshop.round_started", "workshops.workshop.pause", "workshops.workshop.resume",
        "workshops.workshop.round_started", "workshops.workshop.close"]


@pytest.mark.django_db
def test_a_pause_stops_the_round_clock_and_resuming_gives_the_time_back(workshop, editor):
    start = timezone.now()
    with time_travel(start):
        workshops.start_next_round(workshop=workshop, by=editor)
    with time_travel(start + datetime.timedelta(minutes=5)):
        workshops.pause(workshop=workshop, by=editor)
    with time_travel(start + datetime.timedelta(minutes=30)):
        fresh = Workshop.objects.get(pk=workshop.pk)
        assert fresh.current_round().number == 1  # its clock stopped at the pause, not run out
        workshops.resume(workshop=fresh, by=editor)
        round_ = WorkshopRound.objects.get(workshop=workshop, number=1)
        assert round_.ends_at - timezone.now() == datetime.timedelta(minutes=15)


def time_travel(when):
    import time_machine

    return time_machine.travel(when, tick=False)


@pytest.mark.django_db
def test_the_staff_pages_cost_a_fixed_number_of_queries(client, workshop, editor, assert_constant_queries):
    client.force_login(editor)
    theme = workshop.themes.first()
    urls = ["/en/workshops/manage/", "/en/workshops/manage/cafe/", "/en/workshops/manage/cafe/run/",
            "/en/workshops/manage/cafe/place/", f"/en/workshops/manage/cafe/themes/{theme.pk}/split/",
            "/en/workshops/cafe/harvest/"]

    def grow():
        round_ = workshop.rounds.first()
        for number in range(2, 6):
            question = WorkshopQuestion.objects.create(workshop=workshop, position=number,
                                                       text_ro=f"Întrebarea {number}")
            table = WorkshopTable.objects.create(workshop=workshop, number=number, topic=f"Topic {number}",
                                                 question=question, facilitator=UserFactory())
            WorkshopRound.objects.create(workshop=workshop, number=number + 1)
            other = Theme.objects.create(workshop=workshop, label=f"Theme {number}")
            Contribution.objects.create(table=table, round=round_, text=f"Note {number}", theme=theme)
            Contribution.objects.create(table=table, round=round_, text=f"Late {number}", suggested_theme=other)
            Workshop.objects.create(meeting=MeetingFactory(), slug=f"cafe-{number}")

    assert_constant_queries(client, urls, grow)


@pytest.mark.django_db
def test_a_facilitator_replaced_or_whose_table_is_removed_loses_the_role_on_the_workshop(workshop, editor):
    ana, ion = UserFactory(email="ana@example.org"), UserFactory(email="ion@example.org")
    first = workshops.table_add(workshop=workshop, by=editor, number=2, topic="Money",
                                facilitator_email="ana@example.org")
    second = workshops.table_add(workshop=workshop, by=editor, number=3, topic="Time",
                                 facilitator_email="ana@example.org")
    assert ana.has_perm("workshops.run", workshop)
    workshops.table_update(table=first, by=editor, number=2, topic="Money", facilitator_email="ion@example.org")
    ana = type(ana).objects.get(pk=ana.pk)
    assert ana.has_perm("workshops.run", workshop)  # she still facilitates table 3
    workshops.table_delete(table=second, by=editor)
    ana, ion = type(ana).objects.get(pk=ana.pk), type(ion).objects.get(pk=ion.pk)
    assert not ana.has_perm("workshops.run", workshop) and ion.has_perm("workshops.run", workshop)


@pytest.mark.django_db
def test_the_set_up_services_refuse_anyone_but_editors(workshop):
    from django.core.exceptions import PermissionDenied

    for user in (UserFactory(), UserFactory(role=Role.FACILITATOR, role__scope=workshop),
                 UserFactory(role=Role.MODERATOR)):
        calls = (
            lambda by: workshops.workshop_create(meeting=MeetingFactory(), by=by, slug="x"),
            lambda by: workshops.workshop_update(workshop=workshop, by=by, dots_per_person=9),
            lambda by: workshops.question_add(workshop=workshop, by=by, text_ro="?"),
            lambda by: workshops.table_add(workshop=workshop, by=by, number=7, topic="x"),
            lambda by: workshops.round_add(workshop=workshop, by=by, duration_minutes=5),
            lambda by: workshops.theme_split(theme=workshop.themes.get(), by=by,
                                             contributions=list(Contribution.objects.all()), label="x"),
            lambda by: workshops.contributions_place(workshop=workshop, by=by, placements=[]))
        for call in calls:
            with pytest.raises(PermissionDenied):
                call(user)
    assert Workshop.objects.get(pk=workshop.pk).dots_per_person == 3 and workshop.tables.count() == 1


@pytest.mark.django_db
def test_removing_a_round_numbers_the_later_ones_again_and_a_started_round_stays(client, workshop, editor):
    WorkshopRound.objects.create(workshop=workshop, number=3, duration_minutes=10)
    workshops.start_next_round(workshop=workshop, by=editor)
    client.force_login(editor)
    second = workshop.rounds.get(number=2)
    client.post(f"/en/workshops/manage/cafe/rounds/{second.pk}/delete/")
    assert list(workshop.rounds.values_list("number", "duration_minutes")) == [(1, 20), (2, 10)]
    started = workshop.rounds.get(number=1)
    refused = client.post(f"/en/workshops/manage/cafe/rounds/{started.pk}/delete/")
    assert refused.status_code == 400 and "This round has started: it stays." in refused.content.decode()
    question = workshop.questions.get()
    client.post(f"/en/workshops/manage/cafe/questions/{question.pk}/delete/")
    assert not workshop.questions.exists()


@pytest.mark.django_db
def test_a_table_page_says_the_workshop_is_paused_and_keeps_the_note(client, workshop, editor):
    from civica.workshops import selectors

    workshops.start_next_round(workshop=workshop, by=editor)
    workshops.pause(workshop=workshop, by=editor)
    url = f"/en/workshops/cafe/tables/{selectors.table_token(workshop.tables.get())}/"
    page = client.post(url, {"text": "A note in the pause"}).content.decode()
    assert "The workshop is paused: notes are taken again when it resumes." in page
    assert "A note in the pause" in page


@pytest.mark.django_db
def test_the_workshops_being_run_now_are_those_with_a_round_running_or_paused(workshop, editor):
    from civica.workshops import selectors

    assert selectors.live_workshops() == []
    workshops.start_next_round(workshop=workshop, by=editor)
    assert selectors.live_workshops() == [workshop]
    workshops.pause(workshop=workshop, by=editor)
    assert selectors.live_workshops() == [workshop]
    workshops.close(workshop=workshop, by=editor)
    assert selectors.live_workshops() == []
