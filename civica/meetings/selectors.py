import calendar
import datetime

from django.utils import timezone

from civica.network.models import Space

from .models import Meeting, MeetingFormat, MeetingKind, Registration, RegistrationStatus


def meeting_list(*, when=None, kind=None, meeting_format=None, space=None):
    meetings = Meeting.objects.published().select_related("programme", "space")
    if when == "past":
        meetings = meetings.past().order_by("-starts_at")
    elif when == "upcoming":
        meetings = meetings.upcoming().order_by("starts_at")
    else:
        meetings = meetings.order_by("-starts_at")
    if kind in MeetingKind.values:
        meetings = meetings.filter(kind=kind)
    if meeting_format in MeetingFormat.values:
        meetings = meetings.filter(format=meeting_format)
    if space:
        meetings = meetings.filter(space__slug=space)
    return meetings


def month_grid(year, month):
    """Weeks (Monday first) of the month, each day with the meetings starting on it (one query)."""
    tz = timezone.get_current_timezone()
    first = datetime.datetime(year, month, 1, tzinfo=tz)
    last = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
    by_day = {}
    for meeting in Meeting.objects.published().filter(starts_at__gte=first, starts_at__lt=last).order_by("starts_at"):
        by_day.setdefault(timezone.localtime(meeting.starts_at).date(), []).append(meeting)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [[{"date": day, "in_month": day.month == month, "meetings": by_day.get(day, [])} for day in week]
            for week in weeks]


def places_left(meeting):
    if meeting.capacity is None:
        return None
    taken = Registration.objects.filter(meeting=meeting, status=RegistrationStatus.REGISTERED).count()
    return max(meeting.capacity - taken, 0)


def spaces_with_meetings():
    """The centre's spaces that hold a published meeting, for the list's filter (one query)."""
    return Space.objects.filter(meetings__is_published=True).distinct().order_by("position", "name_ro")
