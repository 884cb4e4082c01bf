"""Writes of the api app: personal access tokens made and revoked by their owner."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.audit.services import record as audit_record

from . import tokens
from .models import AccessToken, Scope

MAX_TOKENS_PER_PERSON = 20
EXPIRY_DAYS = (30, 90, 365)


def token_create(*, by, name: str, scopes: list[str], expires_in_days: int) -> tuple[AccessToken, str]:
    """A new token for ``by``; returns it and the token itself, which is never shown again."""
    if not by.is_authenticated or not by.is_active:
        raise PermissionDenied(_("Log in to make an access token."))
    unknown = set(scopes) - set(Scope.values)
    if unknown or not scopes:
        raise ValidationError(_("Choose at least one of the scopes offered."))
    if expires_in_days not in EXPIRY_DAYS:
        raise ValidationError(_("Choose one of the expiries offered."))
    with transaction.atomic():
        # One person's tokens are counted one request at a time, so the limit holds.
        get_user_model().objects.select_for_update().filter(pk=by.pk).first()
        if AccessToken.objects.filter(user=by).usable().count() >= MAX_TOKENS_PER_PERSON:
            raise ValidationError(_("You have %(count)s tokens in use already: revoke one first.")
                                  % {"count": MAX_TOKENS_PER_PERSON})
        secret = tokens.new_token()
        now = timezone.now()
        token = AccessToken.objects.create(
            user=by, name=name.strip()[:80], prefix=secret[:tokens.SHOWN_PREFIX_LENGTH], digest=tokens.digest(secret),
            scopes=sorted(set(scopes)), created_at=now, expires_at=now + datetime.timedelta(days=expires_in_days))
        audit_record(by=by, action="api.accesstoken.create", target=token, summary=token.name)
    return token, secret


def token_revoke(*, token: AccessToken, by) -> AccessToken:
    if token.user_id != by.pk:
        raise PermissionDenied(_("This token is not yours."))
    with transaction.atomic():
        locked = AccessToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.save(update_fields=["revoked_at"])
            audit_record(by=by, action="api.accesstoken.revoke", target=locked, summary=locked.name)
    return locked
