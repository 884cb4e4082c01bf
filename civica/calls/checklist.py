"""What a call still lacks before a step: ``publish_problems`` (the checklist shown beside the publish
button, and checked again by ``evaluation.call_move`` under the call's lock) and ``results_problems``
(results go out only once every submitted application has a decision). Plain sentences, empty when
nothing is missing; the screen and the service read the same list."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import ApplicationStatus, Decision, Eligibility, FieldKind


def publish_problems(call, *, fields=None, criteria=None, now=None) -> list[str]:
    """Everything missing before ``call`` can be published (``fields``/``criteria`` when already loaded)."""
    now = now or timezone.now()
    fields = list(call.form_fields.all()) if fields is None else fields
    criteria = list(call.criteria.all()) if criteria is None else criteria
    problems = []
    if not call.title_ro.strip():
        problems.append(_("Give the call a title in Romanian."))
    if not call.summary_ro.strip():
        problems.append(_("Write the call's summary in Romanian."))
    if call.closes_at <= now:
        problems.append(_("The deadline has passed: set a deadline in the future."))
    if call.closes_at <= call.opens_at:
        problems.append(_("The deadline must come after the opening."))
    if call.amount_max > call.budget_total:
        problems.append(_("The maximum per application is above the total budget."))
    if call.eligibility == Eligibility.ORGANISATION_CATEGORIES and not call.eligible_categories:
        problems.append(_("Choose the categories of organisations that may apply."))
    if not fields:
        problems.append(_("Add at least one question to the application form."))
    for field in fields:
        if field.kind in (FieldKind.SINGLE_CHOICE, FieldKind.MULTIPLE_CHOICE) and len(field.choices) < 2:
            problems.append(_("The question “%(label)s” needs at least two choices.") % {"label": field.label_ro})
    if not criteria:
        problems.append(_("Add the evaluation criteria."))
    elif sum(criterion.weight for criterion in criteria) <= 0:
        problems.append(_("The criteria's weights add up to zero: give at least one criterion a weight."))
    return problems


def results_problems(call) -> list[str]:
    """Why the results cannot be published yet: submitted applications without a decision."""
    undecided = call.applications.filter(status=ApplicationStatus.SUBMITTED, decision=Decision.PENDING).count()
    if not undecided:
        return []
    return [ngettext(
        "Record a decision for every submitted application before publishing the results: "
        "%(count)d application has no decision yet.",
        "Record a decision for every submitted application before publishing the results: "
        "%(count)d applications have no decision yet.", undecided) % {"count": undecided}]
