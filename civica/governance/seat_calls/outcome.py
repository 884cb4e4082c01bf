"""The calls app's outcome of a call for seats (calls/outcomes.py), registered by the app's ready()."""

from civica.calls.outcomes import CallOutcome, call_outcomes

from . import services
from .selectors import seat_call_of


def _describe(call):
    seat_call = seat_call_of(call)
    return services.describe(seat_call) if seat_call is not None else None


def _submission_problems(application):
    seat_call = seat_call_of(application.call)
    return services.age_problems(seat_call.body, application) if seat_call is not None else []


SEAT_OUTCOME = call_outcomes.register(CallOutcome(
    key="governance.seats", describe=_describe, submission_problems=_submission_problems,
    decided=services.seat_after_decision))
