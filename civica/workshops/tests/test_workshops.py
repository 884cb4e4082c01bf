import datetime

import numpy
import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.insights.themes import EMBEDDING_MODEL
from civica.meetings.tests.factories import MeetingFactory
from civica.workshops import selectors
from civica.workshops import services as workshops
from civica.workshops.embeddings import stored_vector, vector_of
from civica.workshops.models import Contribution, Theme, Workshop, WorkshopQuestion, WorkshopRound, WorkshopTable
from civica.workshops.tasks import embed_contribution


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def workshop(db):
    meeting = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(minutes=10),
                             ends_at=timezone.now() + datetime.timedelta(hours=3))
    workshop = Workshop.objects.create(meeting=meeting, slug="cafe", dots_per_person=2)
    question = WorkshopQuestion.objects.create(workshop=workshop, text_ro="Cum?", text_en="How?")
    for number in (1, 2):
        WorkshopTable.objects.create(workshop=workshop, number=number, topic=f"Topic {number}", question=question)
        WorkshopRound.objects.create(workshop=workshop, number=number, duration_minutes=20)
    return workshop


def token(workshop, number=1):
    return selectors.table_token(workshop.tables.get(number=number))


@pytest.mark.django_db
def test_contributions_only_during_a_round_and_shown_on_the_wall(client, workshop):
    url = f"/en/workshops/cafe/tables/{token(workshop)}/"
    page = client.post(url, {"text": "More studios"}, follow=True).content.decode()
    assert "No round is running now" in page and "More studios" in page  # refused, text kept
    editor = UserFactory(role=Role.EDITOR)
    workshops.start_next_round(workshop=workshop, by=editor)
    client.post(url, {"text": "More studios"})
    assert Contribution.objects.get().text == "More studios"
    wall = client.get("/en/workshops/cafe/wall/items/").content.decode()
    assert "More studios" in wall and "Topic 1" in wall
    assert "More studios" in client.get("/en/workshops/cafe/wall/").content.decode()


@pytest.mark.django_db
def test_empty_and_over_long_contributions_are_refused_and_kept(client, workshop):
    workshops.start_next_round(workshop=workshop, by=UserFactory(role=Role.EDITOR))
    url = f"/en/workshops/cafe/tables/{token(workshop)}/"
    assert "Write something first." in client.post(url, {"text": "   "}, follow=True).content.decode()
    long_text = "x" * 501
    page = client.post(url, {"text": long_text}).content.decode()
    assert "At most 500 characters" in page and long_text in page
    assert not Contribution.objects.exists()


@pytest.mark.django_db
def test_authors_edit_for_ten_minutes_without_an_account(client, workshop):
    workshops.start_next_round(workshop=workshop, by=UserFactory(role=Role.EDITOR))
    url = f"/en/workshops/cafe/tables/{token(workshop)}/"
    client.post(url, {"text": "Frist idea"})
    contribution = Contribution.objects.get()
    client.post(url, {"contribution": contribution.pk, "text": "First idea"})
    assert Contribution.objects.get().text == "First idea"
    from django.test import Client

    stranger = Client()
    page = stranger.post(url, {"contribution": contribution.pk, "text": "Hijacked"}, follow=True).content.decode()
    assert "Only its author may change a contribution." in page
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11)):
        page = client.post(url, {"contribution": contribution.pk, "text": "Too late"}, follow=True).content.decode()
    assert "can be changed for 10 minutes" in page
    assert Contribution.objects.get().text == "First idea"


@pytest.mark.django_db
def test_table_links_expire_with_the_workshop_and_cannot_be_forged(client, workshop):
    url = f"/en/workshops/cafe/tables/{token(workshop)}/"
    assert client.get(url).status_code == 200
    assert client.get("/en/workshops/cafe/tables/forged-token/").status_code == 404
    workshops.close(workshop=workshop, by=UserFactory(role=Role.EDITOR))
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_accounts_needed_when_the_editor_says_so(client, workshop):
    Workshop.objects.filter(pk=workshop.pk).update(no_account_needed=False, participants_contribute=False)
    workshops.start_next_round(workshop=workshop, by=UserFactory(role=Role.EDITOR))
    url = f"/en/workshops/cafe/tables/{token(workshop)}/"
    assert "Log in to contribute" in client.post(url, {"text": "hi"}, follow=True).content.decode()
    facilitator = UserFactory()
    WorkshopTable.objects.filter(workshop=workshop, number=1).update(facilitator=facilitator)
    client.force_login(facilitator)
    client.post(url, {"text": "From the facilitator"})
    assert Contribution.objects.get().author == facilitator


