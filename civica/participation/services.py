"""Writes on consultations. Every function checks the permission it needs."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .commenting import comment_refusal, commentables
from .models import (
    MAX_COMMENT_DEPTH,
    Alignment,
    Comment,
    CommentVote,
    Follow,
    Idea,
    IdeaStatus,
    Poll,
    PollAnswer,
    PollResponse,
    Question,
    Support,
)
from .notifications import followers, notify
from .phases import Action
from .refusals import edit_refusal, poll_refusal, refusal

DOUBLE_SUBMIT_WINDOW = datetime.timedelta(seconds=30)
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
    notify(recipients=followers(process), exclude=[author], url=idea.get_absolute_url(),
           message=lambda: _('New idea in "%(process)s": %(title)s') % {"process": process.translated("title"),
                                                                         "title": idea.title})
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
    notify(recipients=[idea.author, *followers(idea)], exclude=[by], url=idea.get_absolute_url(),
           message=lambda: _('Official answer to "%(title)s": %(status)s') % {"title": idea.title,
                                                                              "status": status.label})
    return idea


# --- Comments -------------------------------------------------------------------------------

def _bump(model, pk, field, delta):
    model.objects.filter(pk=pk).update(**{field: F(field) + delta})


def comment_post(*, target, author, body, parent=None, alignment=Alignment.NEUTRAL) -> Comment:
    if not author.has_perm("participation.post_comment", target):
        raise PermissionDenied(comment_refusal(author, target))
    target_type = ContentType.objects.get_for_model(target)
    if parent is not None:
        if (parent.target_type_id, parent.target_id) != (target_type.pk, target.pk) or parent.is_deleted:
            raise ValidationError(_("You can only reply to a comment of this page."))
        if parent.depth >= MAX_COMMENT_DEPTH:
            parent = parent.parent  # threads stay three levels deep: answer beside the last level
    body = (body or "").strip()
    duplicate = Comment.objects.filter(
        target_type=target_type, target_id=target.pk, author=author, parent=parent, body=body,
        created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
    ).first()
    if duplicate is not None:
        return duplicate  # the same form sent twice (a double click): one comment
    comment = Comment(
        target_type=target_type, target_id=target.pk, process=commentables.for_object(target).process_of(target),
        parent=parent,
        depth=parent.depth + 1 if parent else 0, author=author, body=body,
        alignment=alignment or Alignment.NEUTRAL,
    )
    comment.full_clean()
    with transaction.atomic():
        comment.save()
        _bump(type(target), target.pk, "comment_count", 1)
        if parent is not None:
            _bump(Comment, parent.pk, "reply_count", 1)
        recipients = [*followers(target), parent.author if parent else None]
        follow_set(user=author, target=target, following=True)
        notify(recipients=recipients, exclude=[author], url=f"{target.get_absolute_url()}#comment-{comment.pk}",
               message=lambda: _('%(name)s commented on "%(title)s"') % {"name": author.public_name,
                                                                         "title": str(target)})
    return comment


def comment_edit(*, comment, by, body) -> Comment:
    if not by.has_perm("participation.edit_comment", comment):
        raise PermissionDenied(_("Comments can be edited by their author for 15 minutes after writing them."))
    comment.body = (body or "").strip()
    comment.edited_at = timezone.now()
    comment.full_clean()
    comment.save(update_fields=["body", "edited_at"])
    return comment


def comment_remove(*, comment, by) -> None:
    """A comment with replies stays as "comment deleted" so the conversation holds; others go."""
    if not by.has_perm("participation.remove_comment", comment):
        raise PermissionDenied(_("You may only delete your own comments."))
    with transaction.atomic():
        was_live = not comment.is_deleted
        if comment.reply_count:
            comment.is_deleted = True
            comment.body = ""
            comment.save(update_fields=["is_deleted", "body"])
        else:
            comment.delete()
            if comment.parent_id:
                _bump(Comment, comment.parent_id, "reply_count", -1)
        if was_live:
            _bump(comment.target_type.model_class(), comment.target_id, "comment_count", -1)


def comment_vote(*, comment, user, value: int) -> None:
    """+1, -1, or 0 to take the vote back; counters move with the change, atomically."""
    if value not in (1, -1, 0):
        raise ValidationError(_("A vote is up or down."))
    if not user.has_perm("participation.vote_comment", comment):
        raise PermissionDenied(_("You cannot vote on this comment."))
    counter = {1: "upvotes", -1: "downvotes"}
    with transaction.atomic():
        previous = CommentVote.objects.select_for_update().filter(comment=comment, user=user).first()
        if previous is not None and previous.value == value:
            return
        if previous is not None:
            _bump(Comment, comment.pk, counter[previous.value], -1)
            previous.delete()
        if value:
            CommentVote.objects.create(comment=comment, user=user, value=value)
            _bump(Comment, comment.pk, counter[value], 1)


# --- Polls ----------------------------------------------------------------------------------

def poll_respond(*, poll, user, browser_key: str, answers: dict) -> PollResponse:
    """Record one response: one per participant, or one per browser when the poll is anonymous."""
    if not user.has_perm("participation.answer_poll", poll):
        raise PermissionDenied(poll_refusal(user, poll))
    anonymous = poll.allow_anonymous and not user.is_authenticated
    if anonymous and not browser_key:
        raise PermissionDenied(_("Your browser must accept cookies to answer anonymously."))
    try:
        with transaction.atomic():
            response = PollResponse.objects.create(
                poll=poll, respondent=None if anonymous else user, browser_key=browser_key if anonymous else "")
            rows = []
            for question, value in answers.items():
                if question.kind == Question.Kind.MULTIPLE:
                    rows += [PollAnswer(response=response, question=question, choice_id=choice) for choice in value]
                elif question.kind == Question.Kind.RANKING:
                    rows += [PollAnswer(response=response, question=question, choice_id=choice, rank=place)
                             for choice, place in value.items()]
                elif question.kind == Question.Kind.SINGLE:
                    rows.append(PollAnswer(response=response, question=question, choice_id=value))
                elif question.kind == Question.Kind.SCALE:
                    rows.append(PollAnswer(response=response, question=question, value=value))
                else:
                    rows.append(PollAnswer(response=response, question=question, text=value.strip()))
            PollAnswer.objects.bulk_create(rows)
            _bump(Poll, poll.pk, "response_count", 1)
    except IntegrityError:
        raise ValidationError(_("You have already answered this poll.")) from None
    return response
