"""Reports, automatic hiding past a process's threshold, moderators' hide and restore, and the
audit log. Ideas, debates and comments can be moderated; each has ``is_hidden`` and a process —
except comments on what belongs to no consultation (meetings, plans), which the site's moderators
moderate, hidden past ``REPORT_THRESHOLD_OUTSIDE_PROCESSES`` open reports."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Comment, Debate, Idea, ModerationAction, Report
from .notifications import notify

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


def moderated_processes(user):
    """The processes ``user`` moderates (all of them for global moderators and editors)."""
    from civica.accounts.predicates import is_global_moderator, role_keys
    from civica.accounts.roles import Role

    from .models import Process

    if is_global_moderator(user):
        return Process.objects.all()
    process_type = ContentType.objects.get_for_model(Process)
    ids = [scope_id for role, type_id, scope_id in role_keys(user)
           if role == Role.MODERATOR and type_id == process_type.pk]
    return Process.objects.filter(pk__in=ids)


def moderated_scope(user):
    """A filter for the content ``user`` moderates: in their processes, and, for the site's
    moderators, what belongs to no process."""
    from django.db.models import Q

    from civica.accounts.predicates import is_global_moderator

    scope = Q(process__in=moderated_processes(user))
    return scope | Q(process__isnull=True) if is_global_moderator(user) else scope


def moderation_queue(user):
    """Reported or hidden content that ``user`` moderates, most reported first.
    One query for the reports, then one per kind of content (comments bring their targets)."""
    from django.contrib.contenttypes.prefetch import GenericPrefetch
    from django.db.models import Count, Q

    from .commenting import commentables

    scope = moderated_scope(user)
    open_reports = (Report.objects.filter(scope, is_resolved=False)
                    .values("target_type_id", "target_id").annotate(total=Count("id")))
    counts = {(row["target_type_id"], row["target_id"]): row["total"] for row in open_reports}
    items = []
    for model in MODERATED_MODELS:
        target_type = ContentType.objects.get_for_model(model)
        reported = [target_id for type_id, target_id in counts if type_id == target_type.pk]
        queryset = model.objects.filter(Q(pk__in=reported) | Q(is_hidden=True)).filter(scope)
        queryset = queryset.select_related("process")
        if model is Comment:
            queryset = queryset.prefetch_related(GenericPrefetch("target", commentables.target_querysets()))
        for target in queryset:
            items.append({"target": target, "kind": model._meta.verbose_name, "url": target_url(target),
                          "kind_slug": KIND_BY_MODEL[model],
                          "reports": counts.get((target_type.pk, target.pk), 0), "type_id": target_type.pk})
    items.sort(key=lambda item: (-item["reports"], item["target"].pk))
    return items