@pytest.mark.django_db
def test_room_screen_shows_the_round_and_the_questions(client, workshop):
    assert "Waiting for the next round" in client.get("/en/workshops/cafe/screen/").content.decode()
    workshops.start_next_round(workshop=workshop, by=UserFactory(role=Role.EDITOR))
    page = client.get("/en/workshops/cafe/screen/").content.decode()
    assert "Round 1" in page and "left" in page and "How?" in page
    with pytest.raises(PermissionDenied):
        workshops.start_next_round(workshop=workshop, by=UserFactory())
    workshops.start_next_round(workshop=workshop, by=UserFactory(role=Role.EDITOR))
    with pytest.raises(ValidationError, match="All rounds"):
        workshops.start_next_round(workshop=workshop, by=UserFactory(role=Role.EDITOR))


@pytest.mark.django_db
def test_dot_votes_are_limited(workshop, participant):
    themes = [Theme.objects.create(workshop=workshop, label=f"Theme {n}") for n in range(3)]
    workshops.dot_vote(theme=themes[0], by=participant)
    workshops.dot_vote(theme=themes[0], by=participant)
    with pytest.raises(ValidationError, match="all 2 of your dots"):
        workshops.dot_vote(theme=themes[1], by=participant)
    assert [(theme.label, theme.dot_count) for theme in selectors.dot_results(workshop)][0] == ("Theme 0", 2)


@pytest.mark.django_db
def test_theme_editing_and_the_action_plan(client, workshop):
    editor = UserFactory(role=Role.EDITOR)
    first, second = (Theme.objects.create(workshop=workshop, label=label) for label in ("Spaces", "Money"))
    round_ = workshop.rounds.first()
    table = workshop.tables.first()
    item = Contribution.objects.create(table=table, round=round_, text="cheap studios", theme=second)
    workshops.contribution_move(contribution=item, theme=first, by=editor)
    workshops.theme_rename(theme=first, by=editor, label="Affordable spaces")
    workshops.theme_merge(into=first, other=second, by=editor)
    assert list(workshop.themes.values_list("label", flat=True)) == ["Affordable spaces"]
    action = workshops.action_add(workshop=workshop, by=editor, title="List empty buildings", owner="City",
                                  themes=[first])
    client.force_login(editor)
    page = client.get("/en/workshops/cafe/report/").content.decode()
    assert "Affordable spaces" in page and "List empty buildings" in page and action.owner in page
    pdf = client.get("/en/workshops/cafe/report.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    import io

    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.getvalue())).pages)
    assert "Affordable spaces" in text and "List empty buildings" in text


@pytest.mark.django_db
def test_qr_code_of_a_table(client, workshop, editor):
    response = client.get(f"/en/workshops/cafe/tables/{token(workshop)}/qr.svg")
    assert response["Content-Type"] == "image/svg+xml" and b"<svg" in response.content
    client.force_login(editor)
    page = client.get("/en/workshops/cafe/").content.decode()
    assert "qr.svg" in page and "QR code of table 1" in page


@pytest.mark.django_db
def test_demo_world_cafe_from_the_seed():
    from django.core.management import call_command

    call_command("loaddemo", verbosity=0)
    workshop = Workshop.objects.get(slug="world-cafe-timisoara-2020")
    assert workshop.questions.count() == 6
    assert workshop.questions.first().text_ro.startswith("Cum putem activa mai multe start-up-uri")
    assert Contribution.objects.filter(table__workshop=workshop).count() >= 120
    assert workshop.themes.count() >= 6 and workshop.action_items.exists()
    from civica.accounts.demo import demo_user

    facilitator = demo_user("facilitator")
    assert facilitator.has_perm("workshops.run", workshop)
    assert not facilitator.has_perm("workshops.manage", workshop)
    assert workshop.tables.get(number=1).facilitator == facilitator


@pytest.mark.django_db
def test_an_action_becomes_a_plan_activity_and_the_plan_is_exported(client, workshop):
    from civica.accountability.models import Activity
    from civica.accountability.tests.factories import make_plan

    editor = UserFactory(role=Role.EDITOR)
    plan = make_plan()
    programme = Activity.objects.filter(plan=plan).first().programme
    item = workshops.action_add(workshop=workshop, by=editor, title="Open studios", owner="City",
                                due_on=datetime.date(2021, 6, 30))
    client.force_login(editor)
    client.post("/en/workshops/cafe/", {"action": "to_activity", "item": item.pk, "plan": plan.pk,
                                        "programme": programme.pk})
    activity = Activity.objects.get(title_ro="Open studios")
    assert (activity.plan, activity.responsible, activity.ends_on) == (plan, "City", datetime.date(2021, 6, 30))
    with pytest.raises(ValidationError, match="already an activity"):
        workshops.action_to_activity(item=type(item).objects.get(pk=item.pk), plan=plan, programme=programme,
                                     by=editor)
    csv_text = client.get("/en/workshops/cafe/action-plan.csv").content.decode("utf-8-sig")
    assert "Open studios" in csv_text and "City" in csv_text


