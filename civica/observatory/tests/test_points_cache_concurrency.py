"""Kept audits against writes on other connections (PostgreSQL; SQLite serialises every writer): pages read
and keep an indicator's audit before, during and after an import of new values on another connection;
once it has committed, what is read is the audit of the new values, never an old one kept meanwhile.
(A read that falls between the import's write and its commit is rare here; the move of the generation
at commit, which covers it, is shown on one connection in test_points_cache.py.)"""

import threading

import pytest
from django.core.cache import cache

from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.network.tests.factories import OrganisationFactory
from civica.observatory import selectors, services
from civica.observatory.models import IndicatorValue
from civica.observatory.numbers import ROMANIAN
from civica.observatory.tests.factories import PublishedIndicatorFactory, analyst

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only(settings):
    skip_unless_postgresql()
    settings.CIVICA_OBSERVATORY_POINTS_SECONDS = 60
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    cache.clear()


def test_what_is_kept_after_a_concurrent_import_commits_is_the_new_audit():
    person = analyst()
    indicator = PublishedIndicatorFactory(code="race")
    for organisation in OrganisationFactory.create_batch(3):
        IndicatorValue.objects.create(indicator=indicator, year=2020, organisation=organisation, value=10)
    for attempt in range(3):
        IndicatorValue.objects.filter(organisation__isnull=True).delete()
        assert selectors.published_series(indicator)[0].value == 30  # read and kept
        data = f"indicator,year,value\nrace,2020,{attempt + 100}\nrace,2021,{attempt + 200}\n".encode()

        done = threading.Event()

        def write(data=data, done=done):
            try:
                services.values_import(data=data, convention=ROMANIAN, by=person, dry_run=False)
            finally:
                done.set()

        def read_until_written(done=done):
            while not done.is_set():  # reading (and keeping) before, during and after the import's writes
                selectors.published_series(indicator)

        outcomes = run_together([write, read_until_written, read_until_written])
        assert outcomes == [None, None, None], attempt
        kept = selectors.published_series(indicator)
        assert [(point.year, point.value) for point in kept] == [(2020, attempt + 100), (2021, attempt + 200)], attempt
        assert kept == [points for key, points in sorted(selectors._audit([indicator])[indicator.pk].items())
                        if key[1] == ""], attempt
