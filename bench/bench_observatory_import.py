"""Importing 100,000 indicator values (issue 19: "importing 100,000 values takes under 10 s"): seeds 400
indicators (broken down by cultural domain), writes a CSV of 100,000 rows (400 indicators × 26 years ×
the whole city and 9 domains, cut at 100,000) in the Romanian convention, then times the dry run, the
import (``services.values_import``: one transaction, batched inserts), and the same file again (everything
unchanged, nothing written). On an in-memory SQLite database, or on the database ``DATABASE_URL`` names
(PostgreSQL: everything is rolled back at the end). Prints seconds (wall clock, and this process's
CPU time: on SQLite all of it); asserts nothing.

    .venv/bin/python bench/bench_observatory_import.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/civica_x .venv/bin/python bench/bench_observatory_import.py"""

import csv
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

ROWS = 100_000
INDICATORS = 400
YEARS = range(2001, 2027)


class Rollback(Exception):
    pass


def the_file() -> bytes:
    from civica.observatory.models import CulturalDomain

    groups = [("", "")] + [("domain", domain) for domain in CulturalDomain.values]
    target = io.StringIO()
    writer = csv.writer(target, delimiter=";")
    writer.writerow(["indicator", "year", "breakdown", "group", "value", "status", "source", "note"])
    written = 0
    for number in range(INDICATORS):
        for year in YEARS:
            for breakdown, group in groups:
                if written == ROWS:
                    return target.getvalue().encode()
                writer.writerow([f"bench-{number}", year, breakdown, group, f"{(number * 7919 + year) % 100_000:,}"
                                 .replace(",", ".") + ",5", "final", "INS", ""])
                written += 1
    return target.getvalue().encode()


def main():
    from civica.accounts.roles import Role
    from civica.accounts.tests.factories import UserFactory
    from civica.observatory import services
    from civica.observatory.models import Framework, Indicator, IndicatorValue, Unit

    call_command("migrate", verbosity=0)
    try:
        with transaction.atomic():
            analyst = UserFactory(role=Role.ANALYST)
            framework = Framework.objects.create(slug="bench", name_ro="Bench")
            Indicator.objects.bulk_create([
                Indicator(code=f"bench-{n}", framework=framework, name_ro=f"Indicator {n}", definition_ro="-",
                          unit=Unit.COUNT, breakdowns=["domain"]) for n in range(INDICATORS)])
            data = the_file()
            lines = data.count(b"\n") - 1
            print(f"file: {lines:,} rows, {len(data) / 1024 / 1024:.1f} MiB")
            for label, dry_run in (("dry run", True), ("import", False), ("same file again", False)):
                started, cpu = time.perf_counter(), time.process_time()
                plan = services.values_import(data=data, convention="ro", by=analyst, dry_run=dry_run)
                seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
                print(f"{label}: {seconds:.2f} s, this process's CPU {cpu:.2f} s "
                      f"(added {len(plan.added):,}, changed {len(plan.changed):,}, "
                      f"unchanged {len(plan.unchanged):,}, refused {len(plan.refused):,})")
            print(f"values stored: {IndicatorValue.objects.count():,}")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
