"""Reports, automatic hiding past a target's threshold, moderators' hide and restore, and the audit
log. What can be moderated, and who moderates it, comes from the registry (``registry.py``)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.notifications.services import notify

from .models import ModerationAction, Report
from .registry import moderatables


def _entry(target):
    entry = moderatables.for_object(target)
    if entry is None:
        raise ValueError(f"{type(target).__name__} cannot be moderated")
    return entry


def _scope_fields(scope) -> dict:
    if scope is None:
        return {"scope_type": None, "scope_id": None}
    return {"scope_type": ContentType.objects.get_for_model(scope), "scope_id": scope.pk}


def target_url(target) -> str:
    return _entry(target).url(target)


def _set_hidden(target, hidden, *, kind, moderator, reason):
    entry = _entry(target)
    type(target).objects.filter(pk=target.pk).update(is_hidden=hidden)
    target.is_hidden = hidden
    target_type = ContentType.objects.get_for_model(target)
    ModerationAction.objects.create(target_type=target_type, target_id=target.pk,
                                    **_scope_fields(entry.scope_of(target)), moderator=moderator, kind=kind,
                                    reason=reason)
    author = entry.author_of(target)
    if author is not None:
        if hidden:
            notify(recipients=[author], url=entry.url(target),
                   message=lambda: _("Moderators hid %(what)s: %(reason)s") % {"what": entry.describe(target),
                                                                               "reason": reason})
        else:
            notify(recipients=[author], url=entry.url(target),
                   message=lambda: _("Moderators restored %(what)s.") % {"what": entry.describe(target)})


def report_create(*, target, by, reason, note="") -> Report:
    if not by.has_perm("moderation.report", target):
        raise PermissionDenied(_("Log in to report content."))
    entry = _entry(target)
    report = Report(target_type=ContentType.objects.get_for_model(target), target_id=target.pk,
                    **_scope_fields(entry.scope_of(target)), reporter=by, reason=reason, note=(note or "").strip())
    threshold = entry.report_threshold(target)
    report.full_clean(exclude=["target_type", "scope_type"])
    try:
        with transaction.atomic():
            report.save()
            open_reports = Report.objects.filter(target_type=report.target_type, target_id=target.pk,
                                                 is_resolved=False).count()
            if open_reports >= threshold and not target.is_hidden:
                why = ngettext("Reported by %(count)s person; waiting for a moderator.",
                               "Reported by %(count)s people; waiting for a moderator.", open_reports) % {
                    "count": open_reports}
                _set_hidden(target, True, kind=ModerationAction.Kind.AUTO_HIDE, moderator=None, reason=why)
    except IntegrityError:
        raise ValidationError(_("You have already reported this.")) from None
    return report


def moderate(*, target, by, hide: bool, reason: str) -> ModerationAction:
    if not by.has_perm("moderation.moderate", target):
        raise PermissionDenied(_("Only the moderators of this consultation may do this."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why: the reason is recorded in the moderation log."))
    with transaction.atomic():
        _set_hidden(target, hide, kind=ModerationAction.Kind.HIDE if hide else ModerationAction.Kind.RESTORE,
                    moderator=by, reason=reason)
        Report.objects.filter(target_type=ContentType.objects.get_for_model(target), target_id=target.pk,
                              is_resolved=False).update(is_resolved=True)
    return ModerationAction.objects.filter(target_id=target.pk).order_by("-pk").first()
