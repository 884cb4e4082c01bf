"""Imports and typed values at once on one indicator queue up on the indicator's row (PostgreSQL; SQLite
serialises every writer, so there is nothing to prove): two imports of one file store each value once,
and a value typed while the same year is imported is refused or becomes a change, never a second row."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.observatory import services
from civica.observatory.models import IndicatorValue
from civica.observatory.numbers import ROMANIAN
from civica.observatory.tests.factories import IndicatorFactory, analyst

pytestmark = pytest.mark.django_db(transaction=True)

DATA = b"indicator,year,value\nrace,2021,10\nrace,2022,20\nrace,2023,30\n"


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def test_two_imports_of_one_file_at_once_store_each_value_once():
    person = analyst()
    IndicatorFactory(code="race")
    for attempt in range(3):
        IndicatorValue.objects.all().delete()
        outcomes = run_together([
            lambda: services.values_import(data=DATA, convention=ROMANIAN, by=person, dry_run=False)] * 2)
        assert outcomes == [None, None], attempt
        assert IndicatorValue.objects.count() == 3, attempt


def test_a_value_typed_while_its_year_is_imported():
    person = analyst()
    indicator = IndicatorFactory(code="race")
    for attempt in range(3):
        IndicatorValue.objects.all().delete()
        outcomes = run_together([
            lambda: services.values_import(data=DATA, convention=ROMANIAN, by=person, dry_run=False),
            lambda: services.value_save(indicator=indicator, by=person, year=2021, breakdown="", group="",
                                        value=Decimal(11))])
        assert outcomes[0] is None, attempt
        assert outcomes[1] is None or isinstance(outcomes[1], ValidationError), attempt
        assert IndicatorValue.objects.filter(year=2021).count() == 1, attempt
