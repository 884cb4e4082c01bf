import datetime

from django.utils import timezone

from .availability import Slot
from .models import Category, Organisation, Programme, Space


def organisation_directory(*, category: str | None = None):
    organisations = Organisation.objects.order_by("name")
    if category in Category.values:
        organisations = organisations.filter(category=category)
    return organisations


def programme_list():
    return Programme.objects.select_related("organisation").order_by("position", "name_ro")


def space_list():
    return Space.objects.select_related("programme").order_by("position", "name_ro")


def space_taken(space, *, starts_at, ends_at, except_meeting=None) -> list[Slot]:
    """What takes ``space`` at some moment of [starts_at, ends_at): its meetings (published or not)."""
    meetings = space.meetings.filter(starts_at__lt=ends_at, ends_at__gt=starts_at).order_by("starts_at", "pk")
    if except_meeting is not None and except_meeting.pk:
        meetings = meetings.exclude(pk=except_meeting.pk)
    return [Slot(meeting.starts_at, meeting.ends_at, meeting) for meeting in meetings]


AGENDA_DAYS = 14


def space_upcoming_meetings(space, *, now=None, limit=10):
    return list(space.meetings.filter(is_published=True, ends_at__gte=now or timezone.now())
                .order_by("starts_at", "pk")[:limit])


def space_agenda(space, *, first_day: datetime.date, days: int = AGENDA_DAYS) -> list[dict]:
    """The times ``space`` is taken in ``days`` days from ``first_day`` (Bucharest days), as rows for a
    table: free/busy only — a published meeting is named, anything else just takes the time."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(first_day, datetime.time(), tzinfo=tz)
    end = datetime.datetime.combine(first_day + datetime.timedelta(days=days), datetime.time(), tzinfo=tz)
    rows = []
    for slot in space_taken(space, starts_at=start, ends_at=end):
        meeting = slot.holder
        rows.append({"starts_at": timezone.localtime(slot.starts_at), "ends_at": timezone.localtime(slot.ends_at),
                     "kind": "meeting", "meeting": meeting if meeting.is_published else None})
    return sorted(rows, key=lambda row: (row["starts_at"], row["ends_at"]))
