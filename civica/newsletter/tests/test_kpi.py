"""The 2021 KPI "1.000 abonați" reads the confirmed subscribers at the end of the plan's period
(issue 15, point 5), through accountability's live sources: later confirmations, people who left or
bounced by then, and unconfirmed addresses do not count; typed values after the live date give way."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from civica.accountability import selectors
from civica.accountability.models import Indicator, IndicatorValue
from civica.accountability.tests.factories import make_plan
from civica.newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


def at(iso):
    return timezone.make_aware(datetime.datetime.fromisoformat(iso))


def test_the_subscribers_kpi_counts_confirmed_subscribers_at_the_end_of_the_period(client):
    plan = make_plan(year=2021)
    indicator = Indicator.objects.create(
        plan=plan,
        position=9,
        name_ro="Abonați în baza de date",
        name_en="Database subscribers",
        unit_ro="abonați",
        unit_en="subscribers",
        target=Decimal("1000"),
        live_source="newsletter.confirmed_subscribers",
    )
    IndicatorValue.objects.create(indicator=indicator, date="2021-06-30", value=Decimal("5"), illustrative=True)
    IndicatorValue.objects.create(indicator=indicator, date="2021-12-31", value=Decimal("999"), illustrative=True)
    Subscriber.objects.create(email="a@example.org", confirmed_at=at("2021-03-01T10:00"))
    Subscriber.objects.create(email="b@example.org", confirmed_at=at("2021-12-31T23:30"))
    Subscriber.objects.create(
        email="c@example.org", confirmed_at=at("2021-03-01T10:00"), unsubscribed_at=at("2022-02-01T10:00")
    )  # left after the period: counts
    Subscriber.objects.create(
        email="d@example.org", confirmed_at=at("2021-03-01T10:00"), unsubscribed_at=at("2021-05-01T10:00")
    )
    Subscriber.objects.create(
        email="e@example.org", confirmed_at=at("2021-03-01T10:00"), bounced_at=at("2021-05-01T10:00")
    )
    Subscriber.objects.create(email="f@example.org", confirmed_at=at("2022-01-01T00:30"))
    Subscriber.objects.create(email="g@example.org")  # never confirmed

    found = {item.pk: item for item in selectors.indicators_with_values(plan)}[indicator.pk]
    assert found.latest.live and found.latest.date == datetime.date(2021, 12, 31)
    assert found.latest.value == 3
    assert found.share == Decimal("0.003")
    page = client.get(f"/ro/plans/{plan.year}/").content.decode()
    assert "numărat în timp real" in page


def test_an_unknown_live_source_leaves_the_typed_values():
    plan = make_plan(year=2021)
    indicator = Indicator.objects.get(plan=plan)
    indicator.live_source = "nothing.registered"
    indicator.save()
    found = selectors.indicators_with_values(plan)[0]
    assert found.latest.value == Decimal("2100") and not getattr(found.latest, "live", False)
