"""Blueprints and the schedule arithmetic: plain data, no database."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import translation

from civica.participation.blueprints import BLUEPRINTS, Blueprint, choices, plan
from civica.participation.phases import phase_contents
from civica.participation.schedule import day_start, process_window, schedule_problems, spread

MARCH_1, MARCH_31 = datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def test_every_blueprint_uses_registered_kinds_and_is_offered():
    assert {key for key, _title in choices()} == {blueprint.value for blueprint in Blueprint}
    for spec in BLUEPRINTS.values():
        assert spec.steps and all(step.kind in phase_contents and step.weight > 0 for step in spec.steps)


def test_full_consultation_runs_in_order_over_the_whole_period():
    phases = plan(Blueprint.FULL_CONSULTATION, starts_on=MARCH_1, ends_on=MARCH_31)
    assert [phase.kind for phase in phases] == ["information", "ideas", "debate", "voting", "results"]
    assert [phase.position for phase in phases] == [0, 1, 2, 3, 4]
    opens, closes = process_window(MARCH_1, MARCH_31)
    assert phases[0].starts_at == opens and phases[-1].ends_at == closes
    for earlier, later in zip(phases, phases[1:], strict=False):
        assert earlier.ends_at == later.starts_at  # back to back
    # Weighted: ideas (3) lasts longer than information (1); boundaries on midnights.
    assert (phases[1].ends_at - phases[1].starts_at) > (phases[0].ends_at - phases[0].starts_at)
    assert all(phase.starts_at.hour == 0 for phase in phases)
    assert not schedule_problems(starts_on=MARCH_1, ends_on=MARCH_31, phases=phases)


@pytest.mark.parametrize("blueprint", list(Blueprint))
@pytest.mark.parametrize("days", [1, 2, 5, 400])
def test_every_blueprint_fits_any_period(blueprint, days):
    ends_on = MARCH_1 + datetime.timedelta(days=days - 1)
    phases = plan(blueprint, starts_on=MARCH_1, ends_on=ends_on)
    assert len(phases) == len(BLUEPRINTS[blueprint].steps)
    assert not schedule_problems(starts_on=MARCH_1, ends_on=ends_on, phases=phases)
    assert phases[-1].ends_at == process_window(MARCH_1, ends_on)[1]


def test_a_short_period_is_split_by_the_hour():
    phases = plan(Blueprint.FULL_CONSULTATION, starts_on=MARCH_1, ends_on=MARCH_1)
    assert all(phase.ends_at > phase.starts_at for phase in phases)
    assert any(phase.starts_at.hour for phase in phases)


def test_unknown_blueprints_and_backwards_dates_are_refused():
    with pytest.raises(ValueError):
        plan("lottery", starts_on=MARCH_1, ends_on=MARCH_31)
    with pytest.raises(ValueError):
        spread(MARCH_31, MARCH_1, [1])
    assert spread(MARCH_1, MARCH_31, []) == []


def row(starts_at, ends_at):
    return SimpleNamespace(starts_at=starts_at, ends_at=ends_at)


def at(day, hour=0):
    return day_start(MARCH_1 + datetime.timedelta(days=day - 1)).replace(hour=hour)


def test_schedule_problems_row_by_row():
    problems = schedule_problems(starts_on=MARCH_1, ends_on=MARCH_31, phases=[
        row(at(0), at(5)),        # starts the day before the process
        row(at(4), at(10)),       # overlaps the first
        row(at(12), at(11)),      # ends before it starts
        row(at(20), at(33)),      # ends after the process
        row(at(15), at(19)),      # placed after one that starts later
        row(None, at(25)),        # unreadable in the form: left to the form's own error
    ])
    found = [(problem.row, problem.field, problem.message.split(" (")[0].split(",")[0]) for problem in problems]
    assert found == [
        (0, "starts_at", "The phase starts before the consultation"),
        (1, "starts_at", "This phase overlaps the one before it"),
        (2, "ends_at", "A phase must end after it starts."),
        (3, "ends_at", "The phase ends after the consultation"),
        (4, "starts_at", "This phase is placed after one that starts later"),
    ]


def test_back_to_back_phases_are_fine():
    assert not schedule_problems(starts_on=MARCH_1, ends_on=MARCH_31,
                                 phases=[row(at(1), at(10)), row(at(10), at(32))])
