from decimal import Decimal

import pytest

from civica.network.tests.factories import OrganisationFactory
from civica.observatory import disclosure
from civica.observatory.models import Aggregation, Framework, Indicator, IndicatorValue, Unit
from civica.observatory.selectors import published_series


def test_fewer_organisations_than_the_threshold_are_withheld(settings):
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    assert disclosure.aggregate([Decimal(5), Decimal(7)]).suppressed
    assert disclosure.aggregate([Decimal(5), Decimal(7), Decimal(9)]).value == Decimal(21)
    assert disclosure.aggregate([Decimal(5), Decimal(7), Decimal(9)], how=Aggregation.MEDIAN).value == Decimal(7)


@pytest.mark.django_db
def test_a_series_publishes_stated_values_and_aggregates_of_enough_organisations(settings):
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    framework = Framework.objects.create(slug="own", name_ro="Indicatorii centrului")
    indicator = Indicator.objects.create(code="own-1", framework=framework, name_ro="Spectatori",
                                         definition_ro="Spectatori pe an.", unit=Unit.COUNT)
    IndicatorValue.objects.create(indicator=indicator, year=2020, value=Decimal(1000))
    organisations = OrganisationFactory.create_batch(3)
    for organisation, value in zip(organisations, (10, 20, 30), strict=True):
        IndicatorValue.objects.create(indicator=indicator, year=2021, organisation=organisation, value=value)
    for organisation in organisations[:2]:
        IndicatorValue.objects.create(indicator=indicator, year=2022, organisation=organisation, value=5)
    series = published_series(indicator)
    assert [(point.year, point.value, point.organisations) for point in series] == [
        (2020, Decimal(1000), 0), (2021, Decimal(60), 3), (2022, None, 2)]
