"""The newsletter's reads: the count of confirmed subscribers at a date, the live source of the 2021
plan's KPI "1.000 abonați" (registered in ``apps.py`` with ``accountability.registry``)."""

import datetime
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from .models import Subscriber


def confirmed_subscribers_at(day: datetime.date) -> Decimal:
    """Subscribers confirmed by the end of ``day`` (Bucharest) and neither unsubscribed nor bounced by then."""
    end = timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time()))
    count = (
        Subscriber.objects.filter(confirmed_at__lt=end)
        .filter(Q(unsubscribed_at__isnull=True) | Q(unsubscribed_at__gte=end))
        .filter(Q(bounced_at__isnull=True) | Q(bounced_at__gte=end))
        .count()
    )
    return Decimal(count)
