"""Live sources of KPI values (issue 15, point 5): an app above accountability registers a function
that counts something at a date (the newsletter: its confirmed subscribers), and an ``Indicator`` whose
``live_source`` names it shows, as its latest value, that count at the end of the plan's period (or
today, while the period runs) instead of a value typed in. Registered in the app's ``ready``; an
unknown name is ignored (the typed values are shown)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class LiveSource:
    label: str
    value_at: Callable[[datetime.date], Decimal]


live_sources: dict[str, LiveSource] = {}


def register_live_source(key: str, *, label: str, value_at) -> None:
    live_sources[key] = LiveSource(label, value_at)


# What approved a plan (issue 18, point 5): an app above (governance) registers a function that answers,
# for a plan, the link to the decision that approved it (the General Assembly's motion), or None. The
# plan's page shows it beside "approved by … on …"; the registering app calls
# ``services.pages_changed`` when that answer changes (a motion closes), so the kept page follows.
@dataclass(frozen=True)
class Approval:
    text: str
    url: str


plan_approvals: list[Callable] = []


def register_plan_approval(function) -> None:
    if function not in plan_approvals:
        plan_approvals.append(function)


def approval_of(plan) -> Approval | None:
    """The first registered answer for ``plan``."""
    return next((found for found in (function(plan) for function in plan_approvals) if found), None)
