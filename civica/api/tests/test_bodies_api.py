"""The bodies' endpoints: seats and who holds them by their public name (never the account), published
meetings only, a fixed number of queries, unknown bodies not found."""

import datetime

import pytest
from django.utils import timezone

from civica.accounts.tests.factories import UserFactory
from civica.governance.models import Body, BodyMeeting, BodyObjective, BodyRole, Decision, Seat, SeatRole, Term
from civica.meetings.tests.factories import MeetingFactory
from civica.network.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def _board(slug="consiliul-director"):
    body = Body.objects.create(name_ro="Consiliul Director", name_en="Board of Directors", slug=slug,
                               role=BodyRole.DECISION_MAKING, size=3)
    today = timezone.localdate()
    chair = Seat.objects.create(body=body, role=SeatRole.CHAIR)
    holder = UserFactory(email=f"ana@{slug}.example.org")
    Term.objects.create(seat=chair, holder=holder, holder_name="Ana Pop",
                        organisation=OrganisationFactory(name=f"CCC {slug}"),
                        starts_on=today - datetime.timedelta(days=30))
    Term.objects.create(seat=chair, holder_name="Dan Vechi", starts_on=today - datetime.timedelta(days=400),
                        ends_on=today - datetime.timedelta(days=30))
    Seat.objects.create(body=body, role=SeatRole.MEMBER, label_en="the City Hall", label_ro="Primăria")
    return body


def test_bodies_and_seats_read_as_their_pages_show_them(client):
    body = _board()
    published, draft = MeetingFactory(title_en="AGM"), MeetingFactory(is_published=False, title_en="Secret")
    BodyMeeting.objects.create(body=body, meeting=published, agenda_en="Budget")
    BodyMeeting.objects.create(body=body, meeting=draft)
    Decision.objects.create(body=body, meeting=draft, number="7", text_en="Agreed.", decided_on=timezone.localdate())
    BodyObjective.objects.create(body=body, year=2026, text_en="Grow", level="fully")

    listed = client.get("/api/v1/bodies/?lang=en").json()["results"]
    assert [row["name"] for row in listed] == ["Board of Directors"]
    chair, member = listed[0]["seats"]
    assert chair["role_label"] == "Chair" and not chair["vacant"]
    assert chair["current"][0]["holder"] == "Ana Pop"
    assert chair["current"][0]["organisation"]["name"] == "CCC consiliul-director"
    assert member["vacant"] and member["label"] == "the City Hall"
    assert listed[0]["unset_places"] == 1
    assert "ana@consiliul-director.example.org" not in str(listed)

    detail = client.get("/api/v1/bodies/consiliul-director?lang=en").json()
    assert [term["holder"] for term in detail["seats"][0]["history"]] == ["Ana Pop", "Dan Vechi"]
    assert [meeting["title"] for meeting in detail["meetings"]] == ["AGM"]
    assert detail["meetings"][0]["agenda"] == "Budget"
    assert detail["decisions"][0]["meeting"] is None  # held at a meeting that is not published
    assert detail["objectives"][0]["level_label"] == "fully"
    assert "Secret" not in str(detail) and "ana@consiliul-director.example.org" not in str(detail)


def test_a_withdrawn_name_reads_as_null_and_an_unknown_body_is_not_found(client):
    body = _board()
    Term.objects.filter(holder_name="Ana Pop").update(holder_name="", holder=None)
    assert client.get(f"/api/v1/bodies/{body.slug}").json()["seats"][0]["current"][0]["holder"] is None
    response = client.get("/api/v1/bodies/nicaieri?lang=en")
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM


def test_bodies_take_a_fixed_number_of_queries(client, assert_constant_queries):
    first = _board()

    def grow():
        _board("alt-consiliu")
        for _ in range(3):
            seat = Seat.objects.create(body=first)
            Term.objects.create(seat=seat, holder_name="X", organisation=OrganisationFactory(),
                                starts_on=timezone.localdate())
        BodyMeeting.objects.create(body=first, meeting=MeetingFactory())
        Decision.objects.create(body=first, meeting=MeetingFactory(), number="8", text_ro="Da",
                                decided_on=timezone.localdate())

    assert_constant_queries(client, ["/api/v1/bodies/", f"/api/v1/bodies/{first.slug}"], grow)
