"""When a process's phases run: plain arithmetic on dates, no database.

A process runs from the start of its first day to the end of its last day (Europe/Bucharest);
its phases lie inside that window, one after another, never overlapping. ``spread`` lays phases
over the window by weight; ``schedule_problems`` says what is wrong with a set of phases, row by
row, so forms can put each message beside its field and services can refuse the same things.
"""

import datetime
import itertools
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Problem:
    row: int | None  # index in the list given; None for the whole schedule
    field: str | None  # "starts_at", "ends_at" or None
    message: str


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of ``day`` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def process_window(starts_on: datetime.date, ends_on: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The instants a process opens and closes: its last day is included."""
    return day_start(starts_on), day_start(ends_on + datetime.timedelta(days=1))


def spread(starts_on: datetime.date, ends_on: datetime.date, weights: list[int]) -> list[tuple]:
    """Consecutive (starts_at, ends_at) windows filling the process, sized by ``weights``.

    Boundaries fall on midnights when there are at least as many days as phases, otherwise on
    the hour; every phase gets at least one unit and the last ends when the process does."""
    if not weights:
        return []
    if ends_on < starts_on:
        raise ValueError("a process cannot end before it starts")
    days = (ends_on - starts_on).days + 1
    by_day = days >= len(weights)
    units = days if by_day else days * 24
    total = sum(weights)
    boundaries, running = [0], 0
    for position, weight in enumerate(weights, start=1):
        running += weight
        room_left = len(weights) - position  # units the phases after this one need
        boundary = round(units * running / total)
        boundaries.append(min(max(boundary, boundaries[-1] + 1), units - room_left))
    boundaries[-1] = units

    def instant(unit):
        if by_day:
            return day_start(starts_on + datetime.timedelta(days=unit))
        start = day_start(starts_on + datetime.timedelta(days=unit // 24))
        return start + datetime.timedelta(hours=unit % 24)

    return [(instant(first), instant(last)) for first, last in itertools.pairwise(boundaries)]


def _when(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def schedule_problems(*, starts_on, ends_on, phases) -> list[Problem]:
    """What is wrong with ``phases``, given in the order they are to run (objects with
    ``starts_at`` and ``ends_at``; either may be None when a form could not read it), inside a
    process from ``starts_on`` to ``ends_on``. Each phase must start once the one before it has
    ended, so phases in order never overlap."""
    problems = []
    opens, closes = process_window(starts_on, ends_on) if starts_on and ends_on else (None, None)
    previous = None
    for row, phase in enumerate(phases):
        starts_at, ends_at = phase.starts_at, phase.ends_at
        if starts_at is None or ends_at is None:
            continue
        if ends_at <= starts_at:
            problems.append(Problem(row, "ends_at", _("A phase must end after it starts.")))
            continue
        if opens is not None and starts_at < opens:
            problems.append(Problem(row, "starts_at", _("The phase starts before the consultation (%(start)s).")
                                    % {"start": _when(opens)}))
        if closes is not None and ends_at > closes:
            problems.append(Problem(row, "ends_at", _("The phase ends after the consultation (%(end)s).")
                                    % {"end": _when(closes)}))
        if previous is not None and starts_at < previous.ends_at:
            if starts_at < previous.starts_at:
                message = _("This phase is placed after one that starts later (%(start)s): change its position "
                            "or its dates.") % {"start": _when(previous.starts_at)}
            else:
                message = _("This phase overlaps the one before it, which ends %(end)s.") % {
                    "end": _when(previous.ends_at)}
            problems.append(Problem(row, "starts_at", message))
        previous = phase
    return problems


def publish_problems(process, phases=None) -> list[str]:
    """Why ``process`` cannot be public as it is (empty when it can)."""
    phases = list(process.phases.order_by("position", "starts_at")) if phases is None else phases
    if not phases:
        return [_("Add at least one phase before publishing.")]
    messages = []
    for problem in schedule_problems(starts_on=process.starts_on, ends_on=process.ends_on, phases=phases):
        name = phase_label(phases[problem.row]) if problem.row is not None else ""
        messages.append(_("Phase %(number)s (%(name)s): %(problem)s") % {
            "number": problem.row + 1, "name": name, "problem": problem.message})
    return messages


def phase_label(phase) -> str:
    from .phases import phase_contents

    return str(phase.translated("name") or (phase_contents[phase.kind].name if phase.kind in phase_contents
                                            else phase.kind))
