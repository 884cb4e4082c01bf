"""The observatory's endpoints: published indicators, their series and the open-data datasets, read as
the dashboards and downloads read them (a withheld figure is withheld, one organisation's value never
shows), in both languages, paged by cursor, with constant queries."""

import json
from decimal import Decimal

import pytest

from civica.network.tests.factories import OrganisationFactory
from civica.observatory import open_data
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

SECRETS = ("7101", "7202", "7303", "8441", "8552", "16993")  # organisations' values, and two of them summed


@pytest.fixture(autouse=True)
def _threshold(settings):
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3


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
              "definition_ro": "Ponderea locuitorilor.", "definition_en": "Share of residents.",
              "unit": Unit.COUNT, "is_published": True, **fields}
    return Indicator.objects.create(framework=framework, dimension=dimension, **values)


@pytest.fixture
def indicator(framework, dimension):
    """By area: 2020 stated; 2021 from three organisations (their sum published); 2022 from two (withheld)."""
    indicator = make_indicator(framework, dimension, breakdowns=[Breakdown.AREA], aggregation=Aggregation.SUM,
                               sdg_targets="11.4, 4.7")
    IndicatorValue.objects.create(indicator=indicator, year=2020, value=Decimal(1000), status=ValueStatus.FINAL)
    organisations = OrganisationFactory.create_batch(3)
    for organisation, value in zip(organisations, (7101, 7202, 7303), strict=True):
        IndicatorValue.objects.create(indicator=indicator, year=2021, organisation=organisation, value=value,
                                      status=ValueStatus.FINAL)
    for organisation, value in zip(organisations[:2], (8441, 8552), strict=True):
        IndicatorValue.objects.create(indicator=indicator, year=2022, organisation=organisation, value=value)
    IndicatorValue.objects.create(indicator=indicator, year=2021, breakdown=Breakdown.AREA, group="Mănăștur",
                                  value=Decimal("12.5"))
    return indicator


def test_the_indicators_are_the_published_ones_with_what_they_are_in_each_language(client, indicator, framework):
    make_indicator(framework, code="draft-1", is_published=False)
    english = client.get("/api/v1/observatory/indicators/?lang=en").json()
    assert [row["code"] for row in english["results"]] == ["c2030-21"] and english["next"] is None
    row = english["results"][0]
    assert row["name"] == "Cultural participation" and row["unit"] == "count" and row["unit_label"] == "Number"
    assert row["framework"] == {"slug": "culture-2030", "name": "Culture|2030 Indicators"}
    assert row["dimension"] == {"slug": "inclusion", "name": "Inclusion & participation"}
    assert row["licence"]["id"] == "CC-BY-4.0" and row["licence"]["url"].startswith("https://creativecommons.org")
    assert row["breakdowns"] == ["area"] and row["sdg_targets"] == ["11.4", "4.7"]
    assert row["years"] == {"first": 2020, "last": 2022}
    assert row["url"].endswith("/en/observatory/indicators/c2030-21/")
    assert row["series_url"] == "http://testserver/api/v1/observatory/indicators/c2030-21/series"
    romanian = client.get("/api/v1/observatory/indicators/?lang=ro").json()["results"][0]
    assert romanian["name"] == "Participare culturală" and romanian["dimension"]["name"] == "Incluziune și participare"
    assert client.get("/api/v1/observatory/indicators/draft-1").status_code == 404
    assert client.get("/api/v1/observatory/indicators/draft-1/series").status_code == 404


def test_the_indicators_page_by_cursor_and_filter_by_framework_and_dimension(client, framework, dimension):
    other = Framework.objects.create(slug="ccm", name_ro="Monitorul")
    for code in ("a-1", "b-2", "c-3"):
        make_indicator(framework, dimension, code=code)
    make_indicator(other, code="d-4")
    first = client.get("/api/v1/observatory/indicators/?page_size=2").json()
    second = client.get(first["next"]).json()
    assert [row["code"] for row in first["results"] + second["results"]] == ["a-1", "b-2", "c-3", "d-4"]
    assert second["next"] is None
    assert [row["code"] for row in client.get("/api/v1/observatory/indicators/?framework=ccm").json()["results"]] == [
        "d-4"]
    by_dimension = client.get("/api/v1/observatory/indicators/?framework=culture-2030&dimension=inclusion").json()
    assert [row["code"] for row in by_dimension["results"]] == ["a-1", "b-2", "c-3"]
    cursor = first["next"].split("cursor=")[1]
    refused = client.get(f"/api/v1/observatory/indicators/?framework=ccm&cursor={cursor}&lang=en")
    assert refused.status_code == 400 and refused.json()["errors"][0]["parameter"] == "cursor"


def test_a_series_withholds_what_disclosure_control_withholds(client, indicator):
    response = client.get("/api/v1/observatory/indicators/c2030-21/series?lang=en")
    assert response.status_code == 200 and response["ETag"] and response["Last-Modified"]
    body = response.json()
    assert body["breakdown"] == "total" and body["breakdown_label"] == "Whole city"
    assert [(point["year"], point["value"], point["status"]) for point in body["points"]] == [
        (2020, 1000, "final"), (2021, 21606, "final"), (2022, None, "withheld")]
    for secret in SECRETS:
        assert secret not in response.content.decode()
    by_area = client.get("/api/v1/observatory/indicators/c2030-21/series?breakdown=area").json()
    assert [(point["group"], point["value"]) for point in by_area["points"]] == [("Mănăștur", 12)]  # 0 decimals
    recent = client.get("/api/v1/observatory/indicators/c2030-21/series?from_year=2021&to_year=2021").json()
    assert [point["year"] for point in recent["points"]] == [2021]


