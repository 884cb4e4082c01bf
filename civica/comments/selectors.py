"""Reads of comments: a target's thread as a tree, in one query."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, OuterRef, Subquery, Value

from civica.accounts.predicates import is_global_moderator, is_moderator_of

from .models import Comment, CommentVote
from .registry import commentables


class CommentSort:
    OLDEST, NEWEST, BEST = "oldest", "newest", "best"
    ALL = (OLDEST, NEWEST, BEST)


def comment_thread(*, target, user, sort=CommentSort.OLDEST):
    """The comments of ``target`` as a tree (``comment.children``), in one query.

    Hidden comments are shown to moderators and to their author; to others they are a
    placeholder. Replies are always oldest first; ``sort`` orders the top level."""
    comments = Comment.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    ).select_related("author").order_by("created_at", "id")
    if user.is_authenticated:
        comments = comments.annotate(my_vote=Subquery(
            CommentVote.objects.filter(comment=OuterRef("pk"), user=user).values("value")[:1]
        ))
    else:
        comments = comments.annotate(my_vote=Value(None, output_field=IntegerField()))
    scope = commentables.for_object(target).scope_of(target)
    moderator = is_moderator_of(user, scope) if scope else is_global_moderator(user)
    by_parent, top = {}, []
    for comment in comments:
        comment.scope = scope  # already loaded: permission checks need it per comment
        comment.children = by_parent.setdefault(comment.pk, [])
        comment.show_body = not comment.is_deleted and (
            not comment.is_hidden or moderator or (user.is_authenticated and comment.author_id == user.pk)
        )
        if comment.parent_id is None:
            top.append(comment)
        else:
            by_parent.setdefault(comment.parent_id, []).append(comment)
    if sort == CommentSort.NEWEST:
        top.sort(key=lambda comment: (comment.created_at, comment.pk), reverse=True)
    elif sort == CommentSort.BEST:
        top.sort(key=lambda comment: (-comment.score, comment.created_at, comment.pk))
    return top
