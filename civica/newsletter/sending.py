"""Sending a campaign through the task queue, each subscriber once.

1. ``start`` (a campaign moved to "sending" by an editor or, at its time, by ``start_due``) fixes the
   e-mail as it will be sent (``Campaign.rendered``, per language) and queues ``enqueue``.
2. ``enqueue`` makes one ``Delivery`` row per recipient: confirmed, on the campaign's list, not
   unsubscribed, not bounced. Subscribers are taken in id order, ``CHUNK`` at a time, each chunk copied
   by one ``INSERT … SELECT … ON CONFLICT DO NOTHING`` against the unique (campaign, subscriber) pair
   (what ``bulk_create(ignore_conflicts=True)`` does, without a Python object per row): memory stays
   bounded whatever the list's size and a second run (a redelivered task) adds nobody twice. Then it starts
   ``CIVICA_NEWSLETTER_PARALLEL`` chains of batches.
3. ``send_batch`` sends up to ``BATCH`` messages over one SMTP connection. Each delivery is claimed in
   a transaction of its own (``select_for_update(skip_locked=True)``: two batches never take the same
   row), sent, marked sent (or failed with the mail server's refusal, or skipped when the subscriber
   left meanwhile) and committed before the next. A worker killed mid-batch rolls back only the
   message it had not finished: that delivery is still pending and is sent later, the ones committed
   are never sent again. (As for every e-mail, the one moment not covered is the mail server's
   acceptance of a message and the commit after it; see ``civica.queue.delivery``.) The batch then
   queues the next one of its chain with a countdown that keeps the chain to its share of
   ``CIVICA_NEWSLETTER_RATE`` (messages per second), or, with nothing pending, marks the campaign sent.
4. ``resume`` (beat, every few minutes) picks up a campaign still "sending" whose batches stopped (a
   worker killed, a message lost): it lists the recipients again if that never finished and starts its
   chains again. Extra chains are harmless: they find nothing to claim.
Moves of the status made by the queue itself use ``QUEUE`` as the actor. The tasks are at the end
(``tasks.py`` imports them, so the queue finds them there too); the beat runs ``start_due_campaigns``
every minute and ``resume_campaigns`` every five (``CELERY_BEAT_SCHEDULE``)."""

import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from civica.audit.services import record
from civica.core.transitions import MoveNotPossible, move
from civica.queue.tasks import background_task

from .mail import campaign_message, links, render_campaign
from .models import Campaign, CampaignStatus, Delivery, DeliveryStatus, Subscriber, Subscription

CHUNK = 5000  # subscriber ids read and rows inserted at a time
BATCH = 100  # messages a batch task sends over one connection


class _Queue:
    """The actor of the moves the queue makes by itself (a due campaign starts, a finished one is sent)."""

    is_authenticated = False
    pk = None

    def has_perm(self, permission, obj=None):
        return permission == "newsletter.send_campaign"


QUEUE = _Queue()


def rate() -> float:
    return float(getattr(settings, "CIVICA_NEWSLETTER_RATE", 50) or 0)


def parallel() -> int:
    return max(1, int(getattr(settings, "CIVICA_NEWSLETTER_PARALLEL", 2)))


def render_all(campaign) -> dict:
    return {language: render_campaign(campaign, language) for language, _name in settings.LANGUAGES}


def start(campaign, *, by, summary) -> Campaign:
    """Move ``campaign`` to "sending" (from draft or scheduled), fix its e-mail and queue ``enqueue``
    after the commit. Raises ``MoveNotPossible`` when it is not in a status that may start."""
    def record_move(locked):
        locked.status = CampaignStatus.SENDING
        locked.rendered = render_all(locked)
        locked.progress_at = timezone.now()

    with transaction.atomic():
        campaign = move(campaign, to=CampaignStatus.SENDING, by=by, record=record_move,
                        fields=["status", "rendered", "progress_at"], timestamp="started_at")
        record(by=by, action="newsletter.campaign.send", target=campaign, summary=summary)
        enqueue_campaign.delay_on_commit(campaign.pk)
    return campaign


def start_due(now=None) -> int:
    """Start every scheduled campaign whose time has come; how many started."""
    now = now or timezone.now()
    started = 0
    for campaign in Campaign.objects.filter(status=CampaignStatus.SCHEDULED, scheduled_at__lte=now):
        try:
            start(campaign, by=QUEUE, summary="started at its scheduled time")
        except MoveNotPossible:  # cancelled or started meanwhile
            continue
        started += 1
    return started


