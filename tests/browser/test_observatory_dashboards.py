"""The observatory's dashboards (issue 19, point 4): axe-core reports nothing serious or critical on the
index, a dimension, an indicator (with a breakdown) and the diagnosis report, in Romanian and English,
at 390 px wide, and nothing runs off the screen (the SVG charts scale to it)."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations, describe_violations

pytestmark = pytest.mark.browser

LANGUAGES = ["ro", "en"]


@pytest.fixture
def dashboards(transactional_db, settings):
    from civica.network.tests.factories import OrganisationFactory
    from civica.observatory.models import Breakdown, IndicatorValue
    from civica.observatory.tests.factories import (
        DimensionFactory,
        PublishedIndicatorFactory,
        ReportFactory,
        ReportSectionFactory,
    )

    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    dimension = DimensionFactory(slug="participare", framework__slug="culture2030")
    spectators = PublishedIndicatorFactory(dimension=dimension, code="spectatori", unit="percent", decimals=1,
                                  breakdowns=[Breakdown.AGE], sdg_targets="11.4")
    for year in range(2012, 2022):
        IndicatorValue.objects.create(indicator=spectators, year=year, value=Decimal(year - 1990) + Decimal("0.5"))
        for group, share in (("15-24", 30), ("25-44", 45), ("65+", 12)):
            IndicatorValue.objects.create(indicator=spectators, year=year, breakdown=Breakdown.AGE, group=group,
                                          value=share + year % 5)
    organisations = PublishedIndicatorFactory(dimension=dimension, code="angajati")
    members = OrganisationFactory.create_batch(3)
    for year in (2020, 2021):
        for member in members[: 3 if year == 2020 else 2]:  # 2021: two organisations, withheld
            IndicatorValue.objects.create(indicator=organisations, year=year, organisation=member, value=12)
    report = ReportFactory(slug="diagnoza-2021", status="published", illustrative=True,
                           introduction_ro="Un text **fictiv**.", introduction_en="A **fictional** text.")
    section = ReportSectionFactory(report=report, narrative_ro="Narațiune.", narrative_en="Narrative.")
    section.indicators.set([spectators, organisations])


PATHS = ["/{language}/observatory/", "/{language}/observatory/dimensions/culture2030/participare/",
         "/{language}/observatory/indicators/spectatori/",
         "/{language}/observatory/indicators/spectatori/?breakdown=age&first_year=2015",
         "/{language}/observatory/reports/diagnoza-2021/"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dashboards_have_no_serious_axe_violation_and_fit_a_phone(live_server, dashboards, page, language):
    page.set_viewport_size({"width": 390, "height": 844})
    for path in PATHS:
        url = live_server.url + path.format(language=language)
        response = page.goto(url)
        assert response.ok, f"{url} answered {response.status}"
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("main h1")).to_be_visible()
        blocking = axe_violations(page)
        assert not blocking, f"axe found on {url}:\n{describe_violations(blocking)}"
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, f"{url} is {width} px wide at 390 px"
        for chart in page.locator("svg.chart").all()[:3]:
            box = chart.bounding_box()
            assert box is None or box["width"] <= 390, f"a chart of {url} is {box['width']} px wide"
