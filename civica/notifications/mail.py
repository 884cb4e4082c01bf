"""The notifications' e-mails: one notification, or the daily digest of several, each with a signed
one-click unsubscribe link (sent by tasks.py)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from civica.accounts.models import EmailFrequency
from civica.core.mail import send_in_language

from .models import Notification

UNSUBSCRIBE_SALT = "civica.notifications.unsubscribe"


def unsubscribe_token(user) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def _absolute(path):
    return f"{settings.CIVICA_BASE_URL}{path}"


def send_notifications_mail(person, subject, notifications):
    """The e-mail of ``notifications`` (one, or a digest), with the one-click unsubscribe link."""
    with translation.override(person.language):
        unsubscribe = _absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(person)]))
    send_in_language(person, "notifications/email/notifications.txt", lambda: {
        "items": [(n.message, _absolute(n.url)) for n in notifications],
        "unsubscribe": unsubscribe, "settings_url": _absolute(reverse("accounts:profile")),
    }, subject=f"[Civica] {subject}", headers={
        "List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"})


def pending_digests() -> dict[int, list[int]]:
    """For each person who chose the daily digest, the ids of the notifications not e-mailed yet."""
    pending = (Notification.objects.filter(emailed_at__isnull=True, recipient__email_frequency=EmailFrequency.DAILY,
                                           recipient__is_active=True)
               .order_by("recipient_id", "created_at").values_list("recipient_id", "pk"))
    by_person = {}
    for person_id, notification_id in pending:
        by_person.setdefault(person_id, []).append(notification_id)
    return by_person


