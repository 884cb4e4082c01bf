"""Writes on consultations. Every function checks the permission it needs."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Follow, Idea, IdeaStatus, Support
from .phases import Action
from .refusals import edit_refusal, refusal

IDEA_FIELDS = ("title", "body", "category", "location", "latitude", "longitude", "image", "image_alt", "attachment")


def idea_create(*, process, author, submission_key=None, **fields) -> Idea:
    if not author.has_perm("participation.propose_idea", process):
        raise PermissionDenied(refusal(author, Action.CREATE_IDEA, process))
    if submission_key is not None:
        existing = Idea.objects.filter(author=author, submission_key=submission_key).first()
        if existing is not None:
            return existing
    idea = Idea(process=process, author=author, submission_key=submission_key,
                **{name: value for name, value in fields.items() if name in IDEA_FIELDS})
    idea.full_clean()
    try:
        with transaction.atomic():
            idea.save()
            follow_set(user=author, target=idea, following=True)
    except IntegrityError:
        # The same form was submitted twice at once: the first one won.
        return Idea.objects.get(author=author, submission_key=submission_key)
    return idea


def idea_update(*, idea, by, **fields) -> Idea:
    if not by.has_perm("participation.edit_idea", idea):
        raise PermissionDenied(edit_refusal(by, idea))
    for name, value in fields.items():
        if name in IDEA_FIELDS:
            setattr(idea, name, value)
    idea.full_clean()
    with transaction.atomic():
        # Re-check under a lock: a support or comment may have arrived since the form was shown.
        locked = Idea.objects.select_for_update().get(pk=idea.pk)
        if locked.support_count or locked.comment_count:
            raise PermissionDenied(edit_refusal(by, locked))
        idea.save()
    return idea


def idea_support(*, idea, user) -> bool:
    """Add ``user``'s support; False if they had supported it already. Safe under concurrency:
    the unique constraint refuses a second row, the counter moves by F() in the same transaction."""
    if Support.objects.filter(idea=idea, user=user).exists():
        return False
    if not user.has_perm("participation.support_idea", idea):
        raise PermissionDenied(refusal(user, Action.SUPPORT, idea))
    try:
        with transaction.atomic():
            if idea.process.supports_per_person is not None:
                # One person's supports are counted one request at a time, so the cap holds.
                get_user_model().objects.select_for_update().filter(pk=user.pk).first()
                used = Support.objects.filter(user=user, idea__process_id=idea.process_id).count()
                if used >= idea.process.supports_per_person:
                    raise PermissionDenied(refusal(user, Action.SUPPORT, idea))
            Support.objects.create(idea=idea, user=user)
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    idea.refresh_from_db(fields=["support_count"])
    return True


def idea_withdraw_support(*, idea, user) -> bool:
    if not user.has_perm("participation.withdraw_support", idea):
        raise PermissionDenied(_("Supports can no longer be withdrawn: the support phase is over."))
    with transaction.atomic():
        deleted, _details = Support.objects.filter(idea=idea, user=user).delete()
        if deleted:
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
    idea.refresh_from_db(fields=["support_count"])
    return bool(deleted)


def follow_set(*, user, target, following: bool) -> None:
    if not user.has_perm("participation.follow", target):
        raise PermissionDenied(_("Log in to follow."))
    target_type = ContentType.objects.get_for_model(target)
    if following:
        Follow.objects.get_or_create(user=user, target_type=target_type, target_id=target.pk)
    else:
        Follow.objects.filter(user=user, target_type=target_type, target_id=target.pk).delete()


def idea_answer(*, idea, by, status, answer: str) -> Idea:
    """The official answer of the centre: moves the idea's status along IDEA_TRANSITIONS."""
    if not by.has_perm("participation.answer_idea", idea):
        raise PermissionDenied(_("Only the moderators of this consultation may answer ideas officially."))
    status = IdeaStatus(status)
    answer = (answer or "").strip()
    if status != idea.status and not idea.can_move_to(status):
        raise ValidationError(
            _("An idea that is %(current)s cannot become %(new)s.")
            % {"current": IdeaStatus(idea.status).label.lower(), "new": status.label.lower()}
        )
    if status == IdeaStatus.REJECTED and not answer:
        raise ValidationError(_("Say why the idea is rejected: the reason is required."))
    idea.status = status
    idea.answer = answer
    idea.answered_at = timezone.now()
    idea.answered_by = by
    idea.save(update_fields=["status", "answer", "answered_at", "answered_by", "updated_at"])
    return idea
