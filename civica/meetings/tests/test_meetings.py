import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase
from django.utils import timezone, translation
from icalendar import Calendar

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.meetings import services
from civica.meetings.models import MeetingFormat, Registration, RegistrationStatus
from civica.meetings.tests.factories import MeetingFactory
from civica.network.tests.factories import SpaceFactory


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_register_until_full_then_waiting_list_promoted_first_come_first_served():
    meeting = MeetingFactory(capacity=2)
    people = UserFactory.create_batch(4, language="en")
    statuses = [services.register(meeting=meeting, by=person, accepted_terms=True).status for person in people]
    assert statuses == ["registered", "registered", "waiting", "waiting"]
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.cancel(registration=Registration.objects.get(person=people[0]), by=people[0])
    assert Registration.objects.get(person=people[2]).status == RegistrationStatus.REGISTERED
    assert Registration.objects.get(person=people[3]).status == RegistrationStatus.WAITING
    assert [message.to for message in mail.outbox] == [[people[2].email]]
    assert "A place freed up" in mail.outbox[0].subject
    # in the person's language, the meeting's title too
    assert meeting.title_en in mail.outbox[0].body and meeting.title_ro not in mail.outbox[0].body


@pytest.mark.django_db
def test_terms_and_verification_are_required():
    meeting = MeetingFactory(terms_en="Filmed", terms_ro="Filmat")
    with pytest.raises(ValidationError, match="Accept the terms"):
        services.register(meeting=meeting, by=UserFactory(), accepted_terms=False)
    with pytest.raises(PermissionDenied):
        services.register(meeting=meeting, by=UserFactory(verified=False), accepted_terms=True)
    closed = MeetingFactory(registration_open=False)
    with pytest.raises(PermissionDenied):
        services.register(meeting=closed, by=UserFactory(), accepted_terms=True)


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_never_exceed_capacity():
    skip_unless_postgresql()
    meeting = MeetingFactory(capacity=5)
    people = UserFactory.create_batch(16)
    outcomes = run_together([lambda person=person: services.register(meeting=meeting, by=person, accepted_terms=True)
                             for person in people])
    assert outcomes == [None] * 16  # the eleven past the capacity wait, none is refused
    assert Registration.objects.filter(meeting=meeting, status="registered").count() == 5
    assert Registration.objects.filter(meeting=meeting, status="waiting").count() == 11


@pytest.mark.django_db
def test_online_link_only_for_registered_people(client, participant):
    meeting = MeetingFactory(format=MeetingFormat.HYBRID, online_url="https://meet.example.org/secret-room")
    assert "secret-room" not in client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(participant)
    assert "secret-room" not in client.get(meeting.get_absolute_url()).content.decode()
    client.post(meeting.get_absolute_url() + "register/")
    assert "secret-room" in client.get(meeting.get_absolute_url()).content.decode()
    for url in ("/en/meetings/feed.ics", meeting.get_absolute_url() + "event.ics"):
        assert b"secret-room" not in client.get(url).content


@pytest.mark.django_db
def test_ical_feeds_are_valid(client):
    meeting = MeetingFactory(title_en="Cluj for Youth debate")
    MeetingFactory()
    feed = Calendar.from_ical(client.get("/en/meetings/feed.ics").content)
    events = feed.walk("VEVENT")
    assert len(events) == 2
    single = Calendar.from_ical(client.get(meeting.get_absolute_url() + "event.ics").content)
    event = single.walk("VEVENT")[0]
    assert str(event["summary"]) == "Cluj for Youth debate"
    assert event.decoded("dtstart") == meeting.starts_at.replace(microsecond=0)


@pytest.mark.django_db
def test_check_in_at_the_door(client, participant):
    meeting = MeetingFactory()
    registration = services.register(meeting=meeting, by=participant, accepted_terms=True)
    editor = UserFactory(role=Role.EDITOR)
    client.force_login(participant)
    assert client.get(meeting.get_absolute_url() + "check-in/").status_code == 403
    client.force_login(editor)
    response = client.post(meeting.get_absolute_url() + "check-in/", {"code": registration.code.lower()}, follow=True)
    assert "Checked in" in response.content.decode()
    assert Registration.objects.get(pk=registration.pk).checked_in_at is not None
    response = client.post(meeting.get_absolute_url() + "check-in/", {"code": "NOPE1234"}, follow=True)
    assert "No registration for this meeting has the code NOPE1234" in response.content.decode()


@pytest.mark.django_db
def test_list_filters_and_month_calendar(client):
    MeetingFactory(title_en="Future debate")
    MeetingFactory(title_en="Old debate", starts_at=timezone.now() - datetime.timedelta(days=30),
                   ends_at=timezone.now() - datetime.timedelta(days=30) + datetime.timedelta(hours=2))
    upcoming = client.get("/en/meetings/?when=upcoming").content.decode().split('id="calendar-title"')[0]
    assert "Future debate" in upcoming and "Old debate" not in upcoming
    past = client.get("/en/meetings/?when=past").content.decode().split('id="calendar-title"')[0]
    assert "Old debate" in past and "Future debate" not in past
    soon = timezone.localtime(timezone.now() + datetime.timedelta(days=7))
    calendar = client.get(f"/en/meetings/?month={soon.year}-{soon.month:02d}").content.decode()
    assert "Future debate" in calendar.split('id="calendar-title"')[1]
    for query in ("?month=2026-13", "?month=abc", "?kind=x&format=y&when=z"):
        assert client.get(f"/en/meetings/{query}").status_code == 200


