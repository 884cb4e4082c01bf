"""The staff's screens write through the services: a body, a seat, a term begun and ended, a meeting
linked, a decision and an objective; a refusal shows the form again with everything typed."""

import datetime

import pytest

from civica.governance.models import Body, BodyMeeting, BodyObjective, Decision, Seat, Term
from civica.governance.tests.body_factories import BodyFactory, SeatFactory, TermFactory
from civica.meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db
BASE = "/en/network/bodies/manage"


@pytest.fixture
def staff(client, editor):
    client.force_login(editor)
    return client


def test_a_body_is_created_and_its_seat_added(staff):
    response = staff.post(f"{BASE}/new/", {"name_ro": "Consiliul Tinerilor", "slug": "tineri", "role": "consultative",
                                           "position": 1, "held_by": "persons", "min_age": 14, "max_age": 35})
    assert response.status_code == 302, response.content.decode()[:3000]
    body = Body.objects.get(slug="tineri")
    assert (body.min_age, body.max_age) == (14, 35)
    assert staff.post(f"{BASE}/tineri/seats/new/", {"role": "chair", "position": 1}).status_code == 302
    assert Seat.objects.get(body=body).role == "chair"


def test_a_term_refused_keeps_what_was_typed(staff):
    seat = SeatFactory(body=BodyFactory(slug="youth", min_age=14, max_age=35))
    data = {"holder_name": "Ana Todea", "starts_on": "2024-01-01", "born_on": "1970-05-05"}
    response = staff.post(f"{BASE}/youth/seats/{seat.pk}/terms/new/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ana Todea" in page and "1970-05-05" in page and "takes people up to 35" in page
    assert not Term.objects.exists()
    data["born_on"] = "2000-05-05"
    assert staff.post(f"{BASE}/youth/seats/{seat.pk}/terms/new/", data).status_code == 302
    assert Term.objects.get().holder_name == "Ana Todea"


def test_a_term_by_an_unknown_email_is_refused_by_the_field(staff):
    seat = SeatFactory(body=BodyFactory(slug="board"))
    response = staff.post(f"{BASE}/board/seats/{seat.pk}/terms/new/", {
        "holder_name": "Ana", "holder_email": "nobody@example.org", "starts_on": "2024-01-01"})
    assert "No account has this e-mail address." in response.content.decode()


def test_a_term_is_ended(staff):
    term = TermFactory(seat__body=BodyFactory(slug="board"), starts_on=datetime.date(2020, 1, 1))
    assert staff.post(f"{BASE}/board/terms/{term.pk}/end/", {"ends_on": "2021-01-01"}).status_code == 302
    term.refresh_from_db()
    assert term.ends_on == datetime.date(2021, 1, 1)
    response = staff.post(f"{BASE}/board/terms/{term.pk}/end/", {"ends_on": "2019-01-01"})
    assert response.status_code == 200 and "it must end after that" in response.content.decode()


def test_a_meeting_a_decision_and_an_objective(staff):
    body = BodyFactory(slug="board")
    meeting = MeetingFactory()
    assert staff.post(f"{BASE}/board/meetings/new/", {"meeting": meeting.pk, "agenda_ro": "1. Bugetul"}
                      ).status_code == 302
    assert BodyMeeting.objects.get(body=body).agenda_ro == "1. Bugetul"
    assert staff.post(f"{BASE}/board/decisions/new/", {
        "number": "1/2020", "decided_on": "2020-06-01", "meeting": meeting.pk, "text_ro": "Aprobat."}
    ).status_code == 302
    # The same number twice is refused beside the form.
    response = staff.post(f"{BASE}/board/decisions/new/", {"number": "1/2020", "decided_on": "2020-06-02",
                                                           "text_ro": "Din nou."})
    assert response.status_code == 200 and "Din nou." in response.content.decode()
    assert Decision.objects.filter(body=body).count() == 1
    assert staff.post(f"{BASE}/board/objectives/new/", {"year": 2021, "position": 1, "level": "large",
                                                         "text_ro": "Obiectiv"}).status_code == 302
    objective = BodyObjective.objects.get(body=body)
    assert staff.post(f"{BASE}/board/objectives/{objective.pk}/delete/").status_code == 302
    assert not BodyObjective.objects.exists()


@pytest.mark.parametrize("value", ["abc", "²", "9" * 25, "-1", "2024-02-30", "\x00"])
def test_odd_input_is_answered_with_the_form_never_a_500(staff, value):
    seat = SeatFactory(body=BodyFactory(slug="board"))
    # The edit screens too (the site-wide fuzz reaches them only through the demo's first body).
    meeting = MeetingFactory()
    link = BodyMeeting.objects.create(body=seat.body, meeting=meeting)
    decision = Decision.objects.create(body=seat.body, number="1", text_ro="D", decided_on=datetime.date(2020, 1, 1))
    objective = BodyObjective.objects.create(body=seat.body, year=2020, text_ro="O")
    for url, field in [(f"{BASE}/board/meetings/{link.pk}/", "meeting"),
                       (f"{BASE}/board/decisions/{decision.pk}/", "decided_on"),
                       (f"{BASE}/board/objectives/{objective.pk}/", "level"),
                       (f"{BASE}/board/objectives/{objective.pk}/", "position"),
                       (f"{BASE}/board/seats/{seat.pk}/terms/new/", "starts_on"),
                       (f"{BASE}/board/seats/{seat.pk}/terms/new/", "organisation"),
                       (f"{BASE}/board/decisions/new/", "meeting"), (f"{BASE}/board/objectives/new/", "year"),
                       (f"{BASE}/new/", "size")]:
        # The form again with the reason (a NUL is refused by the site's middleware: 400).
        assert staff.post(url, {field: value, "holder_name": "Ana"}).status_code in {200, 400}
