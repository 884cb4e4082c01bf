"""Telling people what happened: on the site, and by e-mail as they happen or in a daily digest; and
following something to be told.

Messages are written in each recipient's language when the notification is created. E-mails
go out after the transaction commits; each carries a signed unsubscribe link that works
without logging in. Other apps call ``notify`` and ``follow_set``; whom to tell they read with
``selectors.followers``."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.accounts.models import EmailFrequency
from civica.core.mail import send_in_language

from .models import Follow, Notification

UNSUBSCRIBE_SALT = "civica.notifications.unsubscribe"


def notify(*, recipients, message, url, exclude=()) -> list[Notification]:
    """``message`` is a function returning the text; it is called in each recipient's language."""
    excluded = {person.pk for person in exclude if person is not None}
    people, seen = [], set()
    for person in recipients:
        if person is None or person.pk in excluded or person.pk in seen or not person.is_active:
            continue
        seen.add(person.pk)
        people.append(person)
    notifications = []
    for person in people:
        with translation.override(person.language):
            notifications.append(Notification(recipient=person, message=str(message())[:300], url=url))
    Notification.objects.bulk_create(notifications)
    immediate = [n.pk for n in notifications if n.recipient.email_frequency == EmailFrequency.IMMEDIATELY]
    if immediate:
        transaction.on_commit(lambda: send_immediately(immediate))
    return notifications


def follow_set(*, by, target, following: bool) -> None:
    if not by.has_perm("notifications.follow", target):
        raise PermissionDenied(_("Log in to follow."))
    target_type = ContentType.objects.get_for_model(target)
    if following:
        Follow.objects.get_or_create(user=by, target_type=target_type, target_id=target.pk)
    else:
        Follow.objects.filter(user=by, target_type=target_type, target_id=target.pk).delete()


def unsubscribe_token(user) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_from_unsubscribe_token(token):
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=pk).first()


def _absolute(path):
    return f"{settings.CIVICA_BASE_URL}{path}"


def _send(person, subject, notifications):
    with translation.override(person.language):
        unsubscribe = _absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(person)]))
    send_in_language(person, "notifications/email/notifications.txt", lambda: {
        "items": [(n.message, _absolute(n.url)) for n in notifications],
        "unsubscribe": unsubscribe, "settings_url": _absolute(reverse("accounts:profile")),
    }, subject=f"[Civica] {subject}", headers={
        "List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"})


def send_immediately(notification_ids) -> int:
    sent = 0
    for notification in Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True).select_related(
        "recipient"
    ):
        if notification.recipient.email_frequency != EmailFrequency.IMMEDIATELY:
            continue
        _send(notification.recipient, notification.message, [notification])
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


def send_digests() -> int:
    """One e-mail per person who chose the daily digest, with everything not e-mailed yet."""
    pending = (Notification.objects.filter(emailed_at__isnull=True, recipient__email_frequency=EmailFrequency.DAILY,
                                           recipient__is_active=True)
               .select_related("recipient").order_by("recipient_id", "created_at"))
    by_person = {}
    for notification in pending:
        by_person.setdefault(notification.recipient, []).append(notification)
    for person, items in by_person.items():
        with translation.override(person.language):
            subject = ngettext("Your daily digest: %(count)s new item", "Your daily digest: %(count)s new items",
                               len(items)) % {"count": len(items)}
        _send(person, subject, items)
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=timezone.now())
    return len(by_person)


def unsubscribe(user) -> None:
    user.email_frequency = EmailFrequency.NEVER
    user.save(update_fields=["email_frequency"])


def mark_read(*, by, notification_ids=None) -> int:
    unread = Notification.objects.filter(recipient=by, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read_at=timezone.now())

