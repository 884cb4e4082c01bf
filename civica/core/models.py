"""Core has no tables of its own; it holds the abstract shapes several apps' models share."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# A scope is all or nothing: both columns set, or neither (the site's moderators).
SCOPE_COMPLETE = Q(scope_type__isnull=True, scope_id__isnull=True) | Q(scope_type__isnull=False,
                                                                       scope_id__isnull=False)


class TargetInScope(models.Model):
    """A row about something (``target``: an idea, a debate, a comment, a meeting…) that belongs to a
    scope whose moderators decide about it (``scope``: a consultation; empty for the site's moderators),
    both generic, as ``accounts.RoleAssignment.scope`` is, so comments and moderation never name the
    apps whose content they carry."""

    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    scope_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                                   verbose_name=_("scope type"))
    scope_id = models.PositiveBigIntegerField(_("scope id"), null=True, blank=True)
    scope = GenericForeignKey("scope_type", "scope_id")

    class Meta:
        abstract = True
