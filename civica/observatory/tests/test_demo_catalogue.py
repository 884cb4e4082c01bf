"""The demo catalogue: the frameworks' structure, the centre's own indicators with the plan's targets, the
only values the seeds give, published; loading twice duplicates nothing, and the open data shows them."""

import json
from decimal import Decimal

import pytest

from civica.observatory.demo import catalogue as demo_catalogue
from civica.observatory.models import Dimension, Framework, Indicator, IndicatorValue

pytestmark = pytest.mark.django_db


def test_the_demo_catalogue(client):
    logged = []
    demo_catalogue.load(logged.append)
    demo_catalogue.load(logged.append)
    assert list(Framework.objects.values_list("slug", flat=True)) == ["culture-2030", "cities-monitor", "mesoc", "own"]
    culture = Framework.objects.get(slug="culture-2030")
    assert [dimension.indicators.count() for dimension in culture.dimensions.all()] == [5, 7, 5, 5]
    assert Indicator.objects.get(code="c2030-21").name_en == "Cultural participation"
    assert Indicator.objects.get(code="c2030-1").sdg_targets == "11.4"
    monitor = Framework.objects.get(slug="cities-monitor")
    assert list(monitor.dimensions.values_list("name_en", flat=True)) == [
        "Cultural vibrancy", "Creative economy", "Enabling environment"]
    assert monitor.indicators.count() == 29
    assert Dimension.objects.filter(framework__slug="mesoc").count() == 3
    media = Indicator.objects.get(code="own-media-partnerships")
    assert "3 parteneriate media la nivel național" in media.methodology_ro
    for indicator in Indicator.objects.all():
        indicator.full_clean()
    # The only values: the plan's budget totals, from the plan, published; nothing fictional.
    assert sorted(IndicatorValue.objects.values_list("indicator__code", "year", "value")) == [
        ("own-budget-expenses", 2021, Decimal("11151585.9000")), ("own-budget-income", 2021, Decimal("11155779.7500"))]
    assert set(Indicator.objects.published().values_list("code", flat=True)) == {"own-budget-income",
                                                                                  "own-budget-expenses"}
    assert not Indicator.objects.filter(illustrative=True).exists()
    page = client.get("/ro/observatory/data/").content.decode()
    assert "Venituri totale (buget operațional)" in page
    dataset = client.get("/ro/observatory/data/indicators/own-budget-income/").content.decode()
    assert "11.155.779,75" in dataset
    document = json.loads(client.get("/en/observatory/data/indicators/own-budget-income.json").content)
    assert document["rows"][0]["value"] == 11155779.75
