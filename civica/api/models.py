"""Personal access tokens (issue 20, point 4): a person's key to the API for what is theirs.

Only the token's SHA-256 is stored (a token is 256 random bits, so a fast hash is enough: nothing to
guess from it); the token itself is shown once, when it is made. Each token has scopes, an expiry, and
may be revoked; the person sees when it was last used."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    READ_PERSONAL = "read:personal", _("Read my notifications, applications, registrations and bookings")
    WRITE_PARTICIPATION = "write:participation", _("Support ideas for me")
    WRITE_MEETINGS = "write:meetings", _("Register me for meetings")


class AccessTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now, user__is_active=True)


class AccessToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_tokens",
                             verbose_name=_("person"))
    name = models.CharField(_("name"), max_length=80, help_text=_("What you use it for, to recognise it later."))
    # The first characters, shown to recognise a token (the rest is never kept).
    prefix = models.CharField(_("starts with"), max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(_("scopes"), default=list)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("access token")
        verbose_name_plural = _("access tokens")
        ordering = ["-created_at", "-id"]
        constraints = [models.CheckConstraint(condition=Q(expires_at__gt=models.F("created_at")),
                                              name="api_token_expires_after_creation")]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def allows(self, scope: str) -> bool:
        return scope in self.scopes

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
