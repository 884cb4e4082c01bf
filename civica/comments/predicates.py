"""Comment predicates: whether comments are open on a target and it may be read (asked of its
registry entry), authorship, the 15-minute edit window. Composed in rules.py."""

import rules
from django.utils import timezone

from .registry import commentables


@rules.predicate
def comments_open(user, target):
    entry = commentables.for_object(target)
    return entry is not None and entry.open_now.predicate.test(user, target)


@rules.predicate
def may_read_target(user, target):
    entry = commentables.for_object(target)
    # ``test`` passes a predicate only the arguments it takes (``rules.always_allow`` takes none)
    return entry is not None and entry.readable.test(user, target)


COMMENT_EDIT_WINDOW_SECONDS = 15 * 60


@rules.predicate
def is_comment_author(user, comment):
    return comment is not None and user.is_authenticated and comment.author_id == user.pk


@rules.predicate
def comment_editable_now(user, comment):
    """Comments may be edited for 15 minutes after they are written."""
    if comment is None or comment.is_deleted:
        return False
    return (timezone.now() - comment.created_at).total_seconds() < COMMENT_EDIT_WINDOW_SECONDS


@rules.predicate
def comment_live(user, comment):
    return comment is not None and not comment.is_deleted and not comment.is_hidden


@rules.predicate
def target_visible(user, target):
    return target is not None and not getattr(target, "is_hidden", False)
