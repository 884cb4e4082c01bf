"""A meeting shows only what is known of its time (day only, month only) on its page, the list,
the calendar, iCal and e-mails (the workshop report: workshops/tests); the demo's times are
plausible hours in Bucharest."""

import datetime

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone, translation
from icalendar import Calendar

from civica.accounts.tests.factories import UserFactory
from civica.meetings import services
from civica.meetings.models import Meeting, WhenKnown
from civica.meetings.tests.factories import MeetingFactory


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def _at(*args):
    return datetime.datetime(*args, tzinfo=timezone.get_current_timezone())


@pytest.mark.django_db
def test_a_meeting_known_by_its_day_shows_no_time_and_is_an_all_day_event(client):
    MeetingFactory(slug="lab", title_en="Local Learning Lab", starts_at=_at(2020, 10, 8),
                   ends_at=_at(2020, 10, 9), when_known=WhenKnown.DAY)
    page = client.get("/en/meetings/lab/").content.decode()
    assert "Thursday, 8 October 2020 (the time is not known)" in page and "00:00" not in page
    assert 'datetime="2020-10-08"' in page
    listing = client.get("/en/meetings/?when=past").content.decode()
    assert "8 October 2020<" in listing and "00:00" not in listing
    calendar = client.get("/en/meetings/?month=2020-10").content.decode()
    assert "Local Learning Lab" in calendar and "00:00" not in calendar
    event = Calendar.from_ical(client.get("/en/meetings/lab/event.ics").content).walk("VEVENT")[0]
    assert event["DTSTART"].to_ical() == b"20201008" and event["DTEND"].to_ical() == b"20201009"
    assert b"DTSTART;VALUE=DATE:20201008" in client.get("/en/meetings/feed.ics").content


@pytest.mark.django_db
def test_a_meeting_known_by_its_month_shows_the_month_and_stays_out_of_calendars(client):
    MeetingFactory(slug="park", title_en="Parcul Feroviarilor debate", starts_at=_at(2017, 10, 1),
                   ends_at=_at(2017, 11, 1), when_known=WhenKnown.MONTH)
    page = client.get("/en/meetings/park/").content.decode()
    assert "October 2017 (the day is not known)" in page and "00:00" not in page and "1 October" not in page
    assert "/en/meetings/park/event.ics" not in page
    assert client.get("/en/meetings/park/event.ics").status_code == 404
    assert b"Parcul Feroviarilor" not in client.get("/en/meetings/feed.ics").content
    calendar = client.get("/en/meetings/?month=2017-10").content.decode()
    head, grid = calendar.split('class="data-table calendar"')
    assert "on a day that is not known:" in head and "Parcul Feroviarilor debate" in head
    assert "Parcul Feroviarilor debate" not in grid
    assert "October 2017<" in client.get("/en/meetings/?when=past").content.decode()


@pytest.mark.django_db
def test_the_registration_e_mail_gives_only_the_known_day():
    meeting = MeetingFactory(starts_at=_at(2030, 5, 14), ends_at=_at(2030, 5, 15), when_known=WhenKnown.DAY)
    person = UserFactory(language="en")
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.register(meeting=meeting, by=person, accepted_terms=True)
    assert "14 May 2030" in mail.outbox[0].body and "00:00" not in mail.outbox[0].body


@pytest.mark.django_db
def test_the_demo_gives_only_the_times_the_seed_gives(client):
    from django.core.management import call_command

    call_command("loaddemo", verbosity=0)
    park = client.get("/en/meetings/dezbatere-parcul-feroviarilor-2017/").content.decode()
    assert "October 2017 (the day is not known)" in park and "17:00" not in park and "12 October" not in park
    lab = client.get("/en/meetings/atelier-local-de-invatare-timisoara-2020-10-08/").content.decode()
    assert "Thursday, 8 October 2020 (the time is not known)" in lab and "10:00" not in lab
    later = client.get("/en/meetings/atelier-local-de-invatare-timisoara-2020-10-20/").content.decode()
    assert "Tuesday, 20 October 2020, 11:00 (Bucharest time; the end is not known)" in later and "14:00" not in later
    event = Calendar.from_ical(client.get(
        "/en/meetings/atelier-local-de-invatare-timisoara-2020-10-20/event.ics").content).walk("VEVENT")[0]
    assert "DTEND" not in event and timezone.localtime(event["DTSTART"].dt).hour == 11


@pytest.mark.django_db
def test_the_demo_s_coming_events_and_deadlines_are_at_plausible_bucharest_hours():
    from django.core.management import call_command

    from civica.calls.models import Call
    from civica.participation.models import Phase

    call_command("loaddemo", verbosity=0)
    now = timezone.now()
    upcoming = Meeting.objects.upcoming()
    assert upcoming.count() >= 2
    for meeting in upcoming:
        start = timezone.localtime(meeting.starts_at)
        assert (start.hour, start.minute) == (18, 0), meeting.slug
    deadlines = [*Call.objects.filter(closes_at__gt=now).values_list("closes_at", flat=True),
                 *Call.objects.filter(questions_until__gt=now).values_list("questions_until", flat=True),
                 *Phase.objects.filter(ends_at__gt=now).values_list("ends_at", flat=True)]
    assert len(deadlines) >= 3
    for deadline in deadlines:
        local = timezone.localtime(deadline)
        assert (local.hour, local.minute) in ((17, 0), (23, 59)), local
