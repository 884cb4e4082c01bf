"""When a space is free: plain-data rules with no database, used by the services under the space's
row lock and by the pages that show a space's occupied times.

Times are half-open intervals [starts_at, ends_at) (``Slot``): one use may begin the minute another ends
(touching is fine), any shared minute is a clash (``overlaps``, ``clashes``). ``booking_problems`` checks
one booking against ``BookingLimits``: 30 minutes to 8 hours, at most 90 days ahead; at most 3 bookings
still to come per organisation, counted by the service."""

import datetime
import enum
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Slot:
    """A stretch of time a space is taken, and what takes it (a meeting, a booking; the rules never look)."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    holder: object = None

    def __post_init__(self):
        if self.ends_at <= self.starts_at:
            raise ValueError("a slot ends after it starts")


def overlaps(first: Slot, second: Slot) -> bool:
    return first.starts_at < second.ends_at and second.starts_at < first.ends_at


def clashes(wanted: Slot, taken: Iterable[Slot]) -> list[Slot]:
    """The slots of ``taken`` that share time with ``wanted``, earliest first."""
    return sorted((slot for slot in taken if overlaps(wanted, slot)), key=lambda slot: (slot.starts_at, slot.ends_at))


@dataclass(frozen=True)
class BookingLimits:
    """What one booking by a member organisation may be (the defaults are the centre's rules)."""

    shortest: datetime.timedelta = datetime.timedelta(minutes=30)
    longest: datetime.timedelta = datetime.timedelta(hours=8)
    # How far ahead a booking may start.
    horizon: datetime.timedelta = datetime.timedelta(days=90)
    # Bookings awaiting confirmation or confirmed, not yet ended, per organisation.
    open_per_organisation: int = 3


LIMITS = BookingLimits()


class Problem(enum.Enum):
    ENDS_BEFORE_START = "ends_before_start"
    IN_THE_PAST = "in_the_past"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    TOO_FAR_AHEAD = "too_far_ahead"


def booking_problems(starts_at, ends_at, *, now, limits: BookingLimits = LIMITS) -> list[Problem]:
    """What is wrong with booking [starts_at, ends_at) at ``now``; empty when nothing is."""
    if ends_at <= starts_at:
        return [Problem.ENDS_BEFORE_START]
    problems = []
    if starts_at <= now:
        problems.append(Problem.IN_THE_PAST)
    elif starts_at > now + limits.horizon:
        problems.append(Problem.TOO_FAR_AHEAD)
    length = ends_at - starts_at
    if length < limits.shortest:
        problems.append(Problem.TOO_SHORT)
    elif length > limits.longest:
        problems.append(Problem.TOO_LONG)
    return problems
