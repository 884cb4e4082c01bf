"""Writes for the jury's work and the decisions: the call's status, evaluators and assignments,
conflicts of interest, reviews, the locked ranking (identities revealed) and the decisions.

Evaluators are appointed as a ``RoleAssignment`` scoped to the call; ``assign_automatically`` follows the
plan of assignment.py (balanced, never across a declared conflict); a review is a draft, then submitted
and frozen; ``decide`` (funded, reserve, not funded) once the ranking is locked, the funded total never
above the budget. Results are published only once every submitted application has a decision, and then
e-mailed to the applicants."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.accounts.models import RoleAssignment
from civica.accounts.roles import Role
from civica.accounts.services import role_grant, role_revoke
from civica.audit import services as audit_log
from civica.core import transitions
from civica.core.formatting import format_money

from . import checklist, tasks
from .assignment import plan_assignments
from .models import (
    Application,
    ApplicationStatus,
    Assignment,
    AuditEntry,
    CallStatus,
    Conflict,
    Decision,
    Review,
    Score,
)
from .outcomes import call_outcomes

# The audit log's verb for each step of a call (civica.audit: "calls.call.<verb>").
MOVE_VERBS = {CallStatus.PUBLISHED: "publish", CallStatus.EVALUATION: "close",
              CallStatus.RANKING_LOCKED: "lock_ranking", CallStatus.RESULTS_PUBLISHED: "publish_results"}


def _require_editor(by, call):
    if not by.has_perm("calls.manage_call", call):
        raise PermissionDenied(_("Only the centre's editors run calls."))


def audit(call, actor, action, **details):
    return AuditEntry.objects.create(call=call, actor=actor, action=action, details=details)


def call_move(*, call, to, by):
    """Move the call one step along CALL_TRANSITIONS, with the checks each step needs."""
    _require_editor(by, call)
    to = CallStatus(to)
    if call.permission_to(to) is None:
        raise ValidationError(_("A call that is %(current)s cannot become %(new)s.") % {
            "current": CallStatus(call.status).label.lower(), "new": to.label.lower()})
    if to == CallStatus.EVALUATION and timezone.now() < call.closes_at:
        raise ValidationError(_("The evaluation starts after the deadline."))
    if to == CallStatus.EVALUATION and not call.criteria.exists():
        raise ValidationError(_("Define the evaluation criteria first."))

    def check(locked):
        # The same lists the editors' screen shows beside the button (checklist.py), read under the lock.
        problems = (checklist.publish_problems(locked) if to == CallStatus.PUBLISHED
                    else checklist.results_problems(locked) if to == CallStatus.RESULTS_PUBLISHED else [])
        if problems:
            raise ValidationError(problems)

    previous = call.status
    with transaction.atomic():
        # The call's row is held while the step is checked again and taken (core's move): two editors
        # clicking at once move it one step, and no decision can be pending when the results go out.
        locked = transitions.move(call, to=to, by=by, check=check, refusal=_("Only the centre's editors run calls."))
        call.status = locked.status
        audit(call, by, f"status:{to.value}")
        audit_log.record(by=by, action=f"calls.call.{MOVE_VERBS[to]}", target=call,
                         summary=_("The call is now: %(status)s.") % {"status": to.label},
                         changes={"status": [CallStatus(previous).value, to.value]})
        if to == CallStatus.RANKING_LOCKED:
            audit(call, by, "identities_revealed")
    if to == CallStatus.RESULTS_PUBLISHED:
        # The request only enqueues: one task fans out a task per applicant (calls.tasks).
        tasks.notify_decisions.delay_on_commit(call.pk)
    return call


def evaluator_appoint(*, call, user, by):
    _require_editor(by, call)
    with transaction.atomic():
        # Granted by the call's editor (not an administrator's grant): only on this call.
        assignment = role_grant(user=user, role=Role.EVALUATOR, scope=call, by=None)
        audit(call, by, "evaluator_appointed", evaluator=user.pk)
        audit_log.record(by=by, action="calls.jury.appoint", target=call,
                         summary=_("%(name)s appointed as an evaluator.") % {"name": user.public_name})
    return assignment


def evaluator_remove(*, call, user, by) -> int:
    """Take the call's evaluator role away; their assignments without a submitted review go too (a
    submitted review stays: it was part of the evaluation). Returns how many assignments were removed."""
    _require_editor(by, call)
    with transaction.atomic():
        roles = RoleAssignment.objects.for_object(call).filter(user=user, role=Role.EVALUATOR)
        if not roles.exists():
            raise ValidationError(_("This person is not an evaluator of this call."))
        for role in roles:
            role_revoke(assignment=role, by=None)
        _total, removed = (Assignment.objects.filter(application__call=call, evaluator=user)
                             .exclude(review__status=Review.Status.SUBMITTED).delete())
        audit(call, by, "evaluator_removed", evaluator=user.pk)
        audit_log.record(by=by, action="calls.jury.remove", target=call,
                         summary=_("%(name)s is no longer an evaluator.") % {"name": user.public_name})
    return removed.get("calls.Assignment", 0)


def evaluators_of(call):
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType

    ids = RoleAssignment.objects.filter(role=Role.EVALUATOR, scope_type=ContentType.objects.get_for_model(call),
                                        scope_id=call.pk).values_list("user_id", flat=True)
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("display_name", "email")


def assignment_add(*, application, evaluator, by) -> Assignment:
    call = application.call
    _require_editor(by, call)
    if not evaluators_of(call).filter(pk=evaluator.pk).exists():
        raise ValidationError(_("Appoint this person as an evaluator of the call first."))
    if Conflict.objects.filter(application=application, evaluator=evaluator).exists():
        raise ValidationError(_("This evaluator declared a conflict of interest with this application."))
    assignment, _created = Assignment.objects.get_or_create(application=application, evaluator=evaluator)
    return assignment


def assign_automatically(*, call, per_application, by) -> int:
    _require_editor(by, call)
    if not 1 <= per_application <= 20:
        raise ValidationError(_("Choose between 1 and 20 evaluators per application."))
    applications = list(call.applications.filter(status=ApplicationStatus.SUBMITTED).values_list("pk", flat=True))
    evaluators = list(evaluators_of(call).values_list("pk", flat=True))
    existing = Assignment.objects.filter(application__call=call).values_list("application_id", "evaluator_id")
    conflicts = Conflict.objects.filter(application__call=call).values_list("application_id", "evaluator_id")
    plan = plan_assignments(applications, evaluators, existing=list(existing), conflicts=list(conflicts),
                            per_application=per_application)
    Assignment.objects.bulk_create([Assignment(application_id=a, evaluator_id=e) for a, e in plan])
    audit(call, by, "assigned_automatically", per_application=per_application, created=len(plan))
    return len(plan)


def conflict_declare(*, application, by, reason) -> Conflict:
    """The evaluator steps aside: the conflict is recorded and the assignment (and draft) removed."""
    if not by.has_perm("calls.evaluate", application.call):
        raise PermissionDenied(_("Only evaluators of this call declare conflicts."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say briefly what the conflict of interest is."))
    with transaction.atomic():
        conflict, _created = Conflict.objects.get_or_create(application=application, evaluator=by,
                                                            defaults={"reason": reason[:500]})
        Assignment.objects.filter(application=application, evaluator=by).delete()
        audit(application.call, by, "conflict_declared", application=application.pk)
    return conflict


def review_save(*, assignment, by, scores: dict, comment: str, submit: bool) -> Review:
    """``scores``: {criterion id: (value or None, comment)}. Drafts may be partial; a submitted
    review has every criterion scored within its scale and can no longer change."""
    application = assignment.application
    if assignment.evaluator_id != by.pk or not by.has_perm("calls.review_application", application):
        raise PermissionDenied(_("This review is not yours."))
    if application.call.status != CallStatus.EVALUATION:
        raise PermissionDenied(_("Reviews can be written only while the call is in evaluation."))
    review, _created = Review.objects.get_or_create(assignment=assignment)
    if review.status == Review.Status.SUBMITTED:
        raise PermissionDenied(_("This review was submitted and can no longer change."))
    criteria = list(application.call.criteria.all())
    errors = []
    for criterion in criteria:
        value, _note = scores.get(criterion.pk, (None, ""))
        if value is not None and not criterion.scale_min <= value <= criterion.scale_max:
            errors.append(_("%(criterion)s: give a score from %(min)s to %(max)s.") % {
                "criterion": criterion.translated("name"), "min": criterion.scale_min, "max": criterion.scale_max})
        elif value is None and submit:
            name = criterion.translated("name")
            errors.append(_("%(criterion)s: a score is needed to submit.") % {"criterion": name})
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for criterion in criteria:
            value, note = scores.get(criterion.pk, (None, ""))
            if value is None:
                Score.objects.filter(review=review, criterion=criterion).delete()
            else:
                Score.objects.update_or_create(review=review, criterion=criterion,
                                               defaults={"value": value, "comment": (note or "")[:2000]})
        review.comment = (comment or "")[:5000]
        if submit:
            review.status, review.submitted_at = Review.Status.SUBMITTED, timezone.now()
        review.save()
    return review


def decide(*, application, by, decision, amount=None, feedback="") -> Application:
    """Funded / reserve / not funded, once the ranking is locked; the funded total stays within budget.

    The application's row is locked while the decision is taken, and the outcomes registered by the apps
    above (outcomes.py: a seat and a term for a call for seats) run in the same transaction: one of them
    refusing refuses the decision. A call without money (its maximum per application is 0: a call for
    seats) funds, that is accepts, with an amount of 0."""
    call = application.call
    _require_editor(by, call)
    if call.status != CallStatus.RANKING_LOCKED:
        raise ValidationError(_("Decisions are taken once the ranking is locked, before results are published."))
    decision = Decision(decision)
    amount = Decimal(amount) if amount not in (None, "") else None
    if decision == Decision.FUNDED and amount is None and call.amount_max == 0:
        amount = Decimal(0)
    if decision == Decision.FUNDED:
        if amount is None or not call.amount_min <= amount <= call.amount_max:
            raise ValidationError(_("A funded application needs an amount between %(min)s and %(max)s.") % {
                "min": format_money(call.amount_min), "max": format_money(call.amount_max)})
    with transaction.atomic():
        # The application and, to fund it, every funded one of the call, locked in one order (by id):
        # two editors deciding two applications at once wait for each other, never in a circle.
        wanted = Q(pk=application.pk)
        if decision == Decision.FUNDED:
            wanted |= Q(call=call, decision=Decision.FUNDED)
        rows = list(Application.objects.select_for_update(of=("self",)).filter(wanted).order_by("pk"))
        locked = next(row for row in rows if row.pk == application.pk)
        locked.call = call
        if decision == Decision.FUNDED:
            others = sum((row.amount_awarded or Decimal(0) for row in rows
                          if row.pk != application.pk and row.decision == Decision.FUNDED), Decimal(0))
            if others + amount > call.budget_total:
                raise ValidationError(_(
                    "Funding this would bring the total to %(total)s, over the call's budget of %(budget)s "
                    "(already funded: %(funded)s).") % {"total": format_money(others + amount),
                                                       "budget": format_money(call.budget_total),
                                                       "funded": format_money(others)})
        previous = Decision(locked.decision)
        _record_decision(locked, by, decision, amount if decision == Decision.FUNDED else None, feedback)
        call_outcomes.decided(locked, previous=previous, by=by)
    for name in ("decision", "amount_awarded", "feedback", "updated_at"):
        setattr(application, name, getattr(locked, name))
    return application


def _record_decision(application, by, decision, amount, feedback):
    application.decision, application.amount_awarded = decision, amount
    application.feedback = (feedback or "").strip()
    application.save(update_fields=["decision", "amount_awarded", "feedback", "updated_at"])
    audit(application.call, by, "decision", application=application.pk, decision=decision.value,
          amount=str(amount) if amount is not None else None)
    return application
