"""Reports and the moderation log (moved out of participation by issue 13, point 1; their tables were
renamed, every row kept).

What a report or an action belongs to is a generic **scope** (as ``accounts.RoleAssignment.scope``):
the object whose moderators decide (a consultation), or none for what the site's moderators decide
(comments on meetings and plans)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.models import SCOPE_COMPLETE, TargetInScope


class ReviewState(models.TextChoices):
    """Pre-moderation (issue 21, point 5): where a contribution stands when its scope makes new
    contributions wait for a moderator. Empty: it never waited (published as written)."""

    NONE = "", _("published without review")
    WAITING = "waiting", _("awaiting review")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("not published")


# The moves a review may make, and the permission each needs (``services.review_decide``): a decision
# is taken once; a contribution waits again when its author changes it (``services.review_changed``).
REVIEW_TRANSITIONS = {
    ReviewState.WAITING: {ReviewState.APPROVED: "moderation.review", ReviewState.REJECTED: "moderation.review"},
    ReviewState.REJECTED: {ReviewState.WAITING: "moderation.resubmit"},
    ReviewState.APPROVED: {ReviewState.WAITING: "moderation.resubmit"},
}
# Not seen by the public (a waiting or rejected contribution is also ``is_hidden``).
UNPUBLISHED = (ReviewState.WAITING, ReviewState.REJECTED)


def review_state_field():
    """The column a pre-moderated model adds (``review_state = review_state_field()``)."""
    return models.CharField(_("review"), max_length=8, choices=ReviewState.choices, default="", blank=True,
                            editable=False)


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    OFFENSIVE = "offensive", _("Offensive or hateful")
    OFF_TOPIC = "off_topic", _("Off topic")
    PERSONAL_DATA = "personal_data", _("Reveals personal data")


class Report(TargetInScope):
    """Someone flags an idea, a debate or a comment (anything moderatable) for the moderators."""

    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports",
                                 verbose_name=_("reported by"))
    reason = models.CharField(_("reason"), max_length=16, choices=ReportReason.choices)
    note = models.CharField(_("details"), max_length=500, blank=True)
    is_resolved = models.BooleanField(_("reviewed"), default=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        # What waits for a moderator: the queue finds reported content, and counts each item's open
        # reports, through this small index (resolved reports, the most, are not in it).
        indexes = [models.Index(fields=["target_type", "target_id"], condition=models.Q(is_resolved=False),
                                name="report_waiting")]
        # The unique constraint keeps the name it had in participation (renaming it would rebuild it).
        constraints = [
            models.UniqueConstraint(fields=["reporter", "target_type", "target_id"], name="participation_report_once"),
            models.CheckConstraint(condition=SCOPE_COMPLETE, name="moderation_report_scope_complete"),
        ]


class ModerationAction(TargetInScope):
    """The audit log: every hide and restore, approval and rejection, by whom (or automatically) and
    why. A rejection's reason is what its author is shown on their contribution."""

    class Kind(models.TextChoices):
        AUTO_HIDE = "auto_hide", _("Hidden automatically after reports")
        HIDE = "hide", _("Hidden by a moderator")
        RESTORE = "restore", _("Restored by a moderator")
        APPROVE = "approve", _("Approved by a moderator")
        REJECT = "reject", _("Rejected by a moderator")

    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("moderator"))
    kind = models.CharField(_("action"), max_length=12, choices=Kind.choices)
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(condition=SCOPE_COMPLETE, name="moderation_action_scope_complete")]