def recipients(campaign):
    return Subscriber.objects.receiving().filter(subscriptions__newsletter_list_id=campaign.newsletter_list_id)


def enqueue(campaign_id) -> int:
    """List the campaign's recipients as pending deliveries (idempotent), then start its chains; the
    number of rows inserted now."""
    campaign = Campaign.objects.filter(pk=campaign_id, status=CampaignStatus.SENDING).first()
    if campaign is None:
        return 0
    inserted, last = 0, 0
    if campaign.recipients_listed_at is None:
        ids = recipients(campaign).order_by("pk").values_list("pk", flat=True)
        while True:
            # The chunk's last id (one query); its rows are copied by the database itself.
            end = ids.filter(pk__gt=last)[CHUNK - 1 : CHUNK].first()
            inserted += _insert_pending(campaign.pk, ids.filter(pk__gt=last, **({"pk__lte": end} if end else {})))
            if end is None:
                break
            last = end
        Campaign.objects.filter(pk=campaign.pk).update(recipients_listed_at=timezone.now())
    dispatch(campaign.pk)
    return inserted


def _insert_pending(campaign_id, subscriber_ids) -> int:
    """``INSERT … SELECT … ON CONFLICT DO NOTHING``: a pending delivery for each of ``subscriber_ids`` (a
    queryset of ids) that has none, in one statement; the rows inserted. (``bulk_create`` with
    ``ignore_conflicts`` does the same from Python objects, five times slower at 300,000 rows.)"""
    select, params = subscriber_ids.values("pk").query.sql_with_params()
    table = connection.ops.quote_name(Delivery._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (campaign_id, subscriber_id, status, error, sent_at) "  # noqa: S608 (our own SQL)
            f"SELECT %s, chunk.pk, %s, '', NULL FROM ({select}) chunk WHERE true "
            "ON CONFLICT (campaign_id, subscriber_id) DO NOTHING",
            [campaign_id, DeliveryStatus.PENDING, *params])
        return max(cursor.rowcount, 0)


def dispatch(campaign_id) -> None:
    """Start the campaign's chains of batches."""
    for _chain in range(parallel()):
        send_campaign_batch.delay(campaign_id)


class _Claimed:
    """A claimed delivery: its id, its subscriber (a model instance) and whether they are still on the list."""

    __slots__ = ("id", "subscriber", "on_list")

    def __init__(self, delivery_id, subscriber, on_list):
        self.id, self.subscriber, self.on_list = delivery_id, subscriber, bool(on_list)


def _claim_sql() -> str:
    """The claim as one SQL statement, written once: the ORM's query building cost more than the query
    itself at a message's scale (a third of the sender's time), and a send is one claim per message."""
    quote = connection.ops.quote_name
    columns = [field.column for field in Subscriber._meta.concrete_fields]
    lock = " FOR UPDATE OF d SKIP LOCKED" if connection.features.has_select_for_update_skip_locked else ""
    return (
        f"SELECT d.id, {', '.join('s.' + quote(column) for column in columns)}, "  # noqa: S608 (our own SQL)
        f"EXISTS (SELECT 1 FROM {quote(Subscription._meta.db_table)} l "
        "WHERE l.subscriber_id = d.subscriber_id AND l.newsletter_list_id = %s) "
        f"FROM {quote(Delivery._meta.db_table)} d JOIN {quote(Subscriber._meta.db_table)} s "
        "ON s.id = d.subscriber_id WHERE d.campaign_id = %s AND d.status = %s ORDER BY d.id LIMIT 1" + lock)


def _claim(campaign):
    """The next pending delivery of ``campaign``, locked until the transaction ends (a row another batch
    holds is skipped: two batches never take the same one); None when none is left."""
    with connection.cursor() as cursor:
        cursor.execute(_claim_sql(), [campaign.newsletter_list_id, campaign.pk, DeliveryStatus.PENDING])
        row = cursor.fetchone()
    if row is None:
        return None
    names = [field.attname for field in Subscriber._meta.concrete_fields]
    subscriber = Subscriber.from_db(connection.alias, names, row[1:-1])
    return _Claimed(row[0], subscriber, row[-1])


def _mark(delivery_id, *, status, sent_at=None, error="") -> None:
    Delivery.objects.filter(pk=delivery_id).update(status=status, sent_at=sent_at, error=error)


