"""Reports, automatic hiding past a process's threshold, moderators' hide and restore, and the
audit log. Ideas, debates and comments can be moderated; each has ``is_hidden`` and a process —
except comments on what belongs to no consultation (meetings, plans), which the site's moderators
moderate, hidden past ``REPORT_THRESHOLD_OUTSIDE_PROCESSES`` open reports."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.notifications.services import notify

from .models import Comment, Debate, Idea, ModerationAction, Report

MODERATED_MODELS = (Idea, Debate, Comment)
REPORT_THRESHOLD_OUTSIDE_PROCESSES = 3
# How each kind is named in addresses: /processes/<slug>/<kind>/<id>/report/ for ideas and debates,
# /comments/<id>/report/ for comments, whatever they are on.
MODEL_BY_KIND = {"ideas": Idea, "debates": Debate, "comments": Comment}
KIND_BY_MODEL = {model: kind for kind, model in MODEL_BY_KIND.items()}


def author_of(target):
    return getattr(target, "author", None) or getattr(target, "created_by", None)


def describe(target) -> str:
    if isinstance(target, Idea):
        return _('your idea "%(title)s"') % {"title": target.title}
    if isinstance(target, Debate):
        return _('the debate "%(title)s"') % {"title": target.translated("question")}
    return _("your comment")


def target_url(target) -> str:
    if isinstance(target, Comment):
        return f"{target.target.get_absolute_url()}#comment-{target.pk}"
    return target.get_absolute_url()


def _set_hidden(target, hidden, *, kind, moderator, reason):
    type(target).objects.filter(pk=target.pk).update(is_hidden=hidden)
    target.is_hidden = hidden
    target_type = ContentType.objects.get_for_model(target)
    ModerationAction.objects.create(target_type=target_type, target_id=target.pk, process=target.process,
                                    moderator=moderator, kind=kind, reason=reason)
    author = author_of(target)
    if author is not None:
        if hidden:
            notify(recipients=[author], url=target_url(target),
                   message=lambda: _("Moderators hid %(what)s: %(reason)s") % {"what": describe(target),
                                                                               "reason": reason})
        else:
            notify(recipients=[author], url=target_url(target),
                   message=lambda: _("Moderators restored %(what)s.") % {"what": describe(target)})


def report_create(*, target, by, reason, note="") -> Report:
    if not by.has_perm("participation.report", target):
        raise PermissionDenied(_("Log in to report content."))
    report = Report(target_type=ContentType.objects.get_for_model(target), target_id=target.pk,
                    process=target.process, reporter=by, reason=reason, note=(note or "").strip())
    threshold = target.process.report_threshold if target.process else REPORT_THRESHOLD_OUTSIDE_PROCESSES
    report.full_clean(exclude=["target_type"])
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
    if not by.has_perm("participation.moderate", target):
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
