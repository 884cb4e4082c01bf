"""The newsletter's writes: subscribe (double opt-in), confirm, change preferences, unsubscribe.

``subscribe`` records the request (a ``Consent`` row with the lists and the wording version) and queues
the confirmation e-mail, whatever the address's state: the page after it is the same for a new, a
pending, a confirmed and an unsubscribed address, so it tells nobody whether an address is on a list.
Only ``confirm`` (the signed link from that e-mail) makes subscriptions and lets anything else be sent.
E-mails go out after the commit (``tasks``)."""

from enum import Enum

from django.db import transaction
from django.utils import timezone

from . import tasks
from .models import CONSENT_WORDING_VERSION, Consent, ConsentAction, NewsletterList, Subscriber, Subscription
from .tokens import Expired, consent_id_from_confirm_token, subscriber_id_from_preferences_token


class Confirmation(Enum):
    CONFIRMED = "confirmed"
    USED = "used"
    EXPIRED = "expired"
    INVALID = "invalid"


def normalise_email(email: str) -> str:
    return email.strip().lower()


@transaction.atomic
def subscribe(*, email, lists, language, send=True, by=None) -> Subscriber:
    """Record a request to subscribe ``email`` to ``lists`` (``NewsletterList`` rows; the first list
    when empty) and queue its confirmation e-mail (unless ``send`` is false: the per-address rate limit
    was reached). ``by`` is the signed-in person, whose account the subscriber joins when the address
    is theirs."""
    email = normalise_email(email)
    lists = list(lists) or list(NewsletterList.objects.all()[:1])
    subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    if subscriber is None:
        subscriber = Subscriber.objects.create(email=email, language=language)
    if by is not None and by.is_authenticated and normalise_email(by.email) == email and subscriber.user_id is None:
        subscriber.user = by
        subscriber.save(update_fields=["user"])
    consent = Consent.objects.create(
        subscriber=subscriber,
        action=ConsentAction.SUBSCRIBE,
        lists=[item.slug for item in lists],
        wording_version=CONSENT_WORDING_VERSION,
        language=language,
    )
    if send:
        tasks.send_confirmation.delay_on_commit(consent.pk)
    return subscriber


@transaction.atomic
def confirm(*, token) -> tuple[Confirmation, Subscriber | None]:
    """Confirm the request the token names: subscriptions to its lists, the subscriber confirmed (and
    subscribed again if they had left), a ``confirm`` consent row, a welcome e-mail queued. A token
    used before, expired or altered changes nothing."""
    try:
        consent_id = consent_id_from_confirm_token(token)
    except Expired:
        return Confirmation.EXPIRED, None
    consent = (
        Consent.objects.select_for_update()
        .select_related("subscriber")
        .filter(pk=consent_id, action=ConsentAction.SUBSCRIBE)
        .first()
        if consent_id
        else None
    )
    if consent is None:
        return Confirmation.INVALID, None
    subscriber = consent.subscriber
    if consent.used_at is not None:
        return Confirmation.USED, subscriber
    now = timezone.now()
    consent.used_at = now
    consent.save(update_fields=["used_at"])
    subscriber.confirmed_at = subscriber.confirmed_at or now
    subscriber.unsubscribed_at = None
    subscriber.language = consent.language
    subscriber.save(update_fields=["confirmed_at", "unsubscribed_at", "language"])
    for newsletter_list in NewsletterList.objects.filter(slug__in=consent.lists):
        Subscription.objects.get_or_create(subscriber=subscriber, newsletter_list=newsletter_list)
    Consent.objects.create(
        subscriber=subscriber,
        action=ConsentAction.CONFIRM,
        lists=consent.lists,
        wording_version=consent.wording_version,
        language=consent.language,
    )
    tasks.send_welcome.delay_on_commit(subscriber.pk)
    return Confirmation.CONFIRMED, subscriber


def subscriber_from_token(token) -> Subscriber | None:
    subscriber_id = subscriber_id_from_preferences_token(token)
    return Subscriber.objects.filter(pk=subscriber_id).first() if subscriber_id else None


@transaction.atomic
def preferences_save(*, subscriber, lists, language, by=None) -> None:
    """The subscriber's lists become exactly ``lists`` and their e-mails' language ``language``; no list
    at all is unsubscribing. Only a confirmed subscriber changes lists (the preference page of one who
    never confirmed changes the language only). The row is locked and read again, so a one-click
    unsubscribe at the same moment is never undone halfway nor recorded twice."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    subscriber.language = language
    subscriber.save(update_fields=["language"])
    if subscriber.confirmed_at is None:
        return
    if not lists:
        unsubscribe(subscriber=subscriber, by=by)
        return
    Subscription.objects.filter(subscriber=subscriber).exclude(newsletter_list__in=lists).delete()
    for newsletter_list in lists:
        Subscription.objects.get_or_create(subscriber=subscriber, newsletter_list=newsletter_list)
    if subscriber.unsubscribed_at is not None:  # back on a list from the page its e-mail linked to
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["unsubscribed_at"])
        Consent.objects.create(
            subscriber=subscriber,
            action=ConsentAction.CONFIRM,
            lists=[item.slug for item in lists],
            wording_version=CONSENT_WORDING_VERSION,
            language=language,
        )


@transaction.atomic
def unsubscribe(*, subscriber, by=None) -> None:
    """From everything (one-click, RFC 8058): the subscriptions go, the subscriber stays as unsubscribed
    with the consent record. Unsubscribing twice, even at the same instant, records it once (the row
    is locked and read again)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    Subscription.objects.filter(subscriber=subscriber).delete()
    if subscriber.unsubscribed_at is not None:
        return
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["unsubscribed_at"])
    Consent.objects.create(subscriber=subscriber, action=ConsentAction.UNSUBSCRIBE, language=subscriber.language)


def erase(*, email, by=None) -> int:
    """Delete the subscriber with ``email`` and their consent records (an erasure request); the count."""
    deleted, _counts = Subscriber.objects.filter(email__iexact=normalise_email(email)).delete()
    return deleted
