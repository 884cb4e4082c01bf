"""Writes on plans: progress updates (the activity's progress and status follow its latest update), and
revisions: any change to an approved plan, from the pages or the admin, is recorded as one
(``plan_touched``), and the public page says when it was revised."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ActivityStatus, Plan, PlanStatus, ProgressUpdate


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
    """Any change to an approved plan is a revision; the public page says when it was revised."""
    if plan.status == PlanStatus.APPROVED:
        Plan.objects.filter(pk=plan.pk).update(revision=F("revision") + 1, revised_at=timezone.now())
        plan.refresh_from_db(fields=["revision", "revised_at"])
