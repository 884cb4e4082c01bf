"""Notifications' background work (civica.queue): the e-mails of notifications as they happen, and the
daily digest, which ``celery -A config beat`` runs every morning (CELERY_BEAT_SCHEDULE; the
``send_digests`` command does the same by hand). Each e-mail is sent once: a notification by its id, a
digest by the notifications it carries."""

import hashlib

from django.utils import timezone, translation
from django.utils.translation import ngettext

from civica.accounts.models import EmailFrequency
from civica.queue.delivery import once
from civica.queue.tasks import background_task

from .mail import pending_digests, send_notifications_mail
from .models import Notification


@background_task
def send_immediately(notification_ids) -> int:
    sent = 0
    for notification in Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True).select_related(
        "recipient"
    ):
        if notification.recipient.email_frequency != EmailFrequency.IMMEDIATELY:
            continue
        if once(f"notifications.notification:{notification.pk}",
                lambda notification=notification: send_notifications_mail(
                    notification.recipient, notification.message, [notification])):
            sent += 1
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return sent


@background_task
def send_digests() -> int:
    """One ``send_digest`` task per person who chose the daily digest and has something new."""
    people = pending_digests()
    for person_id, notification_ids in people.items():
        send_digest.delay(person_id, notification_ids)
    return len(people)


@background_task
def send_digest(person_id, notification_ids) -> bool:
    items = list(Notification.objects.filter(pk__in=notification_ids, recipient_id=person_id,
                                             recipient__is_active=True)
                 .select_related("recipient").order_by("created_at"))
    if not items:
        return False
    person = items[0].recipient
    key = "notifications.digest:" + hashlib.sha256(",".join(map(str, sorted(notification_ids))).encode()).hexdigest()

    def send():
        with translation.override(person.language):
            subject = ngettext("Your daily digest: %(count)s new item", "Your daily digest: %(count)s new items",
                               len(items)) % {"count": len(items)}
        send_notifications_mail(person, subject, items)

    sent = once(key, send)
    Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=timezone.now())
    return sent
