"""Reads of the bodies for the public pages, the staff's screens, the plan document and personal data.
Each page costs a fixed number of queries whatever the number of bodies, seats and terms. Only a term's
public ``holder_name`` leaves this module for the public pages, never the account."""

import datetime

from django.db.models import Prefetch, Q
from django.utils import timezone

from .models import Body, BodyMeeting, BodyObjective, Decision, Seat, Term


def _current(today: datetime.date) -> Q:
    return Q(starts_on__lte=today) & (Q(ends_on__isnull=True) | Q(ends_on__gt=today))


def _public_terms(queryset):
    return queryset.select_related("organisation").only(
        "id", "seat_id", "holder_name", "starts_on", "ends_on", "is_fictional", "organisation__name",
        "organisation__slug")


def _with_vacancies(bodies):
    for body in bodies:
        seats = list(body.seats.all())
        body.vacant_seats = [seat for seat in seats if not seat.current_terms]
        body.unset_places = max((body.size or 0) - len(seats), 0)
    return bodies


def holds_seat_reviewing_membership(user, *, today: datetime.date | None = None) -> bool:
    """Whether ``user`` holds a seat now on a body whose members review applications to become a member
    (network's ``reviewer_checks``)."""
    if not user.is_authenticated:
        return False
    return Term.objects.filter(_current(today or timezone.localdate()), holder=user,
                               seat__body__reviews_membership_applications=True).exists()


def body_list(*, today: datetime.date | None = None) -> list[Body]:
    """Every body with its seats, each seat's current terms (``seat.current_terms``), its vacant seats
    (``body.vacant_seats``) and the places its size allows that have no seat yet (``body.unset_places``)."""
    today = today or timezone.localdate()
    seats = Seat.objects.prefetch_related(Prefetch(
        "terms", queryset=_public_terms(Term.objects.filter(_current(today))).order_by("starts_on"),
        to_attr="current_terms"))
    return _with_vacancies(list(Body.objects.prefetch_related(Prefetch("seats", queryset=seats))))


def body_detail(slug: str, *, today: datetime.date | None = None) -> Body | None:
    """The body with its seats, each seat's whole history (``seat.history``, newest first) and current
    terms, its meetings (with the meeting), decisions and objectives; None when there is no such body."""
    today = today or timezone.localdate()
    seats = Seat.objects.prefetch_related(
        Prefetch("terms", queryset=_public_terms(Term.objects.order_by("-starts_on")), to_attr="history"),
        Prefetch("terms", queryset=_public_terms(Term.objects.filter(_current(today))), to_attr="current_terms"))
    body = Body.objects.prefetch_related(
        Prefetch("seats", queryset=seats),
        Prefetch("meeting_links", queryset=BodyMeeting.objects.select_related("meeting").filter(
            meeting__is_published=True).order_by("-meeting__starts_at")),
        Prefetch("decisions", queryset=Decision.objects.select_related("meeting")),
        Prefetch("objectives", queryset=BodyObjective.objects.all()),
    ).filter(slug=slug).first()
    if body is None:
        return None
    return _with_vacancies([body])[0]


def objectives_for_years(first_year: int, last_year: int) -> list[BodyObjective]:
    """The bodies' objectives of these years, body by body (the plan document's section)."""
    return list(BodyObjective.objects.filter(year__gte=first_year, year__lte=last_year).select_related("body")
                .order_by("body__position", "body__name_ro", "year", "position", "id"))


def manage_bodies() -> list[Body]:
    return body_list()


def person_terms(user) -> list[Term]:
    return list(Term.objects.filter(holder=user).select_related("seat__body", "organisation")
                .order_by("starts_on"))
