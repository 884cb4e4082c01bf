"""What is true of a call, an application or a review, as `rules` predicates (who a user is:
accounts.predicates; member representatives: network.predicates)."""

import rules

from civica.accounts.predicates import is_evaluator_of

from .eligibility import is_eligible
from .models import ApplicationStatus, CallStatus


@rules.predicate
def call_is_public(user, call):
    return call is not None and call.status != CallStatus.DRAFT


@rules.predicate
def call_is_open(user, obj):
    call = getattr(obj, "call", obj)
    return call is not None and call.is_open()


@rules.predicate
def call_accepts_questions(user, call):
    return call is not None and call.accepts_questions()


@rules.predicate
def eligible(user, call):
    return call is not None and is_eligible(user, call)


@rules.predicate
def is_applicant(user, application):
    return application is not None and user.is_authenticated and application.applicant_id == user.pk


@rules.predicate
def application_is_draft(user, application):
    return application is not None and application.status == ApplicationStatus.DRAFT


@rules.predicate
def application_is_submitted(user, application):
    return application is not None and application.status == ApplicationStatus.SUBMITTED


@rules.predicate
def application_is_withdrawn(user, application):
    return application is not None and application.status == ApplicationStatus.WITHDRAWN


@rules.predicate
def evaluates_call(user, obj):
    call = getattr(obj, "call", obj)
    return call is not None and is_evaluator_of(user, call)


@rules.predicate
def assigned_without_conflict(user, application):
    """The evaluator was given this application and has not declared a conflict on it."""
    if application is None or not user.is_authenticated:
        return False
    return (application.assignments.filter(evaluator=user).exists()
            and not application.conflicts.filter(evaluator=user).exists())


@rules.predicate
def results_published(user, call):
    return call is not None and call.status == CallStatus.RESULTS_PUBLISHED
