"""Reads of the network pages: the directory (with how many of the members and partners it lists), and
the spaces. ``space_taken`` (two queries: meetings and holding bookings), ``space_agenda`` (the space
page's free/busy table: a published meeting is named, anything else is only "booked"),
``space_book_refusal`` (why not, in the user's language), ``my_bookings``, ``bookings_to_manage``, a
space as a place on the maps (``space_place``), and the staff's screens (``manage_overview``,
``manage_organisations``, ``organisation_representatives``), and the applications to become a member
(``my_membership_applications``, ``membership_applications_to_review``, ``membership_application_counts``)."""

import datetime

from django.db.models import Case, Count, Q, When
from django.utils import timezone

from civica.core.maps import Place, place_of

from .availability import Slot
from .models import (
    OPEN_APPLICATION_STATUSES,
    ApplicationStatus,
    Booking,
    BookingStatus,
    Category,
    Figure,
    MembershipApplication,
    Organisation,
    Programme,
    Relationship,
    Space,
)
from .predicates import represented_member_ids


def organisation_directory(*, category: str | None = None):
    organisations = Organisation.objects.order_by("name")
    if category in Category.values:
        organisations = organisations.filter(category=category)
    return organisations


# The directory's figures and whom of those they count it lists.
DIRECTORY_FIGURES = {"members": Relationship.MEMBER, "partners": Relationship.PARTNER}


def directory_figures() -> list[tuple[Figure, int]]:
    """``(figure, how many of them the directory lists)`` for the members and partners figures. Two queries."""
    listed = Organisation.objects.aggregate(**{
        key: Count("pk", filter=Q(relationship=relationship)) for key, relationship in DIRECTORY_FIGURES.items()
    })
    return [(figure, listed[figure.key]) for figure in Figure.objects.filter(key__in=DIRECTORY_FIGURES)]


def programme_list():
    return Programme.objects.select_related("organisation").order_by("position", "name_ro")


def space_list():
    return Space.objects.select_related("programme").order_by("position", "name_ro")


def space_place(space) -> Place | None:
    return place_of(space.translated("name"), space.latitude, space.longitude, url=space.get_absolute_url(),
                    address=space.address, approximate=space.coordinates_approximate)


def space_taken(space, *, starts_at, ends_at, except_meeting=None, except_booking=None) -> list[Slot]:
    """What takes ``space`` at some moment of [starts_at, ends_at): its meetings (published or not) and
    the bookings that hold their time (awaiting confirmation or confirmed). Two queries."""
    # A cancelled meeting leaves the space free.
    meetings = (space.meetings.filter(starts_at__lt=ends_at, ends_at__gt=starts_at, cancelled_at__isnull=True)
                .order_by("starts_at", "pk"))
    if except_meeting is not None and except_meeting.pk:
        meetings = meetings.exclude(pk=except_meeting.pk)
    bookings = (space.bookings.holding().filter(starts_at__lt=ends_at, ends_at__gt=starts_at)
                .select_related("organisation").order_by("starts_at", "pk"))
    if except_booking is not None and except_booking.pk:
        bookings = bookings.exclude(pk=except_booking.pk)
    return [Slot(item.starts_at, item.ends_at, item) for item in [*meetings, *bookings]]


AGENDA_DAYS = 14


def space_upcoming_meetings(space, *, now=None, limit=10):
    return list(space.meetings.filter(is_published=True, ends_at__gte=now or timezone.now())
                .order_by("starts_at", "pk")[:limit])


def space_agenda(space, *, first_day: datetime.date, days: int = AGENDA_DAYS) -> list[dict]:
    """The times ``space`` is taken in ``days`` days from ``first_day`` (Bucharest days), as rows for a
    table. Free/busy only: a published meeting is named, anything else just takes the time."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(first_day, datetime.time(), tzinfo=tz)
    end = datetime.datetime.combine(first_day + datetime.timedelta(days=days), datetime.time(), tzinfo=tz)
    rows = []
    for slot in space_taken(space, starts_at=start, ends_at=end):
        row = {"starts_at": timezone.localtime(slot.starts_at), "ends_at": timezone.localtime(slot.ends_at)}
        if isinstance(slot.holder, Booking):
            row.update(kind="booking", status=slot.holder.status)
        else:
            row.update(kind="meeting", meeting=slot.holder if slot.holder.is_published else None)
        rows.append(row)
    return sorted(rows, key=lambda row: (row["starts_at"], row["ends_at"]))


def booking_organisations(user):
    """The member organisations ``user`` may book for."""
    return Organisation.objects.filter(pk__in=represented_member_ids(user)).order_by("name")


def my_bookings(*, user):
    return (Booking.objects.filter(booked_by=user).select_related("space", "organisation")
            .order_by("-starts_at", "-pk"))


def bookings_to_manage(*, now=None):
    """Bookings still to come or under way that hold their time: requests first, then by time."""
    requests_first = Case(When(status=BookingStatus.REQUESTED, then=0), default=1)
    return (Booking.objects.holding().filter(ends_at__gt=now or timezone.now())
            .select_related("space", "organisation", "booked_by").order_by(requests_first, "starts_at", "pk"))


def manage_overview() -> dict:
    """How many organisations, programmes and spaces there are, and the bookings awaiting an answer."""
    return {
        "organisation_count": Organisation.objects.count(),
        "programme_count": Programme.objects.count(),
        "space_count": Space.objects.count(),
        "figure_count": Figure.objects.count(),
        "requested_count": Booking.objects.filter(status=BookingStatus.REQUESTED,
                                                  ends_at__gt=timezone.now()).count(),
    }


def manage_organisations():
    return Organisation.objects.annotate(representative_count=Count("representatives")).order_by("name")


def organisation_representatives(organisation):
    return list(organisation.representatives.select_related("user").order_by("created_at", "pk"))


# Joining: applications to become a member.

def partners_represented(user):
    """The partner organisations ``user`` represents: those they may apply for."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(relationship=Relationship.PARTNER, representatives__user=user).order_by("name")


def my_membership_applications(*, user):
    return (MembershipApplication.objects.filter(applicant=user).select_related("organisation")
            .order_by("-created_at", "-pk"))


def membership_applications_to_review(*, status: str | None = None):
    """Every application (or those in ``status``), the open ones first, oldest first among them, then the
    decided ones, latest first."""
    applications = MembershipApplication.objects.select_related("applicant", "organisation")
    if status in ApplicationStatus.values:
        applications = applications.filter(status=status)
    is_open = Case(When(status__in=OPEN_APPLICATION_STATUSES, then=0), default=1)
    return applications.order_by(is_open, Case(When(status__in=OPEN_APPLICATION_STATUSES, then="created_at")),
                                 "-created_at", "-pk")


def membership_application_counts() -> dict:
    """How many applications are in each status (one query)."""
    counts = dict(MembershipApplication.objects.values_list("status").annotate(count=Count("pk")).order_by())
    return {status: counts.get(status, 0) for status in ApplicationStatus.values}
