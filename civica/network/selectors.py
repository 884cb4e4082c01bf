"""Reads of the network pages: the directory (with how many of the members and partners it lists), and
the spaces. ``space_taken`` (two queries: meetings and holding bookings), ``space_agenda`` (the space
page's free/busy table: a published meeting is named, anything else is only "booked"),
``space_book_refusal`` (why not, in the user's language), ``my_bookings``, ``bookings_to_manage``, a
space as a place on the maps (``space_place``), and the staff's screens (``manage_overview``,
``manage_organisations``, ``organisation_representatives``), and the applications to become a member
(``my_membership_applications``, ``membership_applications_to_review``, ``membership_application_counts``)."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, Prefetch, Q, When
from django.urls import reverse
from django.utils import timezone

from civica.core.maps import Place, place_of

from .availability import Slot
from .models import (
    OPEN_APPLICATION_STATUSES,
    ApplicationStatus,
    Booking,
    BookingStatus,
    Category,
    EntityKind,
    Figure,
    FigureCount,
    MembershipApplication,
    Network,
    NetworkEntity,
    Organisation,
    Programme,
    Relationship,
    Space,
)
from .predicates import represented_member_ids


def organisation_directory(*, category: str | None = None, relationship: str | None = None,
                           network: Network | None = None, programme: Programme | None = None):
    """The organisations, filtered by category, by a network they are in, by a programme (they run it,
    or are in one of its networks); with their membership and networks (two more queries a page)."""
    organisations = Organisation.objects.select_related("membership").order_by("name")
    if category in Category.values:
        organisations = organisations.filter(category=category)
    if relationship in Relationship.values:
        organisations = organisations.filter(relationship=relationship)
    if network is not None:
        organisations = organisations.filter(network_entities__network=network)
    if programme is not None:
        organisations = organisations.filter(
            Q(programmes=programme) | Q(network_entities__network__programme=programme))
    if network is not None or programme is not None:
        organisations = organisations.distinct()
    return organisations.prefetch_related(
        Prefetch("network_entities", queryset=NetworkEntity.objects.select_related("network")
                 .order_by("network__position", "network__name_ro")))


def directory_rows(organisations):
    """The directory as a spreadsheet's rows (a header first), in the active language; only what the
    public pages show. Three queries whatever the number of organisations."""
    from django.utils.translation import gettext as _

    yield [_("Name"), _("Category"), _("Relationship to the centre"), _("Member since"), _("Dues category"),
           _("City"), _("Website"), _("Networks"), _("Address on this site")]
    for organisation in organisations:
        membership = getattr(organisation, "membership", None)
        yield [organisation.name, organisation.get_category_display(), organisation.get_relationship_display(),
               membership.since.isoformat() if membership and membership.since else "",
               membership.get_dues_category_display() if membership else "", organisation.city,
               organisation.website,
               "; ".join(sorted({entity.network.translated("name") for entity in organisation.network_entities.all()})),
               reverse("network:organisation_detail", args=[organisation.slug])]


def directory_filter_choices() -> dict:
    return {"networks": list(Network.objects.order_by("position", "name_ro")),
            "programmes": list(Programme.objects.order_by("position", "name_ro"))}


@dataclass(frozen=True)
class ShownFigure:
    """A figure as a page shows it: the count when it is counted, else the value its source states."""

    figure: Figure
    value: int
    more_than: bool
    counted: bool
    # Where it comes from: the directory or the network page for a counted one, the figures page otherwise.
    url: str


def _counts() -> tuple[int, dict[int, int]]:
    """The member organisations and each network's entities. Two queries."""
    members = Organisation.objects.members().count()
    entities = dict(Network.objects.annotate(count=Count("entities")).values_list("pk", "count"))
    return members, entities


def shown_figures(figures=None) -> list[ShownFigure]:
    """Every figure (or ``figures``) as the pages show it. At most three queries whatever their number."""
    figures = list(Figure.objects.select_related("network") if figures is None else figures)
    counted = [figure for figure in figures if figure.counts]
    members, entities = _counts() if counted else (0, {})
    figures_page = reverse("network:figure_list")
    shown = []
    for figure in figures:
        if figure.counts == FigureCount.MEMBERS:
            value, url = members, reverse("network:organisation_list") + "?relationship=member"
        elif figure.counts == FigureCount.NETWORK:
            value, url = entities.get(figure.network_id, 0), reverse("network:network_detail",
                                                                     args=[figure.network.slug])
        else:
            value, url = figure.value, f"{figures_page}#figure-{figure.key}"
        shown.append(ShownFigure(figure=figure, value=value, more_than=figure.more_than and not figure.counts,
                                 counted=bool(figure.counts), url=url))
    return shown


def network_list():
    """The networks with how many entities of each kind they hold. Two queries."""
    networks = list(Network.objects.select_related("programme").annotate(entity_count=Count("entities")))
    kinds = {}
    order = {kind: index for index, kind in enumerate(EntityKind.values)}
    rows = NetworkEntity.objects.values_list("network_id", "kind").annotate(count=Count("pk")).order_by()
    for network_id, kind, count in sorted(rows, key=lambda row: (row[0], order[row[1]])):
        kinds.setdefault(network_id, []).append((EntityKind(kind).label, count))
    for network in networks:
        network.kind_counts = kinds.get(network.pk, [])
    return networks


def network_entities_by_kind(network) -> list[tuple[str, list[NetworkEntity]]]:
    """``(kind's label, entities)`` for each kind the network holds, in the kinds' order. One query."""
    groups: dict[str, list] = {}
    for entity in network.entities.select_related("organisation").order_by("kind", "country", "county",
                                                                          "locality", "name"):
        groups.setdefault(entity.kind, []).append(entity)
    return [(EntityKind(kind).label, groups[kind]) for kind in EntityKind.values if kind in groups]


def network_figures(network) -> list[ShownFigure]:
    return shown_figures(Figure.objects.filter(network=network).select_related("network"))


def organisation_networks(organisation) -> list[NetworkEntity]:
    return list(organisation.network_entities.select_related("network").order_by("network__position"))


def organisation_bookings(organisation, *, limit=50):
    """The organisation's bookings that hold their time, latest first (for its representatives and the staff)."""
    return list(organisation.space_bookings.holding().select_related("space").order_by("-starts_at", "-pk")[:limit])


# The directory's figures and whom of those they count it lists.
DIRECTORY_FIGURES = {"members": Relationship.MEMBER, "partners": Relationship.PARTNER}


def directory_figures() -> list[tuple[ShownFigure, int]]:
    """``(figure as shown, how many of them the directory lists)`` for the members and partners figures:
    a counted figure equals what is listed; a stated one may not, and the page says so. Four queries at most."""
    listed = Organisation.objects.aggregate(**{
        key: Count("pk", filter=Q(relationship=relationship)) for key, relationship in DIRECTORY_FIGURES.items()
    })
    figures = Figure.objects.filter(key__in=DIRECTORY_FIGURES).select_related("network")
    return [(shown, listed[shown.figure.key]) for shown in shown_figures(figures)]


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
