"""Comments on anything commentable, threaded three levels deep, and the votes on them (moved out of
participation by issue 13, point 1; their tables were renamed, every row kept)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.models import SCOPE_COMPLETE, TargetInScope
from civica.moderation.models import review_state_field


class Alignment(models.TextChoices):
    IN_FAVOUR = "for", _("For")
    AGAINST = "against", _("Against")
    NEUTRAL = "neutral", _("Neutral")


MAX_COMMENT_BODY = 5_000
MAX_COMMENT_DEPTH = 2  # top level is 0: threads are at most three levels deep


class Comment(TargetInScope):
    """A comment on anything commentable (ideas, debates, meetings, plans), threaded."""

    # The scope is the target's consultation (empty: the site's moderators), as the target's registry
    # entry says (``Commentable.scope_of``).
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies",
                               verbose_name=_("in reply to"))
    depth = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(MAX_COMMENT_DEPTH)])
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="comments", verbose_name=_("author"))
    body = models.TextField(_("comment"), max_length=MAX_COMMENT_BODY,
                            validators=[MaxLengthValidator(MAX_COMMENT_BODY)])
    alignment = models.CharField(_("position"), max_length=8, choices=Alignment.choices, default=Alignment.NEUTRAL)
    upvotes = models.PositiveIntegerField(default=0)
    downvotes = models.PositiveIntegerField(default=0)
    reply_count = models.PositiveIntegerField(default=0)
    is_deleted = models.BooleanField(_("deleted"), default=False)
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False)
    # Pre-moderation: "waiting" (and hidden, out of the thread) until a moderator approves it.
    review_state = review_state_field()
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    # Reports on a comment and its moderation log go with it.
    reports = GenericRelation("moderation.Report", content_type_field="target_type", object_id_field="target_id")
    moderation_actions = GenericRelation("moderation.ModerationAction", content_type_field="target_type",
                                         object_id_field="target_id")

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["target_type", "target_id", "created_at"], name="comment_target"),
                   # The moderation queue lists hidden comments without reading the whole table.
                   models.Index(fields=["id"], condition=models.Q(is_hidden=True), name="comment_hidden"),
                   # ... and what waits for approval, oldest first.
                   models.Index(fields=["created_at"], condition=models.Q(review_state="waiting"),
                                name="comment_waiting")]
        constraints = [models.CheckConstraint(condition=SCOPE_COMPLETE, name="comments_comment_scope_complete")]

    def __str__(self):
        return self.body[:60]

    @property
    def score(self) -> int:
        return self.upvotes - self.downvotes


class CommentVote(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_votes")
    value = models.SmallIntegerField(choices=[(1, "+1"), (-1, "-1")])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "user"], name="participation_one_vote_per_comment")]
