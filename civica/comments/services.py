"""Writes on comments: post (the target's followers and the replied-to author are told), edit within
15 minutes, remove (authors only), vote. Every function checks the permission it needs.

Pre-moderation (civica.moderation; the target's scope decides, e.g. ``Process.contributions_wait``): a
comment that waits for a moderator is saved hidden, counted nowhere and told to nobody;
``comment_published`` (on approval, in its transaction) counts it and tells the followers then."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core import refusals
from civica.moderation import services as moderation
from civica.moderation.models import UNPUBLISHED
from civica.notifications.selectors import followers
from civica.notifications.services import follow_set, notify

from .models import MAX_COMMENT_DEPTH, Alignment, Comment, CommentVote
from .registry import commentables, title_of

DOUBLE_SUBMIT_WINDOW = datetime.timedelta(seconds=30)


def _bump(model, pk, field, delta):
    model.objects.filter(pk=pk).update(**{field: F(field) + delta})


def comment_post(*, target, by, body, parent=None, alignment=Alignment.NEUTRAL) -> Comment:
    refusals.check(by, "comments.post", target)
    target_type = ContentType.objects.get_for_model(target)
    if parent is not None:
        if (parent.target_type_id, parent.target_id) != (target_type.pk, target.pk) or parent.is_deleted:
            raise ValidationError(_("You can only reply to a comment of this page."))
        if parent.depth >= MAX_COMMENT_DEPTH:
            parent = parent.parent  # threads stay three levels deep: answer beside the last level
    body = (body or "").strip()
    duplicate = Comment.objects.filter(
        target_type=target_type, target_id=target.pk, author=by, parent=parent, body=body,
        created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
    ).first()
    if duplicate is not None:
        return duplicate  # the same form sent twice (a double click): one comment
    comment = Comment(
        target_type=target_type, target_id=target.pk, scope=commentables.for_object(target).scope_of(target),
        parent=parent,
        depth=parent.depth + 1 if parent else 0, author=by, body=body,
        alignment=alignment or Alignment.NEUTRAL,
    )
    comment.full_clean()
    waits = moderation.review_hold(comment)
    with transaction.atomic():
        comment.save()
        follow_set(by=by, target=target, following=True)
        if waits:
            moderation.review_submitted(comment)
        else:
            _count_and_tell(comment, target)
    return comment


def _count_and_tell(comment, target) -> None:
    _bump(type(target), target.pk, "comment_count", 1)
    if comment.parent_id is not None:
        _bump(Comment, comment.parent_id, "reply_count", 1)
    parent = comment.parent if comment.parent_id is not None else None
    author = comment.author
    notify(recipients=[*followers(target), parent.author if parent else None], exclude=[author],
           url=f"{target.get_absolute_url()}#comment-{comment.pk}",
           message=lambda: _('%(name)s commented on "%(title)s"') % {
               "name": author.public_name if author else _("Deleted participant"), "title": title_of(target)})


def comment_unpublished(comment) -> None:
    """An approved comment changed by its author waits again (``moderation.services.review_changed``):
    no longer counted on its target and its parent."""
    _bump(comment.target_type.model_class(), comment.target_id, "comment_count", -1)
    if comment.parent_id is not None:
        _bump(Comment, comment.parent_id, "reply_count", -1)


def comment_published(comment) -> None:
    """A waiting comment a moderator approved (``moderation.services.review_decide``, in its
    transaction): counted on its target and its parent, the followers told now."""
    _count_and_tell(comment, comment.target)


def comment_edit(*, comment, by, body) -> Comment:
    if not by.has_perm("comments.edit", comment):
        raise PermissionDenied(_("Comments can be edited by their author for 15 minutes after writing them."))
    comment.body = (body or "").strip()
    comment.edited_at = timezone.now()
    comment.full_clean()
    with transaction.atomic():
        # Locked against a moderator's decision: an approved comment changed where comments wait for a
        # moderator waits again (moderation.services.review_changed), so no unread text is published.
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        moderation.review_changed(locked=locked, by=by)
        comment.review_state, comment.is_hidden = locked.review_state, locked.is_hidden
        comment.save(update_fields=["body", "edited_at"])
    return comment


def comment_remove(*, comment, by) -> None:
    """A comment with replies stays as "comment deleted" so the conversation holds; others go."""
    if not by.has_perm("comments.remove", comment):
        raise PermissionDenied(_("You may only delete your own comments."))
    with transaction.atomic():
        # A comment that waits for a moderator (or was rejected) was never counted.
        counted = comment.review_state not in UNPUBLISHED
        was_live = not comment.is_deleted and counted
        if comment.reply_count:
            comment.is_deleted = True
            comment.body = ""
            comment.save(update_fields=["is_deleted", "body"])
        else:
            comment.delete()
            if comment.parent_id and counted:
                _bump(Comment, comment.parent_id, "reply_count", -1)
        if was_live:
            _bump(comment.target_type.model_class(), comment.target_id, "comment_count", -1)


def comment_vote(*, comment, by, value: int) -> None:
    """+1, -1, or 0 to take the vote back; counters move with the change, atomically."""
    if value not in (1, -1, 0):
        raise ValidationError(_("A vote is up or down."))
    if not by.has_perm("comments.vote", comment):
        raise PermissionDenied(_("You cannot vote on this comment."))
    counter = {1: "upvotes", -1: "downvotes"}
    with transaction.atomic():
        previous = CommentVote.objects.select_for_update().filter(comment=comment, user=by).first()
        if previous is not None and previous.value == value:
            return
        if previous is not None:
            _bump(Comment, comment.pk, counter[previous.value], -1)
            previous.delete()
        if value:
            CommentVote.objects.create(comment=comment, user=by, value=value)
            _bump(Comment, comment.pk, counter[value], 1)
