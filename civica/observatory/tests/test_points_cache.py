"""Each indicator's audited figures kept until its values change (points_cache): kept figures are read
without a query, any write (an ORM update, raw SQL as the import's, a new organisation's value) is seen at
once, withheld figures stay withheld, and a transaction that wrote values neither reads nor keeps them."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from civica.network.tests.factories import OrganisationFactory
from civica.observatory import points_cache, selectors
from civica.observatory.models import Breakdown, IndicatorValue
from civica.observatory.tests.factories import DimensionFactory, PublishedIndicatorFactory

pytestmark = pytest.mark.django_db

PAGE = "/en/observatory/dimensions/culture2030/participation/"


@pytest.fixture
def kept(settings, django_capture_on_commit_callbacks):
    """The cache on, and ``kept.commit()``: a block whose writes are committed (their on-commit work runs)."""
    settings.CIVICA_OBSERVATORY_POINTS_SECONDS = 60
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    cache.clear()

    class Kept:
        commit = staticmethod(lambda: django_capture_on_commit_callbacks(execute=True))

    return Kept


@pytest.fixture
def indicator(kept):
    with kept.commit():
        dimension = DimensionFactory(slug="participation", framework__slug="culture2030")
        found = PublishedIndicatorFactory(dimension=dimension, name_en="Audiences", unit="count")
        organisations = OrganisationFactory.create_batch(3)
        for organisation, value in zip(organisations, (100, 200, 300), strict=True):
            IndicatorValue.objects.create(indicator=found, year=2021, organisation=organisation, value=value,
                                          status="final")
        for organisation in organisations[:2]:  # two organisations only: withheld
            IndicatorValue.objects.create(indicator=found, year=2022, organisation=organisation, value=50)
    return found


def render():
    with CaptureQueriesContext(connection) as queries:
        page = Client().get(PAGE).content.decode()
    return page, len(queries)


def test_a_kept_audit_is_read_without_a_query_and_a_write_is_seen_at_once(indicator, kept):
    first, first_queries = render()
    assert ">600<" in first and "withheld: fewer than 3 organisations" in first
    again, again_queries = render()
    assert again == first and again_queries == first_queries - 2  # the two reads of the values
    with kept.commit():
        IndicatorValue.objects.filter(indicator=indicator, year=2021, value=300).update(value=400)
    changed, changed_queries = render()
    assert ">700<" in changed and changed_queries == first_queries
    with kept.commit(), connection.cursor() as cursor:  # a raw statement, as the import's
        cursor.execute(f"UPDATE {IndicatorValue._meta.db_table} SET value = 1 WHERE value = 400")  # noqa: S608
    assert ">301<" in render()[0]


def test_withheld_figures_stay_withheld_when_kept_and_are_published_once_allowed(indicator, kept):
    for _round in range(2):
        page = render()[0]
        assert "withheld: fewer than 3 organisations" in page and ">100<" not in page
        assert selectors.published_series(indicator)[-1].value is None
        assert selectors.published_table(indicator, breakdown=Breakdown.TOTAL).totals[2022].reason == "too_few"
    with kept.commit():
        IndicatorValue.objects.create(indicator=indicator, year=2022, organisation=OrganisationFactory(), value=50)
    assert selectors.published_series(indicator)[-1].value == Decimal(150)
    assert "withheld" not in render()[0]


def test_a_transaction_that_wrote_values_reads_them_afresh_and_keeps_nothing(indicator, kept):
    render()  # kept
    IndicatorValue.objects.filter(indicator=indicator, year=2021, value=300).update(value=310)  # not committed
    assert not points_cache.usable()
    assert selectors.published_series(indicator)[0].value == Decimal(610)
    with pytest.raises(RuntimeError), transaction.atomic():
        IndicatorValue.objects.filter(indicator=indicator, year=2021, value=310).update(value=999)
        assert selectors.published_series(indicator)[0].value == Decimal(1299)
        raise RuntimeError  # rolled back
    assert selectors.published_series(indicator)[0].value == Decimal(610)


def test_the_organisations_values_of_a_stated_cell_are_not_read_and_change_nothing(kept):
    """``_audit`` leaves out, in SQL, the organisations' values of a cell with a stated value: the same
    figures as auditing every row."""
    with kept.commit():
        indicator = PublishedIndicatorFactory()
        organisations = OrganisationFactory.create_batch(4)
        IndicatorValue.objects.create(indicator=indicator, year=2021, value=5000)  # stated: published as it is
        for number, organisation in enumerate(organisations):
            for year in (2021, 2022):
                IndicatorValue.objects.create(indicator=indicator, year=year, organisation=organisation,
                                              value=10 + number)
                IndicatorValue.objects.create(indicator=indicator, year=year, organisation=organisation,
                                              breakdown=Breakdown.CATEGORY, group="theatre" if number else "museum",
                                              value=10 + number)
    values = IndicatorValue.objects.filter(indicator=indicator)
    everything = selectors._points_from_rows(indicator, values.stated().values_list(*selectors.STATED_COLUMNS),
                                             values.of_organisations().values_list(*selectors.ORGANISATION_COLUMNS))
    audited = selectors._audit([indicator])[indicator.pk]
    assert audited == everything
    assert audited[2021, "", ""].value == Decimal(5000) and audited[2022, "", ""].value == Decimal(46)
    assert audited[2022, Breakdown.CATEGORY, "museum"].reason == "too_few"
