"""Open data: the catalogue, a dataset's page and its downloads (CSV, XLSX, JSON) and DCAT-AP metadata
(JSON-LD), what they hold and what they never hold (one organisation's figure), and their cost in queries."""

import csv
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from civica.network.tests.factories import OrganisationFactory
from civica.observatory.models import (
    Aggregation,
    Breakdown,
    DatasetLicence,
    Dimension,
    Framework,
    Indicator,
    IndicatorValue,
    Licence,
    Unit,
    ValueStatus,
)

pytestmark = pytest.mark.django_db

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"


@pytest.fixture(autouse=True)
def _threshold(settings):
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    settings.CIVICA_BASE_URL = "https://civica.example"


@pytest.fixture
def framework():
    return Framework.objects.create(slug="culture-2030", name_ro="Indicatorii Cultură|2030",
                                    name_en="Culture|2030 Indicators")


@pytest.fixture
def dimension(framework):
    return Dimension.objects.create(framework=framework, slug="inclusion", name_ro="Incluziune și participare",
                                    name_en="Inclusion & participation")


def make_indicator(framework, dimension=None, **fields):
    values = {"code": "c2030-21", "name_ro": "Participare culturală", "name_en": "Cultural participation",
              "definition_ro": "Ponderea locuitorilor care au participat.", "definition_en": "Share of residents.",
              "unit": Unit.COUNT, "is_published": True, **fields}
    return Indicator.objects.create(framework=framework, dimension=dimension, **values)


@pytest.fixture
def indicator(framework, dimension):
    """Published, by area: 2020 stated; 2021 from three organisations (published as their sum); 2022 from
    two (withheld); an area whose name looks like a formula."""
    indicator = make_indicator(framework, dimension, breakdowns=[Breakdown.AREA], aggregation=Aggregation.SUM)
    IndicatorValue.objects.create(indicator=indicator, year=2020, value=Decimal(1000), status=ValueStatus.FINAL)
    organisations = OrganisationFactory.create_batch(3)
    for organisation, value in zip(organisations, (7101, 7202, 7303), strict=True):
        IndicatorValue.objects.create(indicator=indicator, year=2021, organisation=organisation, value=value,
                                      status=ValueStatus.FINAL)
    for organisation, value in zip(organisations[:2], (8441, 8552), strict=True):
        IndicatorValue.objects.create(indicator=indicator, year=2022, organisation=organisation, value=value)
    IndicatorValue.objects.create(indicator=indicator, year=2021, breakdown=Breakdown.AREA,
                                  group="=HYPERLINK(\"http://evil\")", value=Decimal(-5))
    return indicator


