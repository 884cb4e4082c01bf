"""The mail provider's reports (django-anymail's ``tracking`` signal, from its webhook at
``/anymail/<provider>/tracking/``): a hard bounce, a complaint or a rejection marks the subscriber
bounced (``Subscriber.bounced_at``), so no campaign is sent to that address again. A soft bounce
(a full mailbox, a server down for a while) changes nothing. With the SMTP default there is no webhook:
a message the server refuses is recorded as failed on its ``Delivery`` (``sending.send_batch``)."""

from anymail.signals import EventType
from django.utils import timezone

from .models import Subscriber

MARKING = {EventType.BOUNCED, EventType.COMPLAINED, EventType.REJECTED}
# Providers' own names of a temporary failure, reported as "bounced" by some of them (Postmark).
SOFT = {"SoftBounce", "Transient", "DnsError", "AutoResponder", "Blocked"}


def on_tracking(sender, event, esp_name, **kwargs) -> None:
    if event.event_type not in MARKING or not event.recipient:
        return
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    if event.event_type == EventType.BOUNCED and raw.get("Type") in SOFT:
        return
    mark_bounced(email=event.recipient)


def mark_bounced(*, email) -> int:
    """The subscriber with ``email`` bounced now (unless already); how many rows changed."""
    return Subscriber.objects.filter(email__iexact=email.strip(), bounced_at__isnull=True).update(
        bounced_at=timezone.now())
