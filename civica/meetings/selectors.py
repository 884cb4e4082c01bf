"""Reads of the meetings pages: the list (filters by time, kind, format and space), a meeting's page, the
month calendar (a meeting known by its month only is named apart, on no day), places left, and a waiting person's
number on the list (``waiting_position``, counted each time, shown on the page and in the e-mail), and
meetings as places on the maps (``meeting_place`` for the list's, ``venue_place`` for a meeting's page).
For the editors' screens: every meeting with its counts (``manage_meeting_list``), a meeting's
``registration_counts``, its registrations in three lists and as export rows, and what else takes its
space around its time (``space_around``)."""

import calendar
import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core.maps import Place, place_of
from civica.network import selectors as network_selectors
from civica.network.models import Space

from .models import Meeting, MeetingFormat, MeetingKind, Registration, RegistrationStatus, WhenKnown


def meeting_place(meeting) -> Place | None:
    """A meeting on the list's map, named by its title, at its venue's point (select ``space`` with it);
    None for an online meeting or a venue without coordinates."""
    if meeting.format == MeetingFormat.ONLINE:
        return None
    place, address = meeting.venue()
    return place_of(meeting.translated("title"), *meeting.coordinates(), url=meeting.get_absolute_url(),
                    address=", ".join(part for part in (place, address) if part),
                    approximate=meeting.coordinates_are_approximate())


def venue_place(meeting) -> Place | None:
    """A meeting's venue on its page's map: the space (linked) or the typed place."""
    if meeting.format == MeetingFormat.ONLINE:
        return None
    place, address = meeting.venue()
    url = meeting.space.get_absolute_url() if meeting.space_id else ""
    return place_of(place or meeting.translated("title"), *meeting.coordinates(), url=url, address=address,
                    approximate=meeting.coordinates_are_approximate())


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


def meeting_for_page(slug):
    """A published meeting (cancelled ones included: their page says so) with what its page shows beside
    it, or None."""
    return (Meeting.objects.published().filter(slug=slug)
            .select_related("programme", "process", "workshop", "space").first())


def month_grid(year, month):
    """Weeks (Monday first) of the month, each day with the meetings starting on it (one query)."""
    tz = timezone.get_current_timezone()
    first = datetime.datetime(year, month, 1, tzinfo=tz)
    last = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
    by_day = {}
    for meeting in (Meeting.objects.published().filter(starts_at__gte=first, starts_at__lt=last)
                    .exclude(when_known=WhenKnown.MONTH).order_by("starts_at")):
        by_day.setdefault(timezone.localtime(meeting.starts_at).date(), []).append(meeting)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [[{"date": day, "in_month": day.month == month, "meetings": by_day.get(day, [])} for day in week]
            for week in weeks]


def month_only(year, month):
    """The meetings of the month whose day is not known: the calendar names them apart, on no day."""
    tz = timezone.get_current_timezone()
    first = datetime.datetime(year, month, 1, tzinfo=tz)
    last = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
    return list(Meeting.objects.published().filter(starts_at__gte=first, starts_at__lt=last,
                                                   when_known=WhenKnown.MONTH).order_by("starts_at", "pk"))


def places_left(meeting):
    if meeting.capacity is None:
        return None
    taken = Registration.objects.filter(meeting=meeting, status=RegistrationStatus.REGISTERED).count()
    return max(meeting.capacity - taken, 0)


def registrations_over_time(meeting, *, max_days=62):
    """For staff: registrations (not cancelled) by the day they were made, as ``[(day, new, total so far)]``,
    oldest first; days without any are included, so the columns keep time's proportions. Over
    ``max_days`` days the rows are weeks (dated by their Monday) instead. One query."""
    days = sorted(timezone.localtime(moment).date() for moment in Registration.objects.filter(meeting=meeting)
                  .exclude(status=RegistrationStatus.CANCELLED).values_list("created_at", flat=True))
    if not days:
        return []
    step = datetime.timedelta(days=1)
    if (days[-1] - days[0]).days >= max_days:
        days = [day - datetime.timedelta(days=day.weekday()) for day in days]
        step = datetime.timedelta(days=7)
    counts = {}
    for day in days:
        counts[day] = counts.get(day, 0) + 1
    rows, total, day = [], 0, days[0]
    while day <= days[-1]:
        total += counts.get(day, 0)
        rows.append((day, counts.get(day, 0), total))
        day += step
    return rows