@pytest.mark.django_db
def test_a_note_gets_its_meaning_vector_when_saved_and_again_when_edited(
        client, workshop, django_capture_on_commit_callbacks):
    workshops.start_next_round(workshop=workshop, by=UserFactory(role=Role.EDITOR))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/workshops/cafe/tables/{token(workshop)}/", {"text": "Ateliere cu chirie mică"})
    note = Contribution.objects.get()
    assert len(vector_of(note.embedding)) == 384
    first = bytes(note.embedding)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/workshops/cafe/tables/{token(workshop)}/",
                    {"contribution": note.pk, "text": "Granturi pentru tineri"})
    note.refresh_from_db()
    assert note.text == "Granturi pentru tineri" and len(vector_of(note.embedding)) == 384
    assert bytes(note.embedding) != first


@pytest.mark.django_db
def test_the_task_stores_the_vector(workshop):
    note = Contribution.objects.create(table=workshop.tables.first(), round=workshop.rounds.first(),
                                       text="Spații goale date artiștilor")
    embed_contribution.delay(note.pk)
    note.refresh_from_db()
    vector = vector_of(note.embedding)
    assert vector.shape == (384,) and vector.dtype == numpy.float32
    assert abs(numpy.linalg.norm(vector) - 1) < 1e-3  # the model's vectors are normalised: stored as they are


@pytest.mark.django_db
def test_the_harvest_computes_missing_vectors_and_groups_every_note(workshop):
    editor = UserFactory(role=Role.EDITOR)
    texts = ["Chirii mici pentru ateliere", "Clădiri goale date artiștilor", "Spații de repetiții ieftine",
             "Finanțări mai simple", "Granturi mici pentru debutanți", "Mai puține hârtii la decont"]
    table, round_ = workshop.tables.first(), workshop.rounds.first()
    for text in texts:
        Contribution.objects.create(table=table, round=round_, text=text)
    # A vector of another model does not mix with this one's: it is computed again.
    Contribution.objects.filter(text=texts[0]).update(embedding=stored_vector([0.5] * 384),
                                                      embedding_model="an older model")
    themes = workshops.harvest(workshop=workshop, by=editor, min_themes=2, max_themes=3)
    notes = Contribution.objects.filter(table__workshop=workshop)
    assert all(len(vector_of(note.embedding)) == 384 and note.embedding_model == EMBEDDING_MODEL for note in notes)
    assert bytes(notes.get(text=texts[0]).embedding) != stored_vector([0.5] * 384)
    assert len(themes) >= 2 and not notes.filter(theme=None).exists()
    assert all(theme.label for theme in themes)


@pytest.mark.django_db
def test_who_may_run_and_harvest_a_workshop(client, workshop, participant, editor, django_capture_on_commit_callbacks):
    from civica.accounts.services import role_grant

    Contribution.objects.create(table=workshop.tables.first(), round=workshop.rounds.first(), text="Ateliere ieftine")
    url = "/en/workshops/cafe/"
    assert client.post(url, {"action": "start_round"})["Location"].startswith("/en/accounts/login/")
    client.force_login(participant)
    assert "Only editors harvest a workshop." in client.post(url, {"action": "harvest"}, follow=True).content.decode()
    client.post(url, {"action": "start_round"})
    assert not workshop.themes.exists() and workshop.current_round() is None
    facilitator = UserFactory()
    role_grant(user=facilitator, role=Role.FACILITATOR, scope=workshop, by=None)
    client.force_login(facilitator)
    client.post(url, {"action": "start_round"})
    assert workshop.current_round().number == 1
    assert "Only editors harvest a workshop." in client.post(url, {"action": "harvest"}, follow=True).content.decode()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(url, {"action": "harvest"})
    assert "1 theme found." in client.get(asked["Location"], follow=True).content.decode()
    assert workshop.themes.exists()


@pytest.mark.django_db
def test_the_report_of_a_workshop_known_by_its_day_shows_no_time(client):
    tz = timezone.get_current_timezone()
    lab = MeetingFactory(slug="lab", title_en="Local Learning Lab", starts_at=datetime.datetime(2020, 10, 8, tzinfo=tz),
                         ends_at=datetime.datetime(2020, 10, 9, tzinfo=tz), when_known="day")
    Workshop.objects.create(meeting=lab, slug="lab-cafe")
    report = client.get("/en/workshops/lab-cafe/report/").content.decode()
    assert "8 October 2020" in report and "00:00" not in report
    # The shared document stylesheet (static/css/document.css, also the plan document's) is inlined.
    assert "@page { size: A4;" in report and "static/css" not in report
