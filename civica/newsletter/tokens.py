"""The signed tokens in the newsletter's links (``django.core.signing``, the site's SECRET_KEY).

- Confirmation: a ``TimestampSigner`` over the subscribe request's ``Consent`` id; good for
  ``NEWSLETTER_CONFIRM_MAX_AGE`` seconds (3 days by default), and once (the row's ``used_at``).
- Preferences and unsubscribe: the subscriber's id, signed without expiry, since an e-mail's links must
  keep working as long as the e-mail is kept. Altered or foreign tokens read as ``None``."""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "civica.newsletter.confirm"
PREFERENCES_SALT = "civica.newsletter.preferences"


class Expired(Exception):
    pass


def confirm_token(consent) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(consent.pk))


def consent_id_from_confirm_token(token: str) -> int | None:
    """The id the token names; ``None`` when altered; raises ``Expired`` when past its age."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        value = signer.unsign(token, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE)
    except signing.SignatureExpired as expired:
        raise Expired from expired
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() and len(value) < 19 else None


def preferences_token(subscriber) -> str:
    return signing.dumps(subscriber.pk, salt=PREFERENCES_SALT)


def subscriber_id_from_preferences_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=PREFERENCES_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) and 0 < value < 2**63 else None
