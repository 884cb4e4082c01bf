"""The database time of the ideas list of one (large) process, query by query, for a visitor and for a
signed-in person, on the PostgreSQL database of ``DATABASE_URL`` (seed it with ``manage.py seedscale``).

Each page is requested once through Django's test client to capture its queries; each query is then run
again ``--repeat`` times on its own under ``EXPLAIN ANALYZE`` and its fastest and median server time
printed with the pages of 8 KiB it touched, then the request's totals (the sums) and the median time of
the whole request in Python.
``--explain`` also prints ``EXPLAIN (ANALYZE, BUFFERS)`` of every query that reads ideas. Prints
figures; asserts nothing. Run:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/civica_bench .venv/bin/python bench/bench_ideas_list.py
        [--process SLUG] [--repeat 20] [--pages random] [--explain]

(The process is the one with the most ideas unless ``--process`` names one.)"""

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from civica.accounts.models import User  # noqa: E402
from civica.participation.models import Process  # noqa: E402

PAGES = [
    ("by supports, page 2", "?sort=supported&page=2"),
    ("newest, page 2", "?sort=newest&page=2"),
    ("most commented, page 2", "?sort=commented&page=2"),
    ("random, page 2", "?sort=random&page=2"),
    ("status published", "?status=published"),
    ("status accepted", "?status=accepted"),
    ("one category, page 2", "?category={category}&page=2"),
    ("by supports, page 100", "?sort=supported&page=100"),
]


def label(sql: str) -> str:
    # The table of the first column selected (a subquery may come before the main FROM), else of FROM.
    table = re.match(r'SELECT (?:DISTINCT )?"(\w+)"\.', sql) or re.search(r'FROM "(\w+)"', sql)
    kind = "count" if re.match(r"SELECT (COUNT|\(COALESCE)", sql) else "rows"
    return f"{table[1] if table else '?'} ({kind})"


def server_ms(sql: str, repeat: int) -> tuple[float, float, int]:
    """The fastest and the median of ``repeat`` runs of ``sql``, as PostgreSQL times them (planning and
    execution, from ``EXPLAIN (ANALYZE, TIMING OFF, BUFFERS)``): on a busy machine the client's clock
    adds the waits for a core, the fastest run says what the query costs. And the pages of 8 KiB it
    touched (in memory or read), which no other work on the machine changes."""
    times, pages = [], 0
    with connection.cursor() as cursor:
        for _ in range(repeat):
            cursor.execute("EXPLAIN (ANALYZE, TIMING OFF, BUFFERS, FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0]
            plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]
            times.append(plan["Planning Time"] + plan["Execution Time"])
            pages = plan["Plan"]["Shared Hit Blocks"] + plan["Plan"]["Shared Read Blocks"]
    return min(times), statistics.median(times), pages


def explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join("      " + row[0] for row in cursor.fetchall())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--process", help="the process's slug (default: the one with the most ideas)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--pages", help="only the pages whose name contains this (e.g. 'random')")
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        print("bench_ideas_list: needs DATABASE_URL of a seeded PostgreSQL database (manage.py seedscale); skipped.")
        return
    setup_test_environment()
    processes = Process.objects.annotate(idea_total=Count("ideas"))
    process = (processes.filter(slug=options.process) if options.process
               else processes.order_by("-idea_total")).first()
    if process is None or not process.idea_total:
        print("bench_ideas_list: no process with ideas in this database (manage.py seedscale); skipped.")
        return
    category = process.categories.order_by("pk").first()
    person = User.objects.filter(is_active=True, ideas__process=process).order_by("pk").first()
    if person is None:
        print("bench_ideas_list: nobody active wrote an idea in this process; skipped.")
        return
    visitor, signed_in = Client(), Client()
    signed_in.force_login(person)
    print(f"{process.slug}: {process.idea_total:,} ideas; signed in as {person.email}; "
          f"PostgreSQL {connection.pg_version // 10000}, median of {options.repeat} runs per query")
    totals = []
    for name, query in [(name, query) for name, query in PAGES if (options.pages or "") in name]:
        url = f"/ro/processes/{process.slug}/ideas/{query.format(category=category.pk if category else '')}"
        for who, client in (("visitor", visitor), ("signed in", signed_in)):
            client.get(url)  # sessions, caches of content types and settings
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            # Read now: the next request empties the connection's log.
            queries = [(label(query["sql"]), query["sql"]) for query in captured.captured_queries]
            requests = []
            for _ in range(max(3, options.repeat // 4)):
                start = time.perf_counter()
                client.get(url)
                requests.append((time.perf_counter() - start) * 1000)
            timed = [(name_, *server_ms(sql, options.repeat), sql) for name_, sql in queries]
            fastest, median, pages = (sum(run[index] for run in timed) for index in (1, 2, 3))
            totals.append((name, who, len(timed), fastest, median, pages, statistics.median(requests)))
            print(f"\n{name} ({who}) {url} -> {response.status_code}: {len(timed)} queries, "
                  f"{fastest:.2f} ms of database (median {median:.2f}), {pages:,} pages, "
                  f"{statistics.median(requests):.1f} ms a request")
            for query_name, ms, median_ms, query_pages, sql in timed:
                print(f"  {ms:8.3f} ms (median {median_ms:8.3f}) {query_pages:7,} pages  {query_name}")
                if options.explain and "participation_idea" in sql and who == "signed in":
                    print(explain(sql))
    print("\n| page | reader | queries | database ms (fastest) | database ms (median) | pages touched "
          "| request ms (median) |\n|---|---|---:|---:|---:|---:|---:|")
    for name, who, count, fastest, median, pages, request in totals:
        print(f"| {name} | {who} | {count} | {fastest:.2f} | {median:.2f} | {pages:,} | {request:.1f} |")


if __name__ == "__main__":
    main()
