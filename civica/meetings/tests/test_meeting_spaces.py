"""Meetings held in the centre's spaces: shown with the space's name and address, filtered by space,
and never overlapping another meeting in the same space."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.utils import timezone, translation
from icalendar import Calendar

from civica.meetings import services
from civica.meetings.models import Meeting, MeetingFormat
from civica.meetings.tests.factories import MeetingFactory
from civica.network.tests.factories import SpaceFactory


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def _at(days, hour):
    tz = timezone.get_current_timezone()
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=tz)


@pytest.fixture
def studio(db):
    return SpaceFactory(name_ro="Studioul", name_en="The studio", address="Str. Fluierașului 3")


@pytest.mark.django_db
def test_the_meeting_shows_its_space_name_and_address_everywhere(client, studio, participant):
    meeting = MeetingFactory(title_en="Members' forum", space=studio, place="typed place", address="typed address")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert f'href="/en/network/spaces/{studio.slug}/">The studio</a>, Str. Fluierașului 3' in page
    assert "typed place" not in page
    listing = client.get("/en/meetings/").content.decode()
    assert "· The studio" in listing
    event = Calendar.from_ical(client.get(meeting.get_absolute_url() + "event.ics").content).walk("VEVENT")[0]
    assert str(event["location"]) == "The studio, Str. Fluierașului 3"
    feed = Calendar.from_ical(client.get("/en/meetings/feed.ics").content).walk("VEVENT")[0]
    assert str(feed["location"]) == "The studio, Str. Fluierașului 3"
    participant.language = "ro"
    participant.save()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.register(meeting=meeting, by=participant, accepted_terms=True)
    assert "Studioul, Str. Fluierașului 3" in mail.outbox[-1].body


@pytest.mark.django_db
def test_without_a_space_the_typed_place_is_shown(client):
    meeting = MeetingFactory(place="Cowork Timișoara Garden", address="Timișoara")
    assert "Cowork Timișoara Garden, Timișoara" in client.get(meeting.get_absolute_url()).content.decode()
    event = Calendar.from_ical(client.get(meeting.get_absolute_url() + "event.ics").content).walk("VEVENT")[0]
    assert str(event["location"]) == "Cowork Timișoara Garden, Timișoara"


@pytest.mark.django_db
def test_the_list_filters_by_space(client, studio):
    MeetingFactory(title_en="In the studio", space=studio)
    MeetingFactory(title_en="Elsewhere")
    page = client.get(f"/en/meetings/?space={studio.slug}").content.decode().split('id="calendar-title"')[0]
    assert "In the studio" in page and "Elsewhere" not in page
    assert f'<option value="{studio.slug}" selected>The studio</option>' in page
    everything = client.get("/en/meetings/?space=nowhere").content.decode().split('id="calendar-title"')[0]
    assert "In the studio" in everything and "Elsewhere" in everything


@pytest.mark.django_db
def test_two_meetings_in_one_space_never_overlap(studio):
    first = services.meeting_save(meeting=MeetingFactory.build(title_en="Morning forum", space=studio,
                                                               starts_at=_at(3, 9), ends_at=_at(3, 12)))
    clash = MeetingFactory.build(space=studio, starts_at=_at(3, 11), ends_at=_at(3, 13))
    with pytest.raises(ValidationError) as refused:
        services.meeting_save(meeting=clash)
    day = _at(3, 9).strftime("%-d %B %Y")
    assert refused.value.message_dict["space"] == [
        f"The studio is taken on {day}, 09:00–12:00 by the meeting “Morning forum”."]
    assert clash.pk is None
    # Touching is fine, and so is the same time in another space or with no space.
    services.meeting_save(meeting=MeetingFactory.build(space=studio, starts_at=_at(3, 12), ends_at=_at(3, 14)))
    services.meeting_save(meeting=MeetingFactory.build(space=SpaceFactory(), starts_at=_at(3, 10),
                                                       ends_at=_at(3, 11)))
    services.meeting_save(meeting=MeetingFactory.build(starts_at=_at(3, 10), ends_at=_at(3, 11)))
    # A meeting moved within its own time does not clash with itself.
    first.ends_at = _at(3, 11)
    services.meeting_save(meeting=first)
    assert Meeting.objects.filter(space=studio).count() == 2


@pytest.mark.django_db
def test_an_online_meeting_takes_no_space(studio):
    with pytest.raises(ValidationError) as refused:
        services.meeting_save(meeting=MeetingFactory.build(space=studio, format=MeetingFormat.ONLINE))
    assert "An online meeting takes no space" in refused.value.message_dict["space"][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(space=studio, format=MeetingFormat.ONLINE)
    services.meeting_save(meeting=MeetingFactory.build(space=studio, format=MeetingFormat.HYBRID))


def _admin_form(meeting_fields):
    data = {
        "slug": "forum", "kind": "debate", "format": "in_person", "title_ro": "Forum", "title_en": "Forum",
        "starts_at_0": "", "starts_at_1": "", "ends_at_0": "", "ends_at_1": "", "when_known": "time",
        "registration_open": "on",
        "is_published": "on", "created_at_0": "2026-01-01", "created_at_1": "10:00",
        "documents-TOTAL_FORMS": "0", "documents-INITIAL_FORMS": "0",
    }
    data.update(meeting_fields)
    return data


@pytest.mark.django_db
def test_the_admin_names_the_clash_and_keeps_what_was_typed(client, editor, studio):
    MeetingFactory(title_en="Board meeting", title_ro="Ședința consiliului", space=studio,
                   starts_at=_at(5, 10), ends_at=_at(5, 12))
    client.force_login(editor)
    day = _at(5, 10).date().isoformat()
    fields = {"space": str(studio.pk), "starts_at_0": day, "starts_at_1": "11:00", "ends_at_0": day,
              "ends_at_1": "13:00"}
    response = client.post("/en/admin/meetings/meeting/add/", _admin_form(fields))
    assert response.status_code == 200
    page = response.content.decode()
    assert "is taken on" in page and "by the meeting “Board meeting”" in page
    assert 'value="11:00' in page and not Meeting.objects.filter(slug="forum").exists()
    fields.update(starts_at_1="12:00", ends_at_1="14:00")
    response = client.post("/en/admin/meetings/meeting/add/", _admin_form(fields))
    assert response.status_code == 302
    assert Meeting.objects.get(slug="forum").space == studio
    online = _admin_form({**fields, "slug": "online", "format": "online", "starts_at_1": "15:00",
                          "ends_at_1": "16:00"})
    assert "An online meeting takes no space" in client.post("/en/admin/meetings/meeting/add/",
                                                             online).content.decode()


@pytest.mark.django_db
def test_the_space_page_lists_its_meetings_and_taken_times(client, studio):
    MeetingFactory(title_en="Public forum", space=studio, starts_at=_at(2, 10), ends_at=_at(2, 12))
    MeetingFactory(title_en="Secret rehearsal", space=studio, is_published=False, starts_at=_at(3, 10),
                   ends_at=_at(3, 12))
    MeetingFactory(title_en="Far away", space=studio, starts_at=_at(40, 10), ends_at=_at(40, 12))
    page = client.get(studio.get_absolute_url()).content.decode()
    agenda = page.split('id="agenda-title"')[1]
    assert "Public forum" in agenda and "A meeting of the centre" in agenda
    assert "Secret rehearsal" not in page and "Far away" not in agenda
    assert "Far away" in page.split('id="agenda-title"')[0]  # among the upcoming meetings
    later = client.get(f"{studio.get_absolute_url()}?from={_at(35, 0).date().isoformat()}").content.decode()
    assert "Far away" in later.split('id="agenda-title"')[1]
    for bad in ("2026-13-45", "yesterday", "99999-01-01", "0001-01-01"):
        assert client.get(f"{studio.get_absolute_url()}?from={bad}").status_code == 200