def test_a_series_by_a_breakdown_the_indicator_lacks_is_a_400_in_the_callers_language(client, indicator):
    response = client.get("/api/v1/observatory/indicators/c2030-21/series?breakdown=age&lang=en")
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"] == [{"parameter": "breakdown",
                                          "message": "This indicator has no such breakdown; it has: total, area."}]
    assert client.get("/api/v1/observatory/indicators/c2030-21/series?breakdown=nope").status_code == 400
    assert client.get("/api/v1/observatory/indicators/c2030-21/series?from_year=x").status_code == 400


def test_the_datasets_are_the_catalogues_with_their_downloads(client, indicator, framework, dimension):
    second = make_indicator(framework, dimension, code="c2030-22")
    DatasetLicence.objects.create(indicator=second, licence=Licence.CC_BY_SA_4_0, attribution="Sondajul X")
    body = client.get("/api/v1/observatory/datasets/?lang=en").json()
    # Two licences in one dimension: no dimension's dataset, each indicator's has its own.
    assert [(row["kind"], row["identifier"]) for row in body["results"]] == [
        ("indicator", "c2030-21"), ("indicator", "c2030-22")]
    shared = body["results"][1]
    assert shared["licence"]["id"] == "CC-BY-SA-4.0" and shared["attribution"] == "Sondajul X"
    assert [download["format"] for download in shared["downloads"]] == ["csv", "xlsx", "json"]
    assert shared["downloads"][0]["url"].endswith("/en/observatory/data/indicators/c2030-22.csv")
    DatasetLicence.objects.filter(indicator=second).delete()
    first = client.get("/api/v1/observatory/datasets/?page_size=2").json()
    rest = client.get(first["next"]).json()
    assert [(row["kind"], row["identifier"]) for row in first["results"] + rest["results"]] == [
        ("indicator", "c2030-21"), ("indicator", "c2030-22"), ("dimension", "culture-2030-inclusion")]
    assert rest["next"] is None


def test_a_datasets_rows_are_its_downloads_rows(client, indicator, framework, dimension):
    make_indicator(framework, dimension, code="c2030-22")
    response = client.get("/api/v1/observatory/datasets/indicators/c2030-21")
    assert response.status_code == 200 and response["Last-Modified"]
    download = json.loads(client.get("/en/observatory/data/indicators/c2030-21.json").content)
    assert response.json()["rows"] == download["rows"]
    assert response.json()["columns"] == list(open_data.COLUMNS)
    for secret in SECRETS:
        assert secret not in response.content.decode()
    whole = client.get("/api/v1/observatory/datasets/dimensions/culture-2030/inclusion").json()
    download = json.loads(client.get("/en/observatory/data/dimensions/culture-2030/inclusion.json").content)
    assert whole["rows"] == download["rows"] and whole["indicators"] == ["c2030-21", "c2030-22"]
    assert client.get("/api/v1/observatory/datasets/dimensions/culture-2030/nope").status_code == 404
    assert client.get("/api/v1/observatory/datasets/indicators/nope").status_code == 404


def test_an_unchanged_answer_is_not_sent_again(client, indicator):
    url = "/api/v1/observatory/indicators/c2030-21/series"
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    IndicatorValue.objects.filter(indicator=indicator, year=2020).update(value=Decimal(1200))
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_endpoints_cost_no_more_queries_with_more_indicators_and_values(
        client, framework, dimension, indicator, assert_constant_queries):
    def grow():
        organisations = OrganisationFactory.create_batch(4)
        for number in range(4):
            more = make_indicator(framework, dimension, code=f"c2030-3{number}", breakdowns=[Breakdown.AREA])
            DatasetLicence.objects.create(indicator=more, licence=Licence.CC_BY_4_0)
            for year in (2019, 2023):
                IndicatorValue.objects.create(indicator=more, year=year, value=Decimal(number))
        for year in (2018, 2019, 2023):
            IndicatorValue.objects.create(indicator=indicator, year=year, value=Decimal(5))
            for organisation in organisations:
                IndicatorValue.objects.create(indicator=indicator, year=year, organisation=organisation, value=3)
                IndicatorValue.objects.create(indicator=indicator, year=year, organisation=organisation, value=2,
                                              breakdown=Breakdown.AREA, group="Centru")

    counts = assert_constant_queries(client, [
        "/api/v1/observatory/indicators/", "/api/v1/observatory/indicators/c2030-21",
        "/api/v1/observatory/indicators/c2030-21/series",
        "/api/v1/observatory/indicators/c2030-21/series?breakdown=area",
        "/api/v1/observatory/datasets/", "/api/v1/observatory/datasets/indicators/c2030-21"], grow)
    assert counts == [1, 1, 3, 3, 1, 5]
