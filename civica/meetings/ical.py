"""iCalendar feeds (RFC 5545) with the `icalendar` package. The online link never goes in a feed:
feeds are public, and the link is for registered people only. A meeting known only by its day is an
all-day event (``VALUE=DATE``); one known only by its month is left out; one whose end is not known
has no DTEND. A cancelled meeting stays in the feed as ``STATUS:CANCELLED``, so calendars that took
it mark it so."""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import WhenKnown

PRODID = "-//Civica//Meetings//RO"


def calendar_for(meetings, *, name: str) -> bytes:
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        if meeting.when_known == WhenKnown.MONTH:
            continue
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@civica")
        event.add("dtstamp", meeting.created_at)
        if meeting.when_known == WhenKnown.DAY:
            # The day without a time: an all-day event (DTSTART;VALUE=DATE), ending the next day.
            day = timezone.localtime(meeting.starts_at).date()
            last = timezone.localtime(meeting.ends_at - datetime.timedelta(microseconds=1)).date()
            event.add("dtstart", day)
            event.add("dtend", max(day, last) + datetime.timedelta(days=1))
        else:
            event.add("dtstart", meeting.starts_at)
            if meeting.when_known != WhenKnown.START:  # no invented end: without DTEND the event is its start
                event.add("dtend", meeting.ends_at)
        event.add("summary", meeting.translated("title"))
        event.add("description", meeting.translated("description")[:2000])
        location = ", ".join(part for part in meeting.venue() if part)
        if location:
            event.add("location", location)
        event.add("url", settings.CIVICA_BASE_URL + meeting.get_absolute_url())
        if meeting.cancelled_at is not None:
            event.add("status", "CANCELLED")
        feed.add_component(event)
    return feed.to_ical()
