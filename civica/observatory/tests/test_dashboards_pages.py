"""The observatory's public dashboards: what they show (published indicators only, withheld figures said,
never as 0), their charts and tables, the filters, and their cost in queries."""

from decimal import Decimal

import pytest

from civica.network.tests.factories import OrganisationFactory
from civica.observatory.models import Breakdown, IndicatorValue, ValueStatus
from civica.observatory.tests.factories import DimensionFactory, PublishedIndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dimension(settings):
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    return DimensionFactory(slug="participation", name_en="Inclusion and participation",
                            framework__slug="culture2030", framework__name_en="Culture|2030",
                            framework__name_ro="Culture|2030")


def add_values(indicator, years, *, organisations=None, value=Decimal(1000), **fields):
    for year in years:
        if organisations is None:
            IndicatorValue.objects.create(indicator=indicator, year=year, value=value + year, **fields)
        else:
            for organisation in organisations:
                IndicatorValue.objects.create(indicator=indicator, year=year, value=10, organisation=organisation,
                                              **fields)


def test_the_index_lists_published_indicators_by_framework_and_dimension(client, dimension):
    PublishedIndicatorFactory(dimension=dimension, name_en="Cultural participation")
    PublishedIndicatorFactory(dimension=DimensionFactory(framework=dimension.framework, name_en="Hidden dimension"),
                     is_published=False)
    page = client.get("/en/observatory/").content.decode()
    assert "Culture|2030" in page
    assert "Inclusion and participation" in page and "1 indicator" in page
    assert "Hidden dimension" not in page


def test_a_dimension_shows_each_indicator_with_its_latest_figure_chart_and_table(client, dimension):
    indicator = PublishedIndicatorFactory(dimension=dimension, name_en="Audiences", unit="lei")
    add_values(indicator, [2019, 2020])
    organisations = OrganisationFactory.create_batch(2)
    add_values(indicator, [2021], organisations=organisations)  # two organisations only: withheld
    PublishedIndicatorFactory(dimension=dimension, name_en="Not yet public", is_published=False)
    page = client.get("/en/observatory/dimensions/culture2030/participation/").content.decode()
    assert "Audiences" in page and "Not yet public" not in page
    assert 'role="img"' in page and "<title" in page and "<desc" in page
    assert "3,019 lei" in page and "3,020 lei" in page  # the table, in English numbers
    assert "withheld: fewer than 3 organisations" in page
    assert ">20 lei<" not in page and ">0 lei<" not in page  # never the two organisations' sum, never 0
    assert "<script" not in page.split('class="chart chart-line"')[1]  # no script inside the chart


def test_the_indicator_page_shows_its_definition_chart_and_table_in_romanian(client, dimension):
    indicator = PublishedIndicatorFactory(dimension=dimension, code="c2030-15", name_ro="Participare culturală",
                                 definition_ro="Procentul celor care au mers la un spectacol.", unit="percent",
                                 decimals=1, sdg_targets="11.4, 4.7", source="Barometrul de consum cultural",
                                 breakdowns=[Breakdown.AGE])
    IndicatorValue.objects.create(indicator=indicator, year=2021, value=Decimal("1234.5"), status=ValueStatus.FINAL)
    page = client.get("/ro/observatory/indicators/c2030-15/").content.decode()
    for expected in ("Participare culturală", "Procentul celor", "11.4, 4.7", "Barometrul de consum cultural",
                     "1.234,5%", "Culture|2030"):
        assert expected in page, expected


def test_the_breakdown_filter_shows_a_column_and_a_bar_per_group(client, dimension):
    indicator = PublishedIndicatorFactory(dimension=dimension, code="age", breakdowns=[Breakdown.AGE])
    for group, value in (("15-24", 40), ("25-44", 55)):
        IndicatorValue.objects.create(indicator=indicator, year=2021, breakdown=Breakdown.AGE, group=group,
                                      value=value)
    add_values(indicator, [2021])
    page = client.get("/en/observatory/indicators/age/?breakdown=age").content.decode()
    assert "15-24" in page and "25-44" in page and ">40<" in page and ">55<" in page
    assert "3,021" not in page  # the whole city's figure is not a group
    assert "in 2021, by group" in page


def test_the_year_filter_keeps_only_those_years(client, dimension):
    indicator = PublishedIndicatorFactory(dimension=dimension, code="years")
    add_values(indicator, range(2015, 2022))
    page = client.get("/en/observatory/indicators/years/?first_year=2019&last_year=2020").content.decode()
    assert "3,019" in page and "3,020" in page
    assert "3,018" not in page and "3,021" not in page


@pytest.mark.parametrize("query", ["first_year=abc", "first_year=2022&last_year=2019", "breakdown=area",
                                   "breakdown=%C8%99", "first_year=99999999999999999999", "last_year=-1",
                                   "breakdown=age&breakdown=x"])
def test_bad_filters_are_said_and_the_whole_series_shown(client, dimension, query):
    indicator = PublishedIndicatorFactory(dimension=dimension, code="bad", breakdowns=[Breakdown.AGE])
    add_values(indicator, [2020, 2021])
    response = client.get(f"/en/observatory/indicators/bad/?{query}")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Some filters could not be used" in page
    assert "3,020" in page and "3,021" in page


def test_unpublished_or_unknown_pages_are_not_found(client, dimension):
    PublishedIndicatorFactory(dimension=dimension, code="hidden", is_published=False)
    assert client.get("/en/observatory/indicators/hidden/").status_code == 404
    assert client.get("/en/observatory/indicators/nothing/").status_code == 404
    assert client.get("/en/observatory/dimensions/culture2030/nothing/").status_code == 404


def test_the_pages_cost_the_same_queries_whatever_the_indicators_and_years(client, dimension,
                                                                           assert_constant_queries):
    first = PublishedIndicatorFactory(dimension=dimension, code="first", breakdowns=[Breakdown.DOMAIN])
    add_values(first, [2020])
    organisations = OrganisationFactory.create_batch(3)

    def grow():
        for _number in range(5):
            indicator = PublishedIndicatorFactory(dimension=dimension)
            add_values(indicator, range(2010, 2020))
            add_values(indicator, [2020, 2021], organisations=organisations)
        add_values(first, range(2000, 2019))
        add_values(first, [2021], organisations=organisations)
        for year in range(2010, 2020):
            IndicatorValue.objects.create(indicator=first, year=year, breakdown=Breakdown.DOMAIN, group="heritage",
                                          value=year)

    assert_constant_queries(client, ["/en/observatory/", "/en/observatory/dimensions/culture2030/participation/",
                                     "/en/observatory/indicators/first/",
                                     "/en/observatory/indicators/first/?breakdown=domain&first_year=2010"], grow)


def test_a_new_value_shows_at_once_on_cached_pages(client, dimension, settings):
    settings.PAGE_CACHE_SECONDS = 300
    indicator = PublishedIndicatorFactory(dimension=dimension, code="fresh")
    add_values(indicator, [2020])
    url = "/en/observatory/indicators/fresh/"
    assert "3,020" in client.get(url).content.decode()
    assert "3,021" not in client.get(url).content.decode()  # (served from the cache)
    IndicatorValue.objects.create(indicator=indicator, year=2021, value=3021)
    assert "3,021" in client.get(url).content.decode()
