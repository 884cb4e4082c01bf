"""A programme's page: its objectives and activities from the approved plans, its meetings, calls and
consultations (each registered by its app in ``network.registry``), in a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from civica.accountability.models import Activity, Objective, PlanStatus
from civica.accountability.tests.factories import make_plan
from civica.calls.models import CallStatus
from civica.calls.tests.factories import CallFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.network.registry import programme_sections
from civica.network.tests.factories import ProgrammeFactory
from civica.participation.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def english(in_english):
    """The page in English."""


def test_every_capability_registers_its_section():
    assert [section.key for section in programme_sections.sections()] == [
        "objectives", "activities", "meetings", "calls", "consultations", "vouchers"]


def _fill(programme, number=0):
    now = timezone.now()
    plan = make_plan(year=2020 + number, programmes=0)
    Objective.objects.create(plan=plan, programme=programme, text_ro=f"Obiectiv {number}",
                             text_en=f"Objective {number}")
    Activity.objects.create(plan=plan, programme=programme, title_ro=f"Activitate {number}",
                            title_en=f"Activity {number}", period_text="Mai")
    draft = make_plan(year=2040 + number, programmes=0, status=PlanStatus.DRAFT)
    Objective.objects.create(plan=draft, programme=programme, text_ro="Ciornă", text_en="Draft objective")
    process = ProcessFactory(is_published=True)
    MeetingFactory(programme=programme, process=process, title_en=f"Coming meeting {number}")
    MeetingFactory(programme=programme, title_en=f"Past meeting {number}", starts_at=now - 10 * DAY,
                   ends_at=now - 10 * DAY + DAY / 12)
    MeetingFactory(programme=programme, title_en=f"Hidden meeting {number}", is_published=False)
    CallFactory(programme=programme, title_en=f"Open call {number}")
    CallFactory(programme=programme, title_en=f"Draft call {number}", status=CallStatus.DRAFT)
    return process


def test_the_page_shows_what_the_programme_does(client):
    programme = ProgrammeFactory()
    process = _fill(programme)
    page = client.get(reverse("network:programme_detail", args=[programme.slug])).content.decode()
    for shown in ("Objective 0", "Activity 0", "Coming meeting 0", "Past meeting 0", "Open call 0",
                  process.title_en or process.title_ro, "Plan 2020"):
        assert shown in page, shown
    for hidden in ("Draft objective", "Hidden meeting", "Draft call"):
        assert hidden not in page, hidden


def test_an_empty_programme_shows_no_empty_section(client):
    programme = ProgrammeFactory()
    page = client.get(reverse("network:programme_detail", args=[programme.slug])).content.decode()
    assert "section-objectives" not in page and "section-meetings" not in page


def test_fixed_queries(client, assert_constant_queries):
    programme = ProgrammeFactory()
    _fill(programme)
    counter = iter(range(1, 100))
    assert_constant_queries(client, reverse("network:programme_detail", args=[programme.slug]),
                            lambda: [_fill(programme, next(counter)) for _ in range(2)])
