"""Writes on plans: progress updates (the activity's progress and status follow its latest update);
revisions: any change to an approved plan, from the pages or the admin, is recorded as one
(``plan_touched``), and the public page says when it was revised; the editors' screens' writes: a part
of a plan (area, priority and its assessment, objective, activity, indicator and its values, budget
category and line) saved, deleted or moved up or down (``save_part``, ``delete_part``, ``move_part``),
and the plan's status (``move_plan``: draft → approved by the General Assembly on a date → published).
Every version of a plan's figures is kept by django-simple-history (who: ``by``); a change to a
published plan is also written in the audit log."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.audit import services as audit
from civica.core.transitions import move

from .models import (
    ADOPTED,
    Activity,
    ActivityStatus,
    Area,
    BudgetGroup,
    BudgetLine,
    Indicator,
    Objective,
    Plan,
    PlanStatus,
    Priority,
    ProgressUpdate,
)


def progress_post(*, activity, by, progress: int, note_ro="", note_en="", date=None,
                  attachment=None) -> ProgressUpdate:
    """Record how far an activity got; the activity's progress and status follow the latest update."""
    if not by.has_perm("accountability.manage_plan", activity.plan):
        raise PermissionDenied(_("Only the centre's editors post progress."))
    if not 0 <= int(progress) <= 100:
        raise ValidationError(_("Progress is a percentage from 0 to 100."))
    with transaction.atomic():
        update = ProgressUpdate(activity=activity, author=by, progress=int(progress), note_ro=note_ro.strip(),
                                note_en=note_en.strip(), date=date or timezone.localdate(),
                                attachment=attachment or "")
        update.full_clean()
        update.save()
        latest = activity.updates.order_by("-date", "-id").first()
        activity.progress = latest.progress
        activity.status = (ActivityStatus.DONE if latest.progress == 100
                           else ActivityStatus.ONGOING if latest.progress > 0 else activity.status)
        activity.save(update_fields=["progress", "status"])
        plan_touched(plan=activity.plan)
    return update


def plan_touched(*, plan: Plan) -> None:
    """Any change to an approved plan is a revision; the public page says when it was revised. Its pages'
    kept parts are rendered again in the background once the change is committed (``pages_changed``)."""
    if plan.status in ADOPTED:
        Plan.objects.filter(pk=plan.pk).update(revision=F("revision") + 1, revised_at=timezone.now())
        plan.refresh_from_db(fields=["revision", "revised_at"])
    pages_changed(plan=plan)


def pages_changed(*, plan: Plan) -> None:
    """What ``plan``'s pages show changed: a new version (versions.touch, for writes no receiver sees) whose
    parts a worker renders after the commit (tasks.render_plan_pages; at once without a broker), so the
    next reader finds them kept. The PDF is rendered when someone first asks for it."""
    from . import versions
    from .tasks import render_plan_pages

    versions.touch(pk=plan.pk)
    render_plan_pages.delay_on_commit(plan.pk)


def _check_editor(by, plan):
    if not by.has_perm("accountability.manage_plan", plan):
        raise PermissionDenied(_("Only the centre's editors change plans."))


def _snapshot(part) -> dict:
    found = {key: value for key, value in model_to_dict(part).items() if key not in {"id", "implements_ideas"}}
    if "goals" in found:  # an activity's goals, by code
        found["goals"] = ", ".join(sorted(goal.code for goal in found["goals"]))
    return found


def _record(*, plan, by, part, verb, before, after):
    """A change to a published plan's figures goes into the audit log (their versions are kept by the
    history either way)."""
    if plan.status == PlanStatus.PUBLISHED:
        changes = audit.changed_fields(before, after)
        if changes or verb != "change":
            audit.record(by=by, action=f"accountability.{type(part)._meta.model_name}.{verb}", target=part,
                         summary=str(plan), changes=changes)


def save_part(*, plan, part, by, verb="change", goals=None):
    """Save a new or edited part of ``plan`` (its fields already set and validated by a form); an
    activity's ``goals`` (the SDGs and missions it serves) are set too when given."""
    _check_editor(by, plan)
    with transaction.atomic():
        locked = Plan.objects.select_for_update().get(pk=plan.pk)
        created = part.pk is None
        before = {} if created else _snapshot(type(part).objects.get(pk=part.pk))
        part._history_user = by
        part.save()
        if goals is not None:
            part.goals.set(goals)
        _record(plan=locked, by=by, part=part, verb="create" if created else verb, before=before,
                after=_snapshot(part))
        plan_touched(plan=locked)
    return part


