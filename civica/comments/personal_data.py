"""What comments hold about a person, for download-my-data and delete-my-account."""

from django.db.models import F

from civica.moderation.models import UNPUBLISHED

from .models import Comment, CommentVote


def export(user) -> dict:
    return {
        "comments": [
            {"on": f"{comment.target_type.model} {comment.target_id}", "body": comment.body,
             "position": comment.alignment, "created_at": comment.created_at.isoformat()}
            for comment in Comment.objects.filter(author=user).select_related("target_type").order_by("created_at")
        ],
        "comment_votes": list(CommentVote.objects.filter(user=user).values("comment_id", "value")),
    }


def erase(user) -> None:
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
        counted = comment.review_state not in UNPUBLISHED  # one waiting for a moderator was never counted
        if comment.parent_id and counted:
            Comment.objects.filter(pk=comment.parent_id).update(reply_count=F("reply_count") - 1)
        if not comment.is_deleted and counted:
            comment.target_type.model_class().objects.filter(pk=comment.target_id).update(
                comment_count=F("comment_count") - 1)
        comment.delete()
