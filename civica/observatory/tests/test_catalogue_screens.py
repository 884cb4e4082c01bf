"""The analysts' screens: an indicator's form (breakdowns as checkboxes, SDG targets checked), values
typed in the page's language and shown in it, bad input answered with a message beside the field and
everything typed kept, a value changed and deleted; pages in a fixed number of queries."""

from decimal import Decimal

import pytest

from civica.observatory.models import Breakdown, Indicator, IndicatorValue, ValueOrigin
from civica.observatory.tests.factories import (
    DimensionFactory,
    FrameworkFactory,
    IndicatorFactory,
    ValueFactory,
    analyst,
)


@pytest.fixture
def person(db):
    return analyst()


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


@pytest.fixture
def indicator(db):
    return IndicatorFactory(code="visitors", decimals=1, breakdowns=[Breakdown.DOMAIN], minimum=Decimal(0),
                            maximum=Decimal(1_000_000))


def test_a_value_typed_in_romanian_is_shown_in_romanian(signed_in, indicator, person):
    response = signed_in.post("/ro/observatory/manage/indicators/visitors/values/new/", {
        "year": "2024", "breakdown": "", "group": "", "value": "1.234,5", "status": "final", "source": "INS"})
    assert response.status_code == 302
    value = IndicatorValue.objects.get(indicator=indicator)
    assert (value.value, value.origin, value.entered_by) == (Decimal("1234.5"), ValueOrigin.TYPED, person)
    assert "1.234,5" in signed_in.get("/ro/observatory/manage/indicators/visitors/values/").content.decode()
    assert "1,234.5" in signed_in.get("/en/observatory/manage/indicators/visitors/values/").content.decode()
    # Its form shows it back in the page's language.
    assert 'value="1.234,5"' in signed_in.get(
        f"/ro/observatory/manage/indicators/visitors/values/{value.pk}/").content.decode()


def test_a_value_typed_in_english(signed_in, indicator):
    signed_in.post("/en/observatory/manage/indicators/visitors/values/new/", {
        "year": "2024", "breakdown": "domain", "group": "heritage", "value": "1,234", "status": "provisional"})
    assert IndicatorValue.objects.get(indicator=indicator).value == Decimal(1234)


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"value": "abc"}, "value", "is not a number"),
    ({"value": "9" * 60}, "value", "too large"),
    ({"year": "20x4"}, "year", "whole number"),
    ({"year": "99999999999999999999"}, "year", "less than or equal"),
    ({"value": "-1"}, "value", "below the indicator"),
    ({"value": "2.000.000"}, "value", "above the indicator"),
    ({"breakdown": "domain", "group": "cooking"}, "group", "Unknown group"),
    ({"breakdown": "age", "group": "15-24"}, "breakdown", "Select a valid choice"),
    ({"group": "heritage"}, "group", "needs a breakdown"),
])
def test_bad_input_is_answered_beside_the_field_and_kept(signed_in, indicator, fields, field, message):
    posted = {"year": "2024", "breakdown": "", "group": "", "value": "10", "status": "final", "source": "Sursa mea"}
    posted.update(fields)
    response = signed_in.post("/en/observatory/manage/indicators/visitors/values/new/", posted)
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors.get(field, [])), form.errors
    assert "Sursa mea" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_one_value_a_year_and_group(signed_in, indicator):
    ValueFactory(indicator=indicator, year=2024)
    response = signed_in.post("/en/observatory/manage/indicators/visitors/values/new/", {
        "year": "2024", "value": "5", "status": "final"})
    assert response.status_code == 200
    assert "have a value already" in response.content.decode()


def test_a_value_changed_then_deleted(signed_in, indicator):
    value = ValueFactory(indicator=indicator, year=2023, value=Decimal(5))
    signed_in.post(f"/en/observatory/manage/indicators/visitors/values/{value.pk}/", {
        "year": "2023", "value": "6.5", "status": "final"})
    value.refresh_from_db()
    assert value.value == Decimal("6.5")
    signed_in.post(f"/en/observatory/manage/indicators/visitors/values/{value.pk}/delete/")
    assert not IndicatorValue.objects.exists()


def test_an_organisations_value_is_not_on_these_screens(signed_in, indicator):
    from civica.network.tests.factories import OrganisationFactory

    value = ValueFactory(indicator=indicator, year=2023, organisation=OrganisationFactory())
    assert signed_in.get(f"/en/observatory/manage/indicators/visitors/values/{value.pk}/").status_code == 404
    assert signed_in.post(f"/en/observatory/manage/indicators/visitors/values/{value.pk}/delete/").status_code == 404
    assert IndicatorValue.objects.filter(pk=value.pk).exists()


def test_an_indicator_with_its_breakdowns_and_sdg_targets(signed_in):
    dimension = DimensionFactory()
    posted = {"name_ro": "Vizitatori", "name_en": "Visitors", "definition_ro": "Câți.", "code": "c2030-9",
              "framework": dimension.framework.pk, "dimension": dimension.pk, "position": "0",
              "sdg_targets": "11.4, 4.7", "unit": "count", "decimals": "0", "minimum": "0", "maximum": "1.000.000",
              "frequency": "annual", "aggregation": "sum", "breakdowns": ["domain", "age"], "computed_from": ""}
    response = signed_in.post("/ro/observatory/manage/indicators/new/", posted)
    assert response.status_code == 302, response.context["form"].errors
    indicator = Indicator.objects.get(code="c2030-9")
    assert (indicator.breakdowns, indicator.maximum, indicator.sdg_targets) == (
        ["age", "domain"], Decimal(1_000_000), "11.4, 4.7")
    page = signed_in.get("/en/observatory/manage/indicators/c2030-9/").content.decode()
    assert 'type="checkbox" name="breakdowns" value="domain"' in page and "checked" in page
    for bad, field in (({"sdg_targets": "eleven"}, "sdg_targets"), ({"dimension": DimensionFactory().pk}, "dimension"),
                       ({"minimum": "10", "maximum": "5"}, "maximum"), ({"decimals": "9"}, "decimals"),
                       ({"breakdowns": ["street"]}, "breakdowns"), ({"computed_from": "nothing"}, "computed_from")):
        response = signed_in.post("/en/observatory/manage/indicators/c2030-9/", {**posted, **bad})
        assert response.status_code == 200
        assert field in response.context["form"].errors, (bad, response.context["form"].errors)


def test_frameworks_and_dimensions(signed_in):
    response = signed_in.post("/en/observatory/manage/frameworks/new/", {
        "name_ro": "Cultura|2030", "slug": "c2030", "url": "unesco.org", "position": "0"})
    assert response.status_code == 302
    response = signed_in.post("/en/observatory/manage/frameworks/c2030/dimensions/new/", {
        "name_ro": "Incluziune și participare", "slug": "inclusion", "position": "1"})
    assert response.status_code == 302
    page = signed_in.get("/en/observatory/manage/").content.decode()
    assert "Cultura|2030" in page and "Incluziune și participare" in page


def test_the_pages_cost_a_fixed_number_of_queries(signed_in, indicator, assert_constant_queries):
    framework = indicator.framework

    def grow():
        for number in range(5):
            dimension = DimensionFactory(framework=framework)
            other = IndicatorFactory(framework=framework, dimension=dimension)
            ValueFactory(indicator=other, year=2010 + number)
            FrameworkFactory()
        for year in range(2000, 2010):
            ValueFactory(indicator=indicator, year=year, entered_by=analyst())

    assert_constant_queries(
        signed_in, ["/en/observatory/manage/", "/en/observatory/manage/indicators/visitors/values/"], grow)
