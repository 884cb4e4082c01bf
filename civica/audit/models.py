"""One row per staff action that changes what the public sees: a call published, a meeting cancelled,
a plan's figure changed. The actor and the target are kept twice: as links (which may be deleted later:
``SET_NULL``, a generic id) and as the words they had at the time (``actor_label``, ``target_label``),
so the log still reads after the account or the object is gone. Rows are only ever added."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntryQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(target_type=ContentType.objects.get_for_model(obj), target_id=obj.pk)


class AuditEntry(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("who"))
    actor_label = models.CharField(_("who (at the time)"), max_length=254, blank=True)
    # "<app>.<model>.<verb>", e.g. "calls.call.publish": filtered by its prefix on the log page.
    action = models.CharField(_("action"), max_length=80, db_index=True)
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("kind of object"))
    target_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    target_label = models.CharField(_("what (at the time)"), max_length=300, blank=True)
    summary = models.TextField(_("what changed"), blank=True)
    changes = models.JSONField(_("changed values"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_label}"
