"""What a call leads to, when an app above calls gives it an outcome of its own (governance: a seat on a
body and a term). Calls never imports those apps: each registers a ``CallOutcome`` from its AppConfig.ready,
and calls asks the registry at three moments:

- ``describe(call)``: a sentence for the call's page ("Seats on the Youth Consultative Council, 2-year
  term"), or None when the call is not of that outcome;
- ``submission_problems(application)``: reasons the application cannot be submitted (an applicant
  outside the body's age range), checked with the call's own checks under the application's lock;
- ``decided(application, previous, by)``: run inside the decision's transaction, with the application's
  row locked, after the decision is recorded. Raising ``ValidationError`` refuses the decision (the
  transaction rolls back, nothing is recorded); any row it writes commits with the decision.

The registry's state lives on an instance; tests register temporarily with ``registered``."""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass


def _nothing(*args, **kwargs):
    return None


def _no_problems(application):
    return []


@dataclass(frozen=True)
class CallOutcome:
    key: str
    describe: Callable = _nothing
    submission_problems: Callable = _no_problems
    decided: Callable = _nothing


class CallOutcomeRegistry:
    def __init__(self):
        self._outcomes: dict[str, CallOutcome] = {}

    def register(self, outcome: CallOutcome) -> CallOutcome:
        if outcome.key in self._outcomes:
            raise ValueError(f"The call outcome {outcome.key!r} is registered already")
        self._outcomes[outcome.key] = outcome
        return outcome

    @contextmanager
    def registered(self, outcome: CallOutcome):
        self.register(outcome)
        try:
            yield outcome
        finally:
            self._outcomes.pop(outcome.key, None)

    def describe(self, call) -> list[str]:
        return [text for outcome in self._outcomes.values() if (text := outcome.describe(call))]

    def submission_problems(self, application) -> list[str]:
        return [problem for outcome in self._outcomes.values() for problem in outcome.submission_problems(application)]

    def decided(self, application, *, previous, by) -> None:
        for outcome in self._outcomes.values():
            outcome.decided(application, previous=previous, by=by)


call_outcomes = CallOutcomeRegistry()
