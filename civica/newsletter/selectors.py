"""The newsletter's reads: the count of confirmed subscribers at a date, the live source of the 2021
plan's KPI "1.000 abonați" (registered in ``apps.py`` with ``accountability.registry``); the editors'
campaign list and one campaign; what a campaign's blocks show (news, meetings and calls are read from
their apps' models)."""

import datetime
from decimal import Decimal

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from civica.calls.models import Call
from civica.meetings.models import Meeting
from civica.news.models import Article

from .models import Campaign, DeliveryStatus, Subscriber


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


def campaign_list():
    """The editors' list: every campaign with its list, newest first, and its deliveries counted."""
    return (Campaign.objects.select_related("newsletter_list")
            .annotate(sent_count=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.SENT)),
                      pending_count=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.PENDING)))
            .order_by("-created_at", "-id"))


def campaign_for_editors(pk):
    return Campaign.objects.select_related("newsletter_list").filter(pk=pk).first()


def delivery_counts(campaign) -> dict:
    """{status: count} of a campaign's deliveries (one query)."""
    return dict(campaign.deliveries.values_list("status").annotate(count=Count("id")).order_by())


def campaign_blocks(campaign) -> list[dict]:
    """The campaign's blocks with what each shows now: a text block its texts, a news block its chosen
    articles that are visible, a meetings block the next published meetings, a calls block the calls
    open now (a fixed number of queries, whatever the blocks)."""
    blocks = list(campaign.blocks.prefetch_related(
        Prefetch("articles", queryset=Article.objects.visible().order_by("-published_at", "-id"))))
    wanted = {kind: max((block.count for block in blocks if block.kind == kind), default=0)
              for kind in ("meetings", "calls")}
    coming = Meeting.objects.published().not_cancelled().upcoming().order_by("starts_at", "id")
    meetings = list(coming[: wanted["meetings"]]) if wanted["meetings"] else []
    calls = (list(Call.objects.open_now().order_by("closes_at", "id")[: wanted["calls"]])
             if wanted["calls"] else [])
    shown = []
    for block in blocks:
        items = {"news": lambda block=block: list(block.articles.all()),
                 "meetings": lambda block=block: meetings[: block.count],
                 "calls": lambda block=block: calls[: block.count]}.get(block.kind, lambda: [])()
        shown.append({"block": block, "items": items})
    return shown
