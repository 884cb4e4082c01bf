"""A plan KPI takes its actual value from an observatory indicator (issue 19, point 5): the registry's
provider offers every published indicator as ``observatory.<code>``, the editors choose it in the KPI's
form, and the value at the end of the plan's period is the published city total of the latest year up
to it. A withheld aggregate or an unpublished indicator gives no value: the typed values stay."""

import datetime
from decimal import Decimal

import pytest

from civica.accountability import registry, selectors
from civica.accountability.models import Indicator as Kpi
from civica.accountability.tests.factories import make_plan
from civica.network.tests.factories import OrganisationFactory
from civica.observatory.live_sources import published_total_at
from civica.observatory.models import Breakdown, Framework, Indicator, IndicatorValue, Unit

pytestmark = pytest.mark.django_db


def _indicator(code="own-followers", *, published=True):
    framework, _ = Framework.objects.get_or_create(slug="own", defaults={"name_ro": "Indicatorii centrului"})
    return Indicator.objects.create(code=code, framework=framework, name_ro="Urmăritori", name_en="Followers",
                                    definition_ro="Urmăritori pe rețele.", unit=Unit.COUNT, is_published=published)


def _kpi(plan, source):
    kpi = Kpi.objects.get(plan=plan)  # typed: 2100 on 30 June
    kpi.live_source = source
    kpi.save()
    return kpi


def test_published_indicators_are_live_sources_and_unpublished_ones_are_not():
    _indicator("own-followers")
    _indicator("own-draft", published=False)
    sources = registry.all_live_sources()
    assert "observatory.own-followers" in sources and "observatory.own-draft" not in sources
    assert "newsletter.confirmed_subscribers" in sources  # the sources registered one by one stay
    assert registry.live_source("observatory.own-followers").label == "Observator: own-followers Urmăritori"
    assert registry.live_source("observatory.own-draft") is None
    assert registry.live_source("observatory.nothing") is None and registry.live_source("") is None


def test_the_value_is_the_published_total_of_the_latest_year_up_to_the_date():
    indicator = _indicator()
    IndicatorValue.objects.create(indicator=indicator, year=2019, value=Decimal(1500))
    IndicatorValue.objects.create(indicator=indicator, year=2021, value=Decimal(2600))
    IndicatorValue.objects.create(indicator=indicator, year=2023, value=Decimal(4000))
    IndicatorValue.objects.create(indicator=indicator, year=2021, breakdown=Breakdown.AGE, group="15-24",
                                  value=Decimal(900))  # a group, not the city's total
    assert published_total_at(indicator, datetime.date(2018, 12, 31)) is None
    assert published_total_at(indicator, datetime.date(2020, 12, 31)) == Decimal(1500)
    assert published_total_at(indicator, datetime.date(2022, 6, 30)) == Decimal(2600)
    assert published_total_at(indicator, datetime.date(2030, 1, 1)) == Decimal(4000)


def test_a_withheld_aggregate_is_no_value(settings):
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    indicator = _indicator()
    IndicatorValue.objects.create(indicator=indicator, year=2020, value=Decimal(100))
    for organisation in OrganisationFactory.create_batch(2):  # too few to publish 2021
        IndicatorValue.objects.create(indicator=indicator, year=2021, organisation=organisation, value=Decimal(7))
    assert published_total_at(indicator, datetime.date(2021, 12, 31)) == Decimal(100)


def test_a_kpi_takes_its_actual_from_the_indicator(client):
    plan = make_plan(year=2021)
    indicator = _indicator()
    IndicatorValue.objects.create(indicator=indicator, year=2021, value=Decimal(2750))
    kpi = _kpi(plan, "observatory.own-followers")
    found = {item.pk: item for item in selectors.indicators_with_values(plan)}[kpi.pk]
    assert found.latest.live and found.latest.date == datetime.date(2021, 12, 31)
    assert found.latest.value == Decimal(2750)
    assert found.share == Decimal(2750) / Decimal(3000)
    page = client.get(f"/en/plans/{plan.year}/").content.decode()
    assert "2,750" in page or "2750" in page


def test_a_kpi_whose_indicator_has_no_value_yet_keeps_its_typed_values():
    plan = make_plan(year=2021)
    _indicator()
    kpi = _kpi(plan, "observatory.own-followers")
    found = {item.pk: item for item in selectors.indicators_with_values(plan)}[kpi.pk]
    assert found.latest.value == Decimal("2100") and not getattr(found.latest, "live", False)


def test_the_editors_choose_the_indicator_in_the_kpis_form(client, make_user):
    plan = make_plan(year=2021)
    _indicator()
    kpi = Kpi.objects.get(plan=plan)
    client.force_login(make_user("editor"))
    url = f"/en/plans/manage/{plan.slug}/indicator/{kpi.pk}/"
    form = client.get(url).content.decode()
    assert 'value="observatory.own-followers"' in form and "Observatory: own-followers Followers" in form
    response = client.post(url, {"name_ro": kpi.name_ro, "unit_ro": kpi.unit_ro, "target": "3000",
                                 "live_source": "observatory.own-followers"})
    assert response.status_code == 302
    kpi.refresh_from_db()
    assert kpi.live_source == "observatory.own-followers"
    refused = client.post(url, {"name_ro": kpi.name_ro, "unit_ro": kpi.unit_ro, "target": "3000",
                                "live_source": "observatory.not-an-indicator"})
    assert refused.status_code == 200 and "not one of the available choices" in refused.content.decode()


def test_a_provider_registered_for_a_while_is_asked_on_demand():
    calls = []

    def sources():
        calls.append(1)
        return {"test.one": registry.LiveSource("One", lambda day: Decimal(1))}

    with registry.live_source_provider_registered("test.", sources):
        assert registry.live_source("test.one").value_at(datetime.date(2021, 1, 1)) == Decimal(1)
        assert registry.live_source("newsletter.confirmed_subscribers") is not None
        assert calls == [1]  # a key of another prefix does not ask it
    assert registry.live_source("test.one") is None
