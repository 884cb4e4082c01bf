"""Counted indicators: figures Civica knows from its own data, by year, that an indicator may take its
values from (``Indicator.computed_from`` names one; ``services.refresh_computed`` stores them as the
indicator's whole-city values, origin "counted").

A registry (``counts``, state on an instance; ``counts.registered(...)`` for tests) of ``Count``s, each
``by_year(years)`` → ``{year: Decimal}`` in a fixed number of queries whatever the rows (one each; the
newsletter's one per year, since it reuses the newsletter's own function registered in
``accountability.registry``). Years are calendar years on the site's clock (Europe/Bucharest). With
``years`` None a count gives every year it has data for.

- ``participation.participants``: distinct people who, that year, proposed an idea, supported one,
  commented in a consultation (a comment whose scope is a process) or answered one of its polls.
- ``meetings.registrations``: registrations (not waiting, not cancelled) to meetings held that year,
  cancelled meetings left out; ``meetings.attendance``: of those, people checked in.
- ``calls.applications``: applications submitted that year (withdrawn ones left out).
- ``calls.funds_granted``: lei awarded to funded applications of calls whose results are published, by
  the year the call closed.
- ``network.bookings``: confirmed bookings of spaces, by the year of their start.
- ``newsletter.subscribers``: confirmed subscribers at the year's end (today for this year), from
  ``FIRST_NEWSLETTER_YEAR``."""

import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count as CountRows
from django.db.models import DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FIRST_NEWSLETTER_YEAR = 2021  # the 2021 plan's first year, when the subscriber base began to be counted


@dataclass(frozen=True)
class Count:
    key: str
    label: str
    # by_year(years: set[int] | None) -> {year: Decimal}
    by_year_function: Callable

    def by_year(self, years: Iterable[int] | None = None) -> dict[int, Decimal]:
        wanted = None if years is None else set(years)
        counted = self.by_year_function(wanted)
        return {year: Decimal(value) for year, value in counted.items() if wanted is None or year in wanted}


class Counts:
    def __init__(self):
        self._counts: dict[str, Count] = {}

    def register(self, count: Count) -> Count:
        if count.key in self._counts:
            raise ValueError(f"The count {count.key!r} is registered already")
        self._counts[count.key] = count
        return count

    @contextmanager
    def registered(self, count: Count):
        self.register(count)
        try:
            yield count
        finally:
            self._counts.pop(count.key, None)

    def __contains__(self, key) -> bool:
        return key in self._counts

    def __getitem__(self, key) -> Count:
        return self._counts[key]

    def __iter__(self):
        return iter(self._counts)

    def choices(self) -> list[tuple[str, str]]:
        return [(count.key, count.label) for count in self._counts.values()]


counts = Counts()


def _years_filter(field: str, years) -> Q:
    """Rows whose ``field`` (a moment) falls within the years asked (all: no condition)."""
    if years is None:
        return Q()
    if not years:
        return Q(pk__in=[])
    zone = timezone.get_current_timezone()
    start = datetime.datetime(min(years), 1, 1, tzinfo=zone)
    end = datetime.datetime(max(years) + 1, 1, 1, tzinfo=zone)
    return Q(**{f"{field}__gte": start, f"{field}__lt": end})


def _per_year(queryset, field: str, years, aggregate=None) -> dict[int, Decimal]:
    rows = (queryset.filter(_years_filter(field, years)).annotate(counted_year=ExtractYear(field))
            .values("counted_year").annotate(total=aggregate or CountRows("pk")).order_by())
    return {row["counted_year"]: row["total"] for row in rows}


def participants(years) -> dict[int, int]:
    from civica.comments.models import Comment
    from civica.participation.models import Idea, Process, Support
    from civica.participation.polls.models import PollResponse

    def pairs(queryset, person, moment):
        return (queryset.filter(_years_filter(moment, years), **{f"{person}__isnull": False})
                .annotate(counted_year=ExtractYear(moment)).values_list("counted_year", person).order_by())

    process_type = ContentType.objects.get_for_model(Process)
    union = pairs(Idea.objects.all(), "author_id", "created_at").union(
        pairs(Support.objects.all(), "user_id", "created_at"),
        pairs(Comment.objects.filter(scope_type=process_type), "author_id", "created_at"),
        pairs(PollResponse.objects.all(), "respondent_id", "created_at"))
    # UNION keeps each (year, person) once: one row per person and year, counted here.
    return Counter(year for year, _person in union)


def meeting_registrations(years) -> dict[int, int]:
    from civica.meetings.models import Registration, RegistrationStatus

    return _per_year(Registration.objects.filter(status=RegistrationStatus.REGISTERED,
                                                 meeting__cancelled_at__isnull=True), "meeting__starts_at", years)


def meeting_attendance(years) -> dict[int, int]:
    from civica.meetings.models import Registration

    return _per_year(Registration.objects.filter(checked_in_at__isnull=False, meeting__cancelled_at__isnull=True),
                     "meeting__starts_at", years)


def applications(years) -> dict[int, int]:
    from civica.calls.models import Application, ApplicationStatus

    return _per_year(Application.objects.filter(status=ApplicationStatus.SUBMITTED, submitted_at__isnull=False),
                     "submitted_at", years)


def funds_granted(years) -> dict[int, Decimal]:
    from civica.calls.models import Application, CallStatus, Decision

    money = DecimalField(max_digits=18, decimal_places=2)
    return _per_year(Application.objects.filter(decision=Decision.FUNDED, call__status=CallStatus.RESULTS_PUBLISHED),
                     "call__closes_at", years,
                     aggregate=Coalesce(Sum("amount_awarded"), Value(Decimal(0)), output_field=money))


def bookings(years) -> dict[int, int]:
    from civica.network.models import Booking, BookingStatus

    return _per_year(Booking.objects.filter(status=BookingStatus.CONFIRMED), "starts_at", years)


def newsletter_subscribers(years) -> dict[int, Decimal]:
    from civica.accountability.registry import live_sources

    source = live_sources.get("newsletter.confirmed_subscribers")
    if source is None:
        return {}
    today = timezone.localdate()
    wanted = sorted(years) if years is not None else range(FIRST_NEWSLETTER_YEAR, today.year + 1)
    return {year: source.value_at(min(datetime.date(year, 12, 31), today)) for year in wanted if year <= today.year}


for _count in (
    Count("participation.participants", _("People taking part in consultations"), participants),
    Count("meetings.registrations", _("Registrations to meetings"), meeting_registrations),
    Count("meetings.attendance", _("People checked in at meetings"), meeting_attendance),
    Count("calls.applications", _("Applications submitted to calls"), applications),
    Count("calls.funds_granted", _("Funds granted through calls (lei)"), funds_granted),
    Count("network.bookings", _("Confirmed bookings of spaces"), bookings),
    Count("newsletter.subscribers", _("Confirmed newsletter subscribers at the year's end"), newsletter_subscribers),
):
    counts.register(_count)
