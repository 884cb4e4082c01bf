"""Comments for the demo data: ``seed_conversation`` writes a conversation on a target (meetings,
plans and consultations seed theirs with it). Comments have no demo rows of their own."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import F

from .models import Comment
from .registry import commentables


def load(log):
    """Nothing of its own: the apps whose pages take comments seed them with ``seed_conversation``."""


def seed_conversation(target, conversation, authors, *, starting_at) -> int:
    """For demo loaders: ``conversation`` — (text, [replies]) pairs — as comments on ``target`` by
    ``authors`` in turn, an hour apart from ``starting_at``, only if it has none yet (so loading
    again adds nothing). Returns how many comments it wrote."""
    target_type = ContentType.objects.get_for_model(target)
    if Comment.objects.filter(target_type=target_type, target_id=target.pk).exists():
        return 0
    scope = commentables.for_object(target).scope_of(target)
    written, turn = 0, 0

    def write(body, parent=None):
        nonlocal written, turn
        comment = Comment.objects.create(target_type=target_type, target_id=target.pk, scope=scope,
                                         parent=parent, depth=parent.depth + 1 if parent else 0,
                                         author=authors[turn % len(authors)], body=body,
                                         created_at=starting_at + datetime.timedelta(hours=turn))
        written, turn = written + 1, turn + 1
        return comment

    for text, replies in conversation:
        comment = write(text)
        for reply in replies:
            write(reply, parent=comment)
        Comment.objects.filter(pk=comment.pk).update(reply_count=len(replies))
    type(target).objects.filter(pk=target.pk).update(comment_count=F("comment_count") + written)
    return written