def delete_part(*, plan, part, by):
    _check_editor(by, plan)
    with transaction.atomic():
        locked = Plan.objects.select_for_update().get(pk=plan.pk)
        _record(plan=locked, by=by, part=part, verb="delete", before=_snapshot(part), after={})
        part._history_user = by
        part.delete()
        plan_touched(plan=locked)


def siblings(part):
    """The parts ``part`` is ordered among (by ``position``)."""
    model = type(part)
    scope = {Area: ["plan_id"], Priority: ["area_id"], Objective: ["plan_id", "programme_id"],
             Activity: ["plan_id", "programme_id"], Indicator: ["plan_id"], BudgetGroup: ["plan_id", "kind"],
             BudgetLine: ["group_id"]}[model]
    return model.objects.filter(**{name: getattr(part, name) for name in scope}).order_by("position", "id")


def move_part(*, plan, part, by, up: bool):
    """Swap ``part`` with the one before (``up``) or after it; positions become 0, 1, 2… Reordering is no
    change of figures: neither a version in the history nor an audit entry."""
    _check_editor(by, plan)
    with transaction.atomic():
        Plan.objects.select_for_update().get(pk=plan.pk)
        order = [item.pk for item in siblings(part)]
        index = order.index(part.pk)
        other = index - 1 if up else index + 1
        if 0 <= other < len(order):
            order[index], order[other] = order[other], order[index]
        for position, pk in enumerate(order):
            type(part).objects.filter(pk=pk).update(position=position)
        pages_changed(plan=plan)


def move_plan(*, plan, by, to, approved_on=None, approved_by=""):
    """Draft → approved (by a body, on a date) → published; an approval recorded by mistake goes back to
    a draft. Written in the audit log."""
    _check_editor(by, plan)
    if to == PlanStatus.APPROVED and approved_on is None:
        raise ValidationError({"approved_on": _("Give the date the General Assembly approved the plan.")})
    before = {"status": plan.status, "approved_on": plan.approved_on, "approved_by": plan.approved_by}

    def record(locked):
        locked._history_user = by
        locked.status = to
        if to == PlanStatus.APPROVED:
            locked.approved_on = approved_on
            locked.approved_by = approved_by.strip() or _("the General Assembly of Members")
        elif to == PlanStatus.PUBLISHED:
            locked.published_at = timezone.now()
        else:
            locked.approved_on, locked.approved_by = None, ""

    with transaction.atomic():
        locked = move(plan, to=to, by=by, record=record,
                      fields=["status", "approved_on", "approved_by", "published_at"])
        after = {"status": locked.status, "approved_on": locked.approved_on, "approved_by": locked.approved_by}
        audit.record(by=by, action=f"accountability.plan.{to}", target=locked,
                     summary=locked.status_label(), changes=audit.changed_fields(before, after))
        pages_changed(plan=locked)
    return locked


def import_plan(*, plan, typed, by):
    """Save a checked spreadsheet (spreadsheets.check) over the plan; on a published plan the import is
    written in the audit log (each row's versions are kept by the history)."""
    from . import spreadsheets

    _check_editor(by, plan)
    with transaction.atomic():
        locked = Plan.objects.select_for_update().get(pk=plan.pk)
        spreadsheets.apply(locked, typed)
        plan_touched(plan=locked)
        if locked.status == PlanStatus.PUBLISHED:
            audit.record(by=by, action="accountability.plan.import", target=locked,
                         summary=_("The plan's figures were imported from a spreadsheet."))


def create_plan(*, by, plan):
    """A new plan (its fields set and checked by a form), as a draft."""
    if not by.has_perm("accountability.manage_plan"):
        raise PermissionDenied(_("Only the centre's editors change plans."))
    with transaction.atomic():
        plan.status = PlanStatus.DRAFT
        plan._history_user = by
        plan.save()
        audit.record(by=by, action="accountability.plan.create", target=plan, summary=str(plan))
    return plan
