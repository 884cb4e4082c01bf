"""Telling people what happened: on the site, and by e-mail as they happen or in a daily digest; and
following something to be told.

Messages are written in each recipient's language when the notification is created. E-mails
go out after the transaction commits; each carries a signed unsubscribe link that works
without logging in. Other apps call ``notify`` and ``follow_set``; whom to tell they read with
``selectors.followers``."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from civica.accounts.models import EmailFrequency
from civica.core import page_cache

from . import tasks
from .mail import UNSUBSCRIBE_SALT, unsubscribe_token  # noqa: F401 (the unsubscribe link's token)
from .models import Follow, Notification


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
    page_cache.person_changed(*seen)  # their unread count
    immediate = [n.pk for n in notifications if n.recipient.email_frequency == EmailFrequency.IMMEDIATELY]
    if immediate:
        tasks.send_immediately.delay_on_commit(immediate)
    return notifications


def follow_set(*, by, target, following: bool) -> None:
    if not by.has_perm("notifications.follow", target):
        raise PermissionDenied(_("Log in to follow."))
    target_type = ContentType.objects.get_for_model(target)
    if following:
        Follow.objects.get_or_create(user=by, target_type=target_type, target_id=target.pk)
    else:
        Follow.objects.filter(user=by, target_type=target_type, target_id=target.pk).delete()


def user_from_unsubscribe_token(token):
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=pk).first()


def unsubscribe(user) -> None:
    user.email_frequency = EmailFrequency.NEVER
    user.save(update_fields=["email_frequency"])


def mark_read(*, by, notification_ids=None) -> int:
    unread = Notification.objects.filter(recipient=by, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read_at=timezone.now())

