"""Who follows what, and what people are told: the ``Follow`` and ``Notification`` rows (moved out of
participation by issue 13, point 1; their tables were renamed, every row kept)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    """Someone following a consultation, an idea, a debate (or anything followable), to be notified of
    what happens."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows",
                             verbose_name=_("user"))
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        # The constraint keeps the name it had in participation (renaming it would rebuild it).
        constraints = [models.UniqueConstraint(fields=["user", "target_type", "target_id"],
                                               name="participation_follow_once")]


class Notification(models.Model):
    """Something that happened that a person should know about; shown on the site and e-mailed
    as they happen or in a daily digest, as the person prefers."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications",
                                  verbose_name=_("recipient"))
    message = models.CharField(_("message"), max_length=300)
    url = models.CharField(_("link"), max_length=300)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["emailed_at", "recipient"], name="notification_unsent"),
        ]

    def __str__(self):
        return self.message
