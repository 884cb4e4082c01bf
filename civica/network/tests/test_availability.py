"""The plain-data rules of when a space is free and what one booking may be."""

import datetime

import pytest

from civica.network.availability import LIMITS, BookingLimits, Problem, Slot, booking_problems, clashes, overlaps

NOW = datetime.datetime(2026, 5, 4, 9, 0, tzinfo=datetime.UTC)
H = datetime.timedelta(hours=1)


def slot(start_hour, end_hour, holder=None):
    return Slot(NOW + start_hour * H, NOW + end_hour * H, holder)


@pytest.mark.parametrize(("first", "second", "expected"), [
    ((10, 12), (12, 14), False),  # touching: one ends as the other begins
    ((12, 14), (10, 12), False),
    ((10, 12), (11, 13), True),
    ((10, 12), (9, 11), True),
    ((10, 12), (10, 12), True),   # the same time
    ((10, 14), (11, 12), True),   # one inside the other
    ((11, 12), (10, 14), True),
    ((10, 11), (13, 14), False),
])
def test_overlaps(first, second, expected):
    assert overlaps(slot(*first), slot(*second)) is expected
    assert overlaps(slot(*second), slot(*first)) is expected


def test_clashes_are_the_overlapping_slots_earliest_first():
    taken = [slot(15, 16, "late"), slot(8, 10, "touching"), slot(11, 13, "middle"), slot(9, 11, "early")]
    assert [s.holder for s in clashes(slot(10, 15), taken)] == ["early", "middle"]
    assert clashes(slot(16, 18), taken) == []
    assert clashes(slot(10, 11), []) == []


def test_a_slot_ends_after_it_starts():
    with pytest.raises(ValueError):
        slot(12, 12)
    with pytest.raises(ValueError):
        slot(12, 11)


def test_a_good_booking_has_no_problem():
    assert booking_problems(NOW + 24 * H, NOW + 26 * H, now=NOW) == []
    # The limits themselves are allowed: shortest, longest, furthest ahead.
    assert booking_problems(NOW + H, NOW + H + LIMITS.shortest, now=NOW) == []
    assert booking_problems(NOW + H, NOW + H + LIMITS.longest, now=NOW) == []
    assert booking_problems(NOW + LIMITS.horizon, NOW + LIMITS.horizon + H, now=NOW) == []


@pytest.mark.parametrize(("start", "end", "problems"), [
    (NOW + 2 * H, NOW + H, [Problem.ENDS_BEFORE_START]),
    (NOW + 2 * H, NOW + 2 * H, [Problem.ENDS_BEFORE_START]),
    (NOW - H, NOW + H, [Problem.IN_THE_PAST]),
    (NOW, NOW + H, [Problem.IN_THE_PAST]),
    (NOW + H, NOW + H + datetime.timedelta(minutes=29), [Problem.TOO_SHORT]),
    (NOW + H, NOW + 10 * H, [Problem.TOO_LONG]),
    (NOW + LIMITS.horizon + H, NOW + LIMITS.horizon + 2 * H, [Problem.TOO_FAR_AHEAD]),
    (NOW - 48 * H, NOW, [Problem.IN_THE_PAST, Problem.TOO_LONG]),
])
def test_booking_problems(start, end, problems):
    assert booking_problems(start, end, now=NOW) == problems


def test_limits_can_be_set():
    strict = BookingLimits(longest=datetime.timedelta(hours=2), horizon=datetime.timedelta(days=7))
    assert booking_problems(NOW + H, NOW + 4 * H, now=NOW, limits=strict) == [Problem.TOO_LONG]
    assert booking_problems(NOW + 8 * 24 * H, NOW + 8 * 24 * H + H, now=NOW, limits=strict) == [
        Problem.TOO_FAR_AHEAD]
