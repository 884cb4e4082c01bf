"""Server-side time of the observatory's dashboard pages (issue 19, "Done when": a dashboard over
20 indicators × 10 years × 200 organisations renders within the page targets of this folder's README):
20 published indicators in one dimension, each with 10 years of values from 200 organisations (40,000
rows, bulk-inserted) and the whole city's stated values, and 20 more in a second dimension ("audited")
with the organisations' values only (every cell audited by ``disclosure.protect``); then the index, each
dimension's page and one indicator's page rendered afresh (the page cache off) through Django's test
client, first with every indicator audited on each request, then with the audits kept
(``CIVICA_OBSERVATORY_POINTS_SECONDS``, ``points_cache``; this process's own cache). On an in-memory
SQLite database, or on the database ``DATABASE_URL`` names (everything in one transaction rolled back
at the end). Prints milliseconds a request (wall clock and this process's CPU), KiB and queries;
asserts nothing. Smaller runs: ``--indicators 4 --years 3 --organisations 20``.

    .venv/bin/python bench/bench_observatory_dashboard.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/civica_x .venv/bin/python bench/bench_observatory_dashboard.py"""

import argparse
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")

import django  # noqa: E402

django.setup()

from bench_staff_pages import Rollback, measure  # noqa: E402 -- the same measuring as the staff pages'
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from civica.observatory import points_cache  # noqa: E402


def seed(indicators: int, years: int, organisations: int):
    from civica.network.models import Category, Organisation, Relationship
    from civica.observatory.models import Dimension, Framework, Indicator, IndicatorValue, Unit, ValueStatus

    framework = Framework.objects.create(slug="bench", name_ro="Cadrul de test", name_en="Bench framework")
    members = Organisation.objects.bulk_create([
        Organisation(name=f"Bench organisation {n}", slug=f"bench-organisation-{n}",
                     category=Category.CULTURAL_INSTITUTION, relationship=Relationship.MEMBER)
        for n in range(organisations)])
    first_year = 2022 - years
    values = []
    for slug, stated in (("all", True), ("audited", False)):
        dimension = Dimension.objects.create(framework=framework, slug=slug, name_ro=slug, name_en=slug)
        rows = Indicator.objects.bulk_create([
            Indicator(code=f"bench-{slug}-{n}", framework=framework, dimension=dimension, position=n,
                      name_ro=f"Indicatorul {n}", name_en=f"Indicator {n}", definition_ro="Definiția.",
                      unit=Unit.COUNT, is_published=True)
            for n in range(indicators)])
        for indicator in rows:
            for year in range(first_year, 2022):
                if stated:
                    values.append(IndicatorValue(indicator=indicator, year=year, value=Decimal(1000 + year)))
                values += [IndicatorValue(indicator=indicator, year=year, organisation=organisation,
                                          value=Decimal((number + year) % 97), status=ValueStatus.FINAL)
                           for number, organisation in enumerate(members)]
    IndicatorValue.objects.bulk_create(values, batch_size=5000)
    return len(values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--indicators", type=int, default=20)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--organisations", type=int, default=200)
    options = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    try:
        with transaction.atomic():
            started = time.perf_counter()
            count = seed(options.indicators, options.years, options.organisations)
            print(f"database: {connection.vendor}; {options.indicators} indicators × {options.years} years × "
                  f"{options.organisations} organisations: {count} values seeded in "
                  f"{time.perf_counter() - started:.1f} s")
            # The seed is this run's own data (a server would have committed it): the audits may be kept.
            setattr(connection, points_cache.WROTE, False)
            client = Client()
            for seconds in (0, 3600):
                settings.CIVICA_OBSERVATORY_POINTS_SECONDS = seconds
                print("audits kept (points_cache)" if seconds else "every indicator audited on each request")
                for path in ("/ro/observatory/", "/ro/observatory/dimensions/bench/all/",
                             "/ro/observatory/dimensions/bench/audited/", "/ro/observatory/indicators/bench-all-0/",
                             "/en/observatory/dimensions/bench/all/"):
                    milliseconds, cpu, kib, queries = measure(client, path)
                    print(f"page  {path:<45} {milliseconds:7.1f} ms/request ({cpu:6.1f} ms CPU of this process) "
                          f"{kib:6.1f} KiB {queries:3d} queries")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
