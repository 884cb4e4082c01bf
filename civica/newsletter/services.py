"""The newsletter's writes: subscribe (double opt-in), confirm, change preferences, unsubscribe.

``subscribe`` records the request (a ``Consent`` row with the lists and the wording version) and queues
the confirmation e-mail, whatever the address's state: the page after it is the same for a new, a
pending, a confirmed and an unsubscribed address, so it tells nobody whether an address is on a list.
Only ``confirm`` (the signed link from that e-mail) makes subscriptions and lets anything else be sent.
E-mails go out after the commit (``tasks``).

Campaigns (editors): create and edit a draft, add, edit, remove and reorder its blocks, schedule it,
cancel a schedule, send it now (``sending.start``) and send a test to oneself. Scheduling, cancelling
and sending are recorded in the audit log."""

from enum import Enum

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.audit.services import record
from civica.core import refusals
from civica.core.transitions import move

from . import sending, tasks
from .mail import campaign_message, render_campaign
from .models import (
    CONSENT_WORDING_VERSION,
    Block,
    Campaign,
    CampaignStatus,
    Consent,
    ConsentAction,
    NewsletterList,
    Subscriber,
    Subscription,
)
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


# --- Campaigns (editors; every function checks the permission itself) -----------------------------

CAMPAIGN_FIELDS = frozenset({"newsletter_list", "subject_ro", "subject_en", "is_fictional"})
BLOCK_FIELDS = frozenset({"title_ro", "title_en", "text_ro", "text_en", "count"})


def _editable(campaign):
    if not campaign.is_editable:
        raise ValidationError(_("Only a draft campaign can be changed: cancel its schedule first."))


def _set(obj, fields, allowed):
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"not editable here: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


def campaign_create(*, by, **fields) -> Campaign:
    refusals.check(by, "newsletter.edit_campaign", None)
    campaign = Campaign(created_by=by if by.is_authenticated else None)
    _set(campaign, fields, CAMPAIGN_FIELDS)
    campaign.full_clean()
    campaign.save()
    return campaign


@transaction.atomic
def campaign_update(*, campaign, by, **fields) -> Campaign:
    refusals.check(by, "newsletter.edit_campaign", campaign)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    _editable(campaign)
    _set(campaign, fields, CAMPAIGN_FIELDS)
    campaign.full_clean()
    campaign.save()
    return campaign


@transaction.atomic
def block_add(*, campaign, by, kind, articles=(), **fields) -> Block:
    """A block at the end of the campaign."""
    refusals.check(by, "newsletter.edit_campaign", campaign)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    _editable(campaign)
    last = campaign.blocks.order_by("-position").values_list("position", flat=True).first()
    block = Block(campaign=campaign, kind=kind, position=0 if last is None else last + 1)
    _set(block, fields, BLOCK_FIELDS)
    block.full_clean()
    block.save()
    block.articles.set(articles)
    return block


@transaction.atomic
def block_update(*, block, by, articles=None, **fields) -> Block:
    refusals.check(by, "newsletter.edit_campaign", block.campaign)
    _editable(Campaign.objects.select_for_update().get(pk=block.campaign_id))
    _set(block, fields, BLOCK_FIELDS)
    block.full_clean()
    block.save()
    if articles is not None:
        block.articles.set(articles)
    return block


@transaction.atomic
def block_remove(*, block, by) -> None:
    refusals.check(by, "newsletter.edit_campaign", block.campaign)
    _editable(Campaign.objects.select_for_update().get(pk=block.campaign_id))
    block.delete()


@transaction.atomic
def block_move(*, block, by, up) -> None:
    """Swap the block with the one before (``up``) or after it; nothing at either end."""
    refusals.check(by, "newsletter.edit_campaign", block.campaign)
    campaign = Campaign.objects.select_for_update().get(pk=block.campaign_id)
    _editable(campaign)
    blocks = list(campaign.blocks.order_by("position", "id"))
    index = next(i for i, item in enumerate(blocks) if item.pk == block.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(blocks):
        return
    blocks[index], blocks[other] = blocks[other], blocks[index]
    for position, item in enumerate(blocks):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


def _has_blocks(locked):
    if not locked.blocks.exists():
        raise ValidationError(_("Add at least one block before sending the campaign."))


@transaction.atomic
def campaign_schedule(*, campaign, by, at) -> Campaign:
    """Sent by the queue at ``at`` (a moment to come)."""
    if at <= timezone.now():
        raise ValidationError({"scheduled_at": _("Choose a moment to come, or send now.")})

    def record_move(locked):
        locked.status = CampaignStatus.SCHEDULED
        locked.scheduled_at = at

    campaign = move(campaign, to=CampaignStatus.SCHEDULED, by=by, check=_has_blocks, record=record_move,
                    fields=["status", "scheduled_at"])
    record(by=by, action="newsletter.campaign.schedule", target=campaign,
           summary=f"scheduled for {timezone.localtime(at):%Y-%m-%d %H:%M}",
           changes={"scheduled_at": [None, at]})
    return campaign


@transaction.atomic
def campaign_cancel(*, campaign, by) -> Campaign:
    """A scheduled campaign back to draft: not sent at its time."""
    before = campaign.scheduled_at

    def record_move(locked):
        locked.status = CampaignStatus.DRAFT
        locked.scheduled_at = None

    campaign = move(campaign, to=CampaignStatus.DRAFT, by=by, record=record_move, fields=["status", "scheduled_at"])
    record(by=by, action="newsletter.campaign.cancel", target=campaign, summary="schedule cancelled",
           changes={"scheduled_at": [before, None]})
    return campaign


@transaction.atomic
def campaign_send_now(*, campaign, by) -> Campaign:
    """Start sending now (from draft or scheduled): the queue lists the recipients and sends in batches."""
    refusals.check(by, "newsletter.send_campaign", campaign)
    _has_blocks(campaign)
    return sending.start(campaign, by=by, summary="sent now")


def campaign_send_test(*, campaign, by) -> None:
    """The campaign as it stands, in the editor's language, to the editor's own address, once, marked as
    a test; its links are the editor's own subscriber's when they have one (otherwise they lead to the
    "link not valid" page). No delivery is recorded."""
    refusals.check(by, "newsletter.send_campaign", campaign)
    language = getattr(by, "language", "") or settings.LANGUAGE_CODE
    subscriber = (Subscriber.objects.filter(email__iexact=by.email).first()
                  or Subscriber(pk=0, email=normalise_email(by.email), language=language))
    subscriber.language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    message = campaign_message(render_campaign(campaign, subscriber.language), subscriber, test=True)
    message.to = [by.email]
    message.send()
