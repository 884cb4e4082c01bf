"""What consultations hold about a person, for download-my-data and delete-my-account."""

from django.db.models import F

from .models import Comment, CommentVote, Idea, Support


def export(user) -> dict:
    return {
        "ideas": [
            {"process": idea.process.slug, "title": idea.title, "body": idea.body, "status": idea.status,
             "location": idea.location, "created_at": idea.created_at.isoformat()}
            for idea in Idea.objects.filter(author=user).select_related("process").order_by("created_at")
        ],
        "supports": [
            {"idea": support.idea.title, "process": support.idea.process.slug,
             "created_at": support.created_at.isoformat()}
            for support in Support.objects.filter(user=user).select_related("idea__process").order_by("created_at")
        ],
        "comments": [
            {"on": f"{comment.target_type.model} {comment.target_id}", "body": comment.body,
             "position": comment.alignment, "created_at": comment.created_at.isoformat()}
            for comment in Comment.objects.filter(author=user).select_related("target_type").order_by("created_at")
        ],
        "comment_votes": list(CommentVote.objects.filter(user=user).values("comment_id", "value")),
    }


def _erase_comments(user):
    """Comments others replied to stay (anonymised); the rest go, deepest first so a thread's
    counters stay right."""
    for vote in CommentVote.objects.filter(user=user):
        field = "upvotes" if vote.value == 1 else "downvotes"
        Comment.objects.filter(pk=vote.comment_id).update(**{field: F(field) - 1})
    CommentVote.objects.filter(user=user).delete()
    for comment in Comment.objects.filter(author=user).select_related("target_type").order_by("-depth", "-pk"):
        comment.refresh_from_db(fields=["reply_count"])
        if comment.reply_count:
            Comment.objects.filter(pk=comment.pk).update(author=None)
            continue
        if comment.parent_id:
            Comment.objects.filter(pk=comment.parent_id).update(reply_count=F("reply_count") - 1)
        if not comment.is_deleted:
            comment.target_type.model_class().objects.filter(pk=comment.target_id).update(
                comment_count=F("comment_count") - 1)
        comment.delete()


def erase(user) -> None:
    _erase_comments(user)
    # Supports go, and the ideas' counters with them.
    for idea_id in Support.objects.filter(user=user).values_list("idea_id", flat=True):
        Idea.objects.filter(pk=idea_id).update(support_count=F("support_count") - 1)
    Support.objects.filter(user=user).delete()
    # Ideas others have commented on stay, anonymised; the others are removed.
    Idea.objects.filter(author=user, comment_count__gt=0).update(author=None)
    Idea.objects.filter(author=user).delete()
