"""Reports, automatic hiding past a target's threshold, moderators' hide and restore, and the audit
log. What can be moderated, and who moderates it, comes from the registry (``registry.py``).

Pre-moderation (issue 21, point 5), for any kind with a ``review_state`` column:
``review_hold`` (before a new item's first save: it waits, hidden, when its scope says so),
``review_submitted`` (after that save: the scope's moderators and the site's are told, by a notification
that e-mails them at once or in their daily digest, as each chose in their account),
``review_decide`` (approve, or reject with a reason: the row locked, its state read again under the lock,
refused when another moderator decided first or when the author changed the text since the moderator
read it; approval runs the kind's ``on_publish``; the author is told either way, a rejection's reason
with it) and ``review_changed`` (an item its author changed after a rejection, or after an approval where
contributions still wait, waits again: nothing is published that a moderator did not read)."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.accounts.models import RoleAssignment
from civica.accounts.roles import Role
from civica.notifications.services import notify

from .models import REVIEW_TRANSITIONS, UNPUBLISHED, ModerationAction, Report, ReviewState
from .registry import moderatables, review_fingerprint


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
    entry.on_hidden_changed(target)
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
    if getattr(target, "review_state", "") in UNPUBLISHED:
        raise ValidationError(_("This contribution waits for approval or was not published: approve or reject "
                                "it in the waiting section of the moderation queue."))
    with transaction.atomic():
        _set_hidden(target, hide, kind=ModerationAction.Kind.HIDE if hide else ModerationAction.Kind.RESTORE,
                    moderator=by, reason=reason)
        Report.objects.filter(target_type=ContentType.objects.get_for_model(target), target_id=target.pk,
                              is_resolved=False).update(is_resolved=True)
    return ModerationAction.objects.filter(target_id=target.pk).order_by("-pk").first()


# --- Pre-moderation ------------------------------------------------------------------------------

def moderators_of(scope):
    """The active people who moderate ``scope``: its own moderators and the site's (global role)."""
    held = Q(scope_type__isnull=True)
    if scope is not None:
        held |= Q(scope_type=ContentType.objects.get_for_model(scope), scope_id=scope.pk)
    assigned = RoleAssignment.objects.filter(held, role=Role.MODERATOR).values("user_id")
    return get_user_model().objects.filter(pk__in=assigned, is_active=True).order_by("pk")


def review_hold(target) -> bool:
    """Before ``target``'s first save: when its scope makes contributions wait, it is hidden and
    "awaiting review" (True). Its create service then counts it and tells followers only if False."""
    entry = _entry(target)
    if not entry.reviewed or not entry.must_wait(target):
        return False
    target.is_hidden = True
    target.review_state = ReviewState.WAITING
    return True


def _tell_moderators(target) -> None:
    entry = _entry(target)
    author = entry.author_of(target)
    notify(recipients=list(moderators_of(entry.scope_of(target))), exclude=[author],
           url=reverse("moderation:waiting"),
           message=lambda: _("Waiting for your approval: %(what)s") % {
               "what": f"{entry.model._meta.verbose_name} “{str(target)[:120]}”"})


def review_submitted(target) -> None:
    """After a held ``target`` is saved: its moderators are told (in the same transaction, e-mails after it)."""
    if getattr(target, "review_state", "") == ReviewState.WAITING:
        _tell_moderators(target)


def review_changed(*, locked, by) -> bool:
    """Its author changed ``locked`` (its row locked by the caller's edit, in its transaction): a rejected
    one waits again; an approved one in a scope whose contributions wait goes back to waiting too (what
    was approved was the text read, not the one written after), hidden again, the kind's
    ``on_unpublish`` undoing what its ``on_publish`` counted. The moderators are told; True if it waits."""
    state = getattr(locked, "review_state", "")
    entry = _entry(locked)
    permission = REVIEW_TRANSITIONS.get(state, {}).get(ReviewState.WAITING)
    if permission is None or not by.has_perm(permission, locked):
        return False
    if state == ReviewState.APPROVED and not entry.must_wait(locked):
        return False
    type(locked).objects.filter(pk=locked.pk).update(review_state=ReviewState.WAITING, is_hidden=True)
    locked.review_state, locked.is_hidden = ReviewState.WAITING, True
    if state == ReviewState.APPROVED:
        entry.on_unpublish(locked)
    _tell_moderators(locked)
    return True


def review_decide(*, target, by, approve: bool, reason: str = "", fingerprint: str | None = None):
    """Approve ``target`` (it is published: shown, counted, its followers told through the kind's
    ``on_publish``) or reject it with a reason (it stays unseen; its author is told why). Returns the
    locked, saved target."""
    entry = _entry(target)
    if not by.has_perm("moderation.review", target):
        raise PermissionDenied(_("Only the moderators of this consultation may do this."))
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ValidationError(_("Say why you reject it: its author is told the reason."))
    model = type(target)
    with transaction.atomic():
        locked = model.objects.select_for_update().filter(pk=target.pk).first()
        if locked is None:
            raise ValidationError(_("This contribution no longer exists."))
        to = ReviewState.APPROVED if approve else ReviewState.REJECTED
        if to not in REVIEW_TRANSITIONS.get(locked.review_state, {}):
            raise ValidationError(_("Another moderator has already decided: it is %(state)s.") % {
                "state": ReviewState(locked.review_state).label})
        if fingerprint is not None and fingerprint != review_fingerprint(locked):
            raise ValidationError(_("The author changed it after you read it: read it again before deciding."))
        locked.review_state = to
        locked.is_hidden = not approve
        locked.save(update_fields=["review_state", "is_hidden"])
        ModerationAction.objects.create(
            target_type=ContentType.objects.get_for_model(locked), target_id=locked.pk,
            **_scope_fields(entry.scope_of(locked)), moderator=by,
            kind=ModerationAction.Kind.APPROVE if approve else ModerationAction.Kind.REJECT,
            reason=reason or _("Approved."))
        if approve:
            entry.on_publish(locked)
        author = entry.author_of(locked)
        if author is not None:
            if approve:
                notify(recipients=[author], url=entry.url(locked),
                       message=lambda: _("Moderators approved %(what)s: everyone can see it now.") % {
                           "what": entry.describe(locked)})
            else:
                notify(recipients=[author], url=entry.url(locked),
                       message=lambda: _("Moderators did not publish %(what)s: %(reason)s") % {
                           "what": entry.describe(locked), "reason": reason})
    return locked



def review_imported(*, targets, by, reason: str) -> None:
    """Items brought in already rejected (an import of another platform's moderated-out contributions,
    saved with ``review_state`` rejected and hidden by the importing service): one rejection each is
    written to the moderation log, with ``reason``, so they read as any rejected item. Nobody is told."""
    targets = list(targets)
    if not targets:
        return
    entry = _entry(targets[0])
    target_type = ContentType.objects.get_for_model(targets[0])
    ModerationAction.objects.bulk_create([
        ModerationAction(target_type=target_type, target_id=target.pk, **_scope_fields(entry.scope_of(target)),
                         moderator=by, kind=ModerationAction.Kind.REJECT, reason=reason)
        for target in targets if target.review_state == ReviewState.REJECTED])