@pytest.mark.django_db
def test_pages_query_counts_are_constant(client, participant, assert_constant_queries):
    from civica.comments.models import Comment

    meeting = MeetingFactory(capacity=50)
    # One comment from the start: the comment section's parts read the comments shown (one query for
    # all of them), and none when there are none.
    Comment.objects.create(target=meeting, author=UserFactory(), body="First")
    client.force_login(participant)

    def more():
        MeetingFactory.create_batch(6)
        # Meetings with a point on the list's map, typed or their space's: no query more.
        MeetingFactory.create_batch(2, latitude=Decimal("46.7697"), longitude=Decimal("23.5898"))
        MeetingFactory(space=SpaceFactory(latitude=Decimal("46.77"), longitude=Decimal("23.59")))
        for person in UserFactory.create_batch(5):
            services.register(meeting=meeting, by=person, accepted_terms=True)
        for other in MeetingFactory.create_batch(3):
            services.register(meeting=other, by=participant, accepted_terms=True)
        for author in [participant, *UserFactory.create_batch(3)]:
            Comment.objects.create(target=meeting, author=author, body="**Well** run")

    assert_constant_queries(client, ["/en/meetings/", meeting.get_absolute_url(), "/en/meetings/mine/"], more)


@pytest.mark.django_db
def test_demo_meetings_from_the_seed():
    from django.core.management import call_command

    from civica.meetings.models import Meeting

    call_command("loaddemo", verbosity=0)
    lab = Meeting.objects.get(slug="atelier-local-de-invatare-timisoara-2020-10-20")
    assert timezone.localtime(lab.starts_at).strftime("%Y-%m-%d %H:%M") == "2020-10-20 11:00"
    assert Meeting.objects.get(slug="atelier-local-de-invatare-timisoara-2020-10-08").place == \
        "Cowork Timișoara Garden"
    assert Meeting.objects.upcoming().count() >= 2 and Meeting.objects.past().count() >= 3


@pytest.mark.django_db
def test_the_list_pages_keep_the_filters(client):
    from civica.meetings.views import MEETINGS_PER_PAGE

    MeetingFactory.create_batch(MEETINGS_PER_PAGE + 1)
    first = client.get("/en/meetings/?when=upcoming").content.decode()
    assert first.split('id="calendar-title"')[0].count('class="card"') == MEETINGS_PER_PAGE
    assert "Page 1 of 2" in first and 'href="?when=upcoming&amp;page=2" rel="next"' in first
    second = client.get("/en/meetings/?when=upcoming&page=2").content.decode()
    assert second.count('class="card"') == 1 and "Page 2 of 2" in second


@pytest.mark.django_db
def test_staff_see_registrations_over_time_with_their_figures(client, editor, participant):
    meeting = MeetingFactory(capacity=50)
    people = UserFactory.create_batch(4)
    for person in people:
        services.register(meeting=meeting, by=person, accepted_terms=True)
    now = timezone.now()
    days_ago = [3, 3, 1, 0]
    for person, days in zip(people, days_ago, strict=True):
        Registration.objects.filter(person=person).update(created_at=now - datetime.timedelta(days=days))
    services.cancel(registration=Registration.objects.get(person=people[3]), by=people[3])

    from civica.meetings.selectors import registrations_over_time

    rows = registrations_over_time(meeting)
    assert [(new, total) for _day, new, total in rows] == [(2, 2), (0, 2), (1, 3)]  # the empty day is kept
    client.force_login(editor)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Registrations over time" in page and page.count('class="chart chart-column"') == 1
    assert "<details><summary>The figures</summary>" in page
    client.force_login(participant)
    assert "Registrations over time" not in client.get(meeting.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_registrations_over_a_long_time_are_counted_by_week():
    from civica.meetings.selectors import registrations_over_time

    meeting = MeetingFactory(capacity=50)
    people = UserFactory.create_batch(3)
    for person in people:
        services.register(meeting=meeting, by=person, accepted_terms=True)
    start = timezone.make_aware(datetime.datetime(2026, 1, 5, 12))  # a Monday
    for person, days in zip(people, [0, 3, 90], strict=True):
        Registration.objects.filter(person=person).update(created_at=start + datetime.timedelta(days=days))
    rows = registrations_over_time(meeting)
    assert rows[0] == (datetime.date(2026, 1, 5), 2, 2) and rows[-1][1:] == (1, 3)
    assert all(day.weekday() == 0 for day, _new, _total in rows) and len(rows) == 13