def _commit_without_waiting_for_the_disk() -> None:
    """PostgreSQL: this transaction's commit does not wait for its WAL to reach the disk (it is visible to
    everyone at once all the same, so a killed worker changes nothing). Only a crash of the database
    server itself could lose the last fraction of a second of "sent" marks, and those few messages would
    be sent again: the price of not waiting for a disk flush per message."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def send_batch(campaign_id, *, size=None) -> int:
    """Send up to ``size`` (``BATCH``) pending deliveries of the campaign, then queue the chain's next
    batch or finish the campaign; the number of messages sent."""
    size = size or BATCH
    campaign = Campaign.objects.filter(pk=campaign_id, status=CampaignStatus.SENDING).first()
    if campaign is None:
        return 0
    began, sent, claimed, cache = time.monotonic(), 0, 0, {}
    mail_connection = get_connection()
    mail_connection.open()
    try:
        while claimed < size:
            with transaction.atomic():
                _commit_without_waiting_for_the_disk()
                delivery = _claim(campaign)
                if delivery is None:
                    break
                claimed += 1
                subscriber = delivery.subscriber
                if not (subscriber.is_receiving and delivery.on_list):
                    _mark(delivery.id, status=DeliveryStatus.SKIPPED)
                    continue
                rendered = campaign.rendered.get(subscriber.language) or campaign.rendered[settings.LANGUAGE_CODE]
                message = campaign_message(rendered, subscriber, found=links(subscriber, cache=cache),
                                           connection=mail_connection)
                try:
                    message.send()
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as refused:
                    # The server refused this message (a bad address): recorded, not retried.
                    _mark(delivery.id, status=DeliveryStatus.FAILED, error=str(refused)[:2000])
                else:
                    _mark(delivery.id, status=DeliveryStatus.SENT, sent_at=timezone.now())
                    sent += 1
    finally:
        mail_connection.close()
    Campaign.objects.filter(pk=campaign_id).update(progress_at=timezone.now())
    if claimed < size:
        finish(campaign_id)
    else:
        pace = rate()
        wait = max(0.0, size * parallel() / pace - (time.monotonic() - began)) if pace else 0
        send_campaign_batch.apply_async((campaign_id,), countdown=wait)
    return sent


def finish(campaign_id) -> bool:
    """Mark the campaign sent when every recipient is listed and none is pending; True when it was now."""
    campaign = Campaign.objects.filter(pk=campaign_id, status=CampaignStatus.SENDING,
                                       recipients_listed_at__isnull=False).first()
    if campaign is None or campaign.deliveries.filter(status=DeliveryStatus.PENDING).exists():
        return False
    with transaction.atomic():
        try:
            campaign = move(campaign, to=CampaignStatus.SENT, by=QUEUE, timestamp="sent_at",
                            check=lambda locked: _none_pending(locked))
        except MoveNotPossible:  # another batch finished it first
            return False
        counts = dict(campaign.deliveries.values_list("status").annotate(n=Count("id")).order_by())
        record(by=QUEUE, action="newsletter.campaign.sent", target=campaign,
               summary=", ".join(f"{status}: {count}" for status, count in sorted(counts.items())))
    return True


def _none_pending(locked):
    if locked.deliveries.filter(status=DeliveryStatus.PENDING).exists():
        raise MoveNotPossible("pending deliveries")


def resume(*, stalled_after=None) -> int:
    """Start again every campaign "sending" that made no progress for ``stalled_after`` seconds
    (``CIVICA_NEWSLETTER_STALLED_AFTER``); how many."""
    seconds = getattr(settings, "CIVICA_NEWSLETTER_STALLED_AFTER", 600) if stalled_after is None else stalled_after
    stalled = Campaign.objects.filter(status=CampaignStatus.SENDING,
                                      progress_at__lte=timezone.now() - timedelta(seconds=seconds))
    count = 0
    for campaign_id in stalled.values_list("pk", flat=True):
        Campaign.objects.filter(pk=campaign_id).update(progress_at=timezone.now())
        enqueue_campaign.delay(campaign_id)
        count += 1
    return count


@background_task
def enqueue_campaign(campaign_id) -> int:
    return enqueue(campaign_id)


@background_task
def send_campaign_batch(campaign_id) -> int:
    return send_batch(campaign_id)


@background_task
def start_due_campaigns() -> int:
    return start_due()


@background_task
def resume_campaigns(stalled_after=None) -> int:
    return resume(stalled_after=stalled_after)