def rows_of_csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_csv_holds_every_published_figure_and_no_organisations_own(client, indicator):
    response = client.get("/en/observatory/data/indicators/c2030-21.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="c2030-21.csv"' in response["Content-Disposition"]
    rows = rows_of_csv(response)
    assert [(row["year"], row["breakdown"], row["value"], row["status"]) for row in rows] == [
        ("2020", "total", "1000", "final"), ("2021", "total", "21606", "final"), ("2022", "total", "", "withheld"),
        ("2021", "area", "-5", "provisional")]
    # The formula-looking group is text, not a formula; a negative number stays a number.
    assert rows[3]["group"] == "'=HYPERLINK(\"http://evil\")"
    text = response.content.decode()
    for secret in ("7101", "7202", "7303", "8441", "8552", "16993"):
        assert secret not in text


def test_the_xlsx_has_numbers_empty_withheld_cells_and_what_the_data_is(client, indicator):
    response = client.get("/ro/observatory/data/indicators/c2030-21.xlsx")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    data = list(book["data"].iter_rows(values_only=True))
    assert data[0] == ("indicator", "year", "breakdown", "group", "value", "unit", "status")
    assert data[1] == ("c2030-21", 2020, "total", None, 1000, "count", "final")
    assert data[3] == ("c2030-21", 2022, "total", None, None, "count", "withheld")
    assert data[4][3] == '=HYPERLINK("http://evil")' and data[4][4] == -5  # a string, not a formula
    assert book["data"]["D5"].data_type == "s"
    about = dict(book["about"].iter_rows(values_only=True))
    assert about["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert about["title (en)"] == "Cultural participation"
    assert not any(value in {7101, 7202, 7303, 8441, 8552} for row in data for value in row)


def test_the_json_gives_numbers_nulls_for_withheld_figures_and_the_licence(client, indicator):
    response = client.get("/en/observatory/data/indicators/c2030-21.json")
    document = json.loads(response.content)
    assert document["dataset"]["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert document["dataset"]["title"] == {"ro": "Participare culturală", "en": "Cultural participation"}
    assert document["dataset"]["metadata"] == "https://civica.example/ro/observatory/data/indicators/c2030-21.jsonld"
    assert document["columns"] == ["indicator", "year", "breakdown", "group", "value", "unit", "status"]
    assert [(row["year"], row["value"], row["status"]) for row in document["rows"][:3]] == [
        (2020, 1000, "final"), (2021, 21606, "final"), (2022, None, "withheld")]


def expand(node, context):
    """A compact IRI of the document's context in full (``dcat:Dataset`` → ``http://…#Dataset``)."""
    prefix, _colon, name = node.partition(":")
    return context[prefix] + name if prefix in context else node


def test_a_datasets_jsonld_describes_it_in_dcat_ap(client, indicator):
    response = client.get("/en/observatory/data/indicators/c2030-21.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    document = json.loads(response.content)
    context = document["@context"]
    assert expand(document["@type"], context) == DCAT + "Dataset"
    assert {expand(term, context) for term in document} >= {
        DCT + "title", DCT + "description", DCT + "publisher", DCT + "modified", DCAT + "theme",
        DCAT + "distribution", DCAT + "landingPage"}
    assert {"@value": "Participare culturală", "@language": "ro"} in document["dct:title"]
    assert {"@value": "Cultural participation", "@language": "en"} in document["dct:title"]
    assert {"@value": "Share of residents.", "@language": "en"} in document["dct:description"]
    assert document["dct:publisher"]["foaf:name"] == "Centrul Cultural Clujean"
    assert {"@id": "http://publications.europa.eu/resource/authority/data-theme/EDUC"} in document["dcat:theme"]
    assert document["dct:temporal"]["dcat:startDate"]["@value"] == "2020-01-01"
    assert document["dct:modified"]["@type"] == "xsd:dateTime"
    distributions = {item["dct:format"]["@id"].rsplit("/", 1)[1]: item for item in document["dcat:distribution"]}
    assert set(distributions) == {"CSV", "XLSX", "JSON"}
    for fmt, distribution in distributions.items():
        assert expand(distribution["@type"], context) == DCAT + "Distribution"
        assert distribution["dcat:downloadURL"]["@id"] == (
            f"https://civica.example/ro/observatory/data/indicators/c2030-21.{fmt.lower()}")
        assert distribution["dct:license"]["@id"] == "https://creativecommons.org/licenses/by/4.0/"
        assert "dct:modified" in distribution
    # Every download it names answers.
    for distribution in distributions.values():
        assert client.get(distribution["dcat:downloadURL"]["@id"].removeprefix("https://civica.example")
                          ).status_code == 200


def test_the_catalogue_lists_published_datasets_in_its_jsonld_and_links_it(client, indicator, framework):
    make_indicator(framework, code="c2030-99", name_ro="Ascuns", is_published=False)
    page = client.get("/en/observatory/data/").content.decode()
    assert '<link rel="alternate" type="application/ld+json" href="/en/observatory/data/catalogue.jsonld"' in page
    assert "Cultural participation" in page and "Ascuns" not in page
    assert "Creative Commons Attribution 4.0" in page
    assert "Inclusion &amp; participation" in page  # the dimension's dataset too
    assert "About the observatory" in page
    document = json.loads(client.get("/en/observatory/data/catalogue.jsonld").content)
    assert expand(document["@type"], document["@context"]) == DCAT + "Catalog"
    assert {"@value": "Date deschise ale Observatorului cultural Cluj-Napoca", "@language": "ro"} in document[
        "dct:title"]
    identifiers = [dataset["@id"] for dataset in document["dcat:dataset"]]
    assert identifiers == ["https://civica.example/ro/observatory/data/indicators/c2030-21/",
                           "https://civica.example/ro/observatory/data/dimensions/culture-2030/inclusion/"]
    assert all(dataset["@type"] == "dcat:Dataset" for dataset in document["dcat:dataset"])


def test_the_romanian_catalogue_speaks_romanian(client, indicator):
    page = client.get("/ro/observatory/data/").content.decode()
    assert "Participare culturală" in page


def test_a_datasets_page_shows_figures_withheld_cells_and_its_licence(client, indicator):
    DatasetLicence.objects.create(indicator=indicator, licence=Licence.CC0_1_0)
    response = client.get("/en/observatory/data/indicators/c2030-21/")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'type="application/ld+json" href="/en/observatory/data/indicators/c2030-21.jsonld"' in page
    for expected in ("Cultural participation", "Creative Commons Zero 1.0", "1,000", "21,606",
                     "Withheld (too few organisations)", "Area of the city", "The data as CSV"):
        assert expected in page, expected
    for secret in ("8,441", "8,552", "8441", "8552", "16,993"):
        assert secret not in page


def test_a_dimensions_dataset_holds_all_its_indicators(client, indicator, framework, dimension):
    other = make_indicator(framework, dimension, code="c2030-22", name_ro="Procese participative")
    IndicatorValue.objects.create(indicator=other, year=2021, value=Decimal(7))
    rows = rows_of_csv(client.get("/en/observatory/data/dimensions/culture-2030/inclusion.csv"))
    assert {row["indicator"] for row in rows} == {"c2030-21", "c2030-22"}
    assert client.get("/en/observatory/data/dimensions/culture-2030/inclusion/").status_code == 200


def test_a_dimension_of_mixed_licences_has_no_dataset_of_its_own(client, indicator, framework, dimension):
    make_indicator(framework, dimension, code="c2030-22", name_ro="Procese participative")
    DatasetLicence.objects.create(indicator=indicator, licence=Licence.CC_BY_SA_4_0)
    assert client.get("/en/observatory/data/dimensions/culture-2030/inclusion/").status_code == 404
    assert client.get("/en/observatory/data/indicators/c2030-22.csv").status_code == 200


@pytest.mark.parametrize("suffix", ["/", ".csv", ".xlsx", ".json", ".jsonld"])
def test_an_unpublished_or_missing_indicator_is_not_found(client, framework, suffix):
    make_indicator(framework, is_published=False)
    assert client.get(f"/en/observatory/data/indicators/c2030-21{suffix}").status_code == 404
    assert client.get(f"/en/observatory/data/indicators/nothing{suffix}").status_code == 404
    assert client.get(f"/en/observatory/data/dimensions/culture-2030/nothing{suffix}").status_code == 404


def test_a_download_follows_a_changed_value(client, indicator, settings, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 60  # the visitors' page cache on (the test cache stands in for Redis)
    url = "/en/observatory/data/indicators/c2030-21.csv"
    assert rows_of_csv(client.get(url))[0]["value"] == "1000"
    with django_assert_num_queries(0):  # kept for visitors
        assert rows_of_csv(client.get(url))[0]["value"] == "1000"
    IndicatorValue.objects.filter(indicator=indicator, year=2020).update(value=Decimal(1200),
                                                                          updated_at=timezone.now())
    assert rows_of_csv(client.get(url))[0]["value"] == "1200"


def test_the_pages_cost_no_more_queries_with_more_datasets(client, framework, dimension, indicator,
                                                           assert_constant_queries):
    def grow():
        for number in range(5):
            more = make_indicator(framework, dimension, code=f"c2030-{number}", name_ro=f"Indicator {number}",
                                  breakdowns=[Breakdown.AREA])
            IndicatorValue.objects.create(indicator=more, year=2021, value=Decimal(number))
            DatasetLicence.objects.create(indicator=more, licence=Licence.CC_BY_4_0)

    assert_constant_queries(client, ["/en/observatory/data/", "/en/observatory/data/catalogue.jsonld",
                                      "/en/observatory/data/indicators/c2030-21/",
                                      "/en/observatory/data/indicators/c2030-21.csv"], grow)


def test_an_indicators_dataset_reads_a_fixed_number_of_queries(client, indicator, django_assert_max_num_queries):
    # One for the indicator, two for each of its series (the whole city, by area).
    with django_assert_max_num_queries(5):
        client.get("/en/observatory/data/indicators/c2030-21.xlsx")


class TestAddressesNeverFail(HypothesisTestCase):
    """Whatever a code or a dimension's address holds, the answer is a page, a 404 or the readable 400 of the
    NUL guard, never an error."""

    @classmethod
    def setUpTestData(cls):
        framework = Framework.objects.create(slug="own", name_ro="Indicatorii centrului")
        make_indicator(framework, code="own-budget")

    @hypothesis_settings(max_examples=40, deadline=None)
    @given(code=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
           suffix=st.sampled_from(["/", ".csv", ".xlsx", ".json", ".jsonld", ""]))
    def test_any_code(self, code, suffix):
        from urllib.parse import quote

        response = self.client.get(f"/en/observatory/data/indicators/{quote(code, safe='')}{suffix}")
        assert response.status_code in {200, 301, 400, 404}
        response = self.client.get(f"/en/observatory/data/dimensions/own/{quote(code, safe='')}{suffix}")
        assert response.status_code in {200, 301, 400, 404}


def test_a_dimensions_dataset_reads_two_queries_and_two_per_series(client, indicator, framework, dimension,
                                                                   django_assert_max_num_queries):
    make_indicator(framework, dimension, code="c2030-22", name_ro="Procese participative")
    # The dimension and its published indicators; the first indicator's two series, the second's one.
    with django_assert_max_num_queries(2 + 2 * 3):
        response = client.get("/en/observatory/data/dimensions/culture-2030/inclusion.csv")
    assert response.status_code == 200