def waiting_position(registration):
    """``registration``'s place on its meeting's waiting list (1 for the next to get a place), or None
    when it is not waiting. Counted each time, so it stays right as people before it cancel or move up."""
    if registration is None or registration.status != RegistrationStatus.WAITING:
        return None
    before = Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk)
    return Registration.objects.filter(before, meeting_id=registration.meeting_id,
                                       status=RegistrationStatus.WAITING).count() + 1


def spaces_with_meetings():
    """The centre's spaces that hold a published meeting, for the list's filter (one query)."""
    return Space.objects.filter(meetings__is_published=True).distinct().order_by("position", "name_ro")


# --- The editors' screens -----------------------------------------------------------------------

def _counts():
    return {
        "registered_total": Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
        "waiting_total": Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
        "checked_in_total": Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED,
                                                             registrations__checked_in_at__isnull=False)),
    }


def manage_meeting_list(*, when=None, now=None):
    """Every meeting, drafts and cancelled ones included, with its registered, waiting and checked-in
    counts (one query a page): upcoming soonest first, past latest first, all latest first."""
    meetings = Meeting.objects.select_related("space").annotate(**_counts())
    if when == "upcoming":
        return meetings.upcoming(now).order_by("starts_at", "pk")
    if when == "past":
        return meetings.past(now).order_by("-starts_at", "-pk")
    return meetings.order_by("-starts_at", "-pk")


def registration_counts(meeting) -> dict:
    """``{"registered_total", "waiting_total", "checked_in_total", "places_left"}`` of ``meeting``. One query."""
    counts = Registration.objects.filter(meeting=meeting).aggregate(
        registered_total=Count("pk", filter=Q(status=RegistrationStatus.REGISTERED)),
        waiting_total=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
        checked_in_total=Count("pk", filter=Q(status=RegistrationStatus.REGISTERED, checked_in_at__isnull=False)))
    counts["places_left"] = (None if meeting.capacity is None
                             else max(meeting.capacity - counts["registered_total"], 0))
    return counts


def registrations_for_staff(meeting) -> dict:
    """The meeting's registrations as three lists: registered (by name), the waiting list (first come
    first) and cancelled. One query."""
    lists = {"registered": [], "waiting": [], "cancelled": []}
    for registration in (Registration.objects.filter(meeting=meeting).select_related("person")
                         .order_by("created_at", "pk")):
        lists[registration.status].append(registration)
    lists["registered"].sort(key=lambda registration: (registration.person.public_name.casefold(), registration.pk))
    return lists


def registration_rows(meeting):
    """The export: a header, then one row a registration (registered, then waiting in their order,
    then cancelled); times in Bucharest. Read in chunks."""
    yield [_("Name"), _("E-mail"), _("Status"), _("Place on the waiting list"), _("Registered at"),
           _("Checked in at"), _("Code")]
    order = {RegistrationStatus.REGISTERED: 0, RegistrationStatus.WAITING: 1, RegistrationStatus.CANCELLED: 2}
    registrations = sorted(Registration.objects.filter(meeting=meeting).select_related("person")
                           .order_by("created_at", "pk"), key=lambda registration: order[registration.status])
    position = 0
    for registration in registrations:
        waiting = registration.status == RegistrationStatus.WAITING
        position += waiting
        yield [registration.person.public_name, registration.person.email, registration.get_status_display(),
               position if waiting else "", _local(registration.created_at), _local(registration.checked_in_at),
               registration.code]


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


SPACE_AROUND_DAYS = 3


def space_around(space, moment, *, except_meeting=None) -> dict:
    """What else takes ``space`` from the day before ``moment`` to the day after (Bucharest days): the
    staff's view, with the booking organisations named. Two queries."""
    first_day = timezone.localtime(moment).date() - datetime.timedelta(days=1)
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(first_day, datetime.time(), tzinfo=tz)
    end = start + datetime.timedelta(days=SPACE_AROUND_DAYS)
    taken = network_selectors.space_taken(space, starts_at=start, ends_at=end, except_meeting=except_meeting)
    rows = [{"starts_at": timezone.localtime(slot.starts_at), "ends_at": timezone.localtime(slot.ends_at),
             "meeting": slot.holder if isinstance(slot.holder, Meeting) else None,
             "booking": None if isinstance(slot.holder, Meeting) else slot.holder}
            for slot in taken]
    return {"space": space, "first_day": first_day,
            "last_day": first_day + datetime.timedelta(days=SPACE_AROUND_DAYS - 1),
            "rows": sorted(rows, key=lambda row: (row["starts_at"], row["ends_at"]))}
