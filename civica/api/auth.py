"""Who calls the API: anonymous, or a person through a personal access token (``Authorization: Bearer
civ_…``). A token is looked up by its digest; an unknown, revoked or expired token, or one of an
inactive account, is refused the same way (401), so a caller learns nothing about other tokens.
A token opens only what its scopes name (403 otherwise); the session cookie is never used here, so the
API has no CSRF to guard and another site's page cannot act for a signed-in visitor."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer

from . import tokens
from .models import AccessToken

# Last use is written at most this often per token (not on every request).
LAST_USED_PRECISION = datetime.timedelta(minutes=5)


class TokenAuth(HttpBearer):
    def __init__(self, scope: str):
        super().__init__()
        self.scope = scope

    def authenticate(self, request, token: str):
        if not tokens.looks_like_a_token(token):
            return None
        found = AccessToken.objects.usable().select_related("user").filter(digest=tokens.digest(token)).first()
        if found is None:
            return None
        if not found.allows(self.scope):
            raise HttpError(403, _("This token does not have the scope %(scope)s.") % {"scope": self.scope})
        now = timezone.now()
        if found.last_used_at is None or found.last_used_at < now - LAST_USED_PRECISION:
            AccessToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found


def token_user(request):
    """The person the token speaks for (``request.auth`` is their token)."""
    if request.auth is None:
        raise AuthenticationError
    return request.auth.user
