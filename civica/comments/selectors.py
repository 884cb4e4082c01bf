"""Reads of comments: a target's thread as a tree, in one query (the pages), or its top-level comments a
page at a time with the replies under them in one more query (the API)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from civica.moderation.models import UNPUBLISHED

from .models import Comment
from .registry import commentables


class CommentSort:
    OLDEST, NEWEST, BEST = "oldest", "newest", "best"
    ALL = (OLDEST, NEWEST, BEST)


def comment_thread(*, target, sort=CommentSort.OLDEST):
    """The comments of ``target`` as a tree (``comment.children``), in one query: the same for everyone.

    A hidden comment's text is left to a personal part (parts.py), which shows it to its author and
    the moderators only; ``sort`` orders the top level, replies are always oldest first. A comment
    waiting for a moderator (or rejected) is not in it at all: its author sees it in the personal part
    ``comments.waiting`` (parts.py)."""
    comments = Comment.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    ).exclude(review_state__in=UNPUBLISHED).select_related("author").order_by("created_at", "id")
    scope = commentables.for_object(target).scope_of(target)
    by_parent, top = {}, []
    for comment in comments:
        comment.scope = scope  # already loaded: permission checks need it per comment
        comment.children = by_parent.setdefault(comment.pk, [])
        comment.show_body = not comment.is_deleted and not comment.is_hidden
        if comment.parent_id is None:
            top.append(comment)
        else:
            by_parent.setdefault(comment.parent_id, []).append(comment)
    if sort == CommentSort.NEWEST:
        top.sort(key=lambda comment: (comment.created_at, comment.pk), reverse=True)
    elif sort == CommentSort.BEST:
        top.sort(key=lambda comment: (-comment.score, comment.created_at, comment.pk))
    return top


def top_level_comments(*, target):
    """The top-level comments of ``target``, with their authors, for a thread read a page of threads at a
    time (the API: ``keyset_page`` orders them); their replies come from ``replies_under``."""
    return (Comment.objects.filter(target_type=ContentType.objects.get_for_model(target), target_id=target.pk,
                                   parent=None).exclude(review_state__in=UNPUBLISHED).select_related("author"))


def replies_under(*, target, top_ids) -> dict:
    """The replies under the top-level comments ``top_ids`` of ``target``, every level (threads are at
    most three deep), as ``{parent id: [reply, …]}`` oldest first: one query, whatever the page holds."""
    replies = Comment.objects.filter(
        Q(parent_id__in=top_ids) | Q(parent__parent_id__in=top_ids),
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk,
    ).exclude(review_state__in=UNPUBLISHED).select_related("author").order_by("created_at", "id")
    by_parent = {}
    for reply in replies:
        by_parent.setdefault(reply.parent_id, []).append(reply)
    return by_parent


def unpublished_comments(*, target, user, moderator: bool):
    """The comments on ``target`` that wait for a moderator or were rejected and that ``user`` may see:
    their own, or all of them for its moderators (``moderator``). Oldest first."""
    comments = Comment.objects.filter(target_type=ContentType.objects.get_for_model(target), target_id=target.pk,
                                      review_state__in=UNPUBLISHED)
    if not moderator:
        comments = comments.filter(author_id=user.pk)
    return comments.select_related("author").order_by("created_at", "id")
