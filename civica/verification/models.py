"""What verification keeps: the census (keyed hashes only), each person's levels, the one-time codes of
the desk (hashed) and the residents' attempts (outcome, never what they typed).

- ``Census``: one import of the city's census; the current one is the one whose entries exist (replacing
  a census deletes the old entries and writes the new in one transaction).
- ``CensusEntry``: one resident as ``hashing.census_digest`` (identifier + birth date).
- ``Verification``: a level a person holds, how and when they got it and which staff member gave it;
  ``resident_key`` (the verifier's key of the matched resident) is unique, so one census entry verifies
  one account.
- ``DeskCode``: a one-time code issued by staff, kept as its keyed hash, valid until ``expires_at``,
  used once.
- ``Attempt``: every try at the resident and code pages, with its outcome (rate-limit and audit trail)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .levels import Level


class Census(models.Model):
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("imported by"))
    entries_count = models.PositiveIntegerField(_("residents"), default=0)
    source_name = models.CharField(_("file"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("census")
        verbose_name_plural = _("censuses")
        ordering = ["-imported_at", "-pk"]

    def __str__(self):
        return f"{self.source_name or '-'} ({self.entries_count})"


class CensusEntry(models.Model):
    census = models.ForeignKey(Census, on_delete=models.CASCADE, related_name="entries")
    digest = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("census entry")
        verbose_name_plural = _("census entries")


class Method(models.TextChoices):
    CENSUS = "census", _("matched against the census")
    DESK_CODE = "desk_code", _("one-time code from the centre")
    DESK = "desk", _("verified at the desk")


class Verification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verifications")
    level = models.CharField(_("level"), max_length=16, choices=[
        (Level.RESIDENT.value, Level.RESIDENT.label), (Level.IN_PERSON.value, Level.IN_PERSON.label)])
    method = models.CharField(_("how"), max_length=16, choices=Method.choices)
    verified_at = models.DateTimeField(_("verified at"), default=timezone.now)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("verified by"))
    # The verifier's key of the matched resident (a keyed hash), for census verifications only.
    resident_key = models.CharField(max_length=128, null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")
        ordering = ["user_id", "level"]
        constraints = [models.UniqueConstraint(fields=["user", "level"], name="verification_one_level_once")]

    def __str__(self):
        return f"{self.user_id}: {self.level}"


class DeskCode(models.Model):
    digest = models.CharField(max_length=64, unique=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("one-time code")
        verbose_name_plural = _("one-time codes")


class Outcome(models.TextChoices):
    VERIFIED = "verified", _("verified")
    NOT_FOUND = "not_found", _("not found")
    TAKEN = "taken", _("already verifies another account")
    INVALID_CODE = "invalid_code", _("code unknown, used or expired")


class Attempt(models.Model):
    """One try of a person to verify themselves; what they typed is never kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verification_attempts")
    method = models.CharField(max_length=16, choices=Method.choices)
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
