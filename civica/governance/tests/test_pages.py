"""The bodies' public pages: what they show, what they never show, and their cost in queries."""

import datetime

import pytest
from django.utils import timezone

from civica.governance.models import BodyMeeting, BodyObjective, BodyRole, Decision
from civica.governance.tests.body_factories import BodyFactory, SeatFactory, TermFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.network.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def board(participant):
    body = BodyFactory(name_en="Board of Directors", slug="board", role=BodyRole.DECISION_MAKING, size=5,
                       term_months=48, min_age=18, max_age=99)
    chair = SeatFactory(body=body, role="chair")
    TermFactory(seat=chair, holder=participant, holder_name="Ioana Mureșan", is_fictional=True,
                organisation=OrganisationFactory(name="Muzeul Etnografic"), starts_on=datetime.date(2020, 3, 6))
    TermFactory(seat=chair, holder_name="Mihai Crișan", starts_on=datetime.date(2016, 1, 1),
                ends_on=datetime.date(2020, 3, 6))
    SeatFactory(body=body, role="secretary")
    return body


def test_the_list_shows_each_bodys_rules_current_holders_and_vacancies(client, board, participant):
    response = client.get("/en/network/bodies/")
    page = response.content.decode()
    assert response.status_code == 200
    for expected in ("Board of Directors", "Decision-making", "5 seats", "48 months", "18 to 99 years old",
                     "Ioana Mureșan", "fictional", "for Muzeul Etnografic", "since 6 March 2020", "Vacant",
                     "1 seat is vacant.", "3 more places are not yet set up as seats."):
        assert expected in page, expected
    # Only the term's public name, never the account behind it; and past holders only on the body's page.
    assert participant.email not in page
    assert "Mihai Crișan" not in page


def test_the_body_page_shows_the_history_meetings_decisions_and_objectives(client, board):
    meeting = MeetingFactory(title_en="First meeting", minutes_en="We met.", starts_at=timezone.now(),
                             ends_at=timezone.now() + datetime.timedelta(hours=2))
    BodyMeeting.objects.create(body=board, meeting=meeting, agenda_en="The budget first")
    Decision.objects.create(body=board, meeting=meeting, number="7/2020", text_en="The budget is approved.",
                            decided_on=datetime.date(2020, 6, 1), is_fictional=True)
    BodyObjective.objects.create(body=board, year=2020, text_en="Quarterly meetings", level="partly",
                                 narrative_en="Two of four.")
    hidden = MeetingFactory(title_en="Draft meeting", is_published=False)
    BodyMeeting.objects.create(body=board, meeting=hidden)
    page = client.get("/en/network/bodies/board/").content.decode()
    for expected in ("Mihai Crișan", "1 January 2016 – 6 March 2020", "Ioana Mureșan", "First meeting",
                     "The budget first", "We met.", "Decision no. 7/2020", "The budget is approved.",
                     "Quarterly meetings", "achieved partly", "Two of four."):
        assert expected in page, expected
    assert "Draft meeting" not in page


def test_an_unknown_body_is_not_found(client):
    assert client.get("/en/network/bodies/nobody/").status_code == 404


def test_the_pages_cost_the_same_queries_whatever_the_rows(client, board, assert_constant_queries):
    def grow():
        for _ in range(3):
            body = BodyFactory()
            seat = SeatFactory(body=body)
            TermFactory(seat=seat, organisation=OrganisationFactory())
            SeatFactory(body=board)
            TermFactory(seat=SeatFactory(body=board), organisation=OrganisationFactory(),
                        starts_on=datetime.date(2010, 1, 1), ends_on=datetime.date(2011, 1, 1))
            meeting = MeetingFactory()
            BodyMeeting.objects.create(body=board, meeting=meeting)
            Decision.objects.create(body=board, meeting=meeting, number=f"{meeting.pk}", text_ro="D",
                                    decided_on=datetime.date(2020, 1, 1))
            BodyObjective.objects.create(body=board, year=2021, text_ro="O")

    counts = assert_constant_queries(client, ["/en/network/bodies/", "/en/network/bodies/board/"], grow)
    assert max(counts) <= 12


def test_the_main_navigation_leads_to_the_bodies(client):
    assert 'href="/ro/network/bodies/"' in client.get("/ro/network/organisations/").content.decode()
