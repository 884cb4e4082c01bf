"""The ECCA archive at 50,000 works (issue 23, "Done when"): the public catalogue's faceted search, and a
full OAI-PMH ``ListRecords`` harvest.

Seeds 50,000 published works by 500 artists, in 8 media, 30 tags (two a work) and 10 collections (one work
in five), then:

1. the catalogue (test client, server side: the view's time with its queries, as ``bench_pages.py``)
   for five addresses — everything, one facet, three facets, a word, a word and two facets —: 5 times
   with the facets counted at every request (as right after any change of the archive), then 21 times
   with the counts kept in the cache (the first, which counts them, not counted): median and 95th
   percentile milliseconds and the queries a request, against ``bench/README.md``'s page target (95th
   percentile at most 100 ms);
2. a harvest of every record through resumption tokens (``PAGE_SIZE`` records an answer), measuring the
   peak Python memory (tracemalloc) of each answer: constant memory means the last answers peak no higher
   than the first, whatever the number of records already harvested.

On an in-memory SQLite database, or on the database ``DATABASE_URL`` names (PostgreSQL: everything is
deleted at the end). Prints figures; asserts nothing.

    .venv/bin/python bench/bench_archive.py [works] [catalogue] [harvest]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/civica_x .venv/bin/python bench/bench_archive.py"""

import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

WORKS = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
PARTS = set(sys.argv[2:]) or {"catalogue", "harvest"}  # e.g. `bench_archive.py 50000 harvest`
ARTISTS, MEDIA, TAGS, COLLECTIONS = 500, 8, 30, 10
ASKED = 21
WORDS = ["casa", "strada", "portret", "noaptea", "ceață", "forma", "harta", "semne", "blocuri", "camera"]


def seed():
    from civica.archive.models import Artist, Collection, CollectionItem, Medium, Tag, Work, WorkStatus
    from civica.archive.text import fold

    artists = Artist.objects.bulk_create([Artist(slug=f"artist-{n}", name=f"Artistul Ștefan {n}",
                                                 birth_year=1950 + n % 50) for n in range(ARTISTS)])
    media = Medium.objects.bulk_create([Medium(slug=f"mediu-{n}", name_ro=f"Mediu {n}", name_en=f"Medium {n}")
                                        for n in range(MEDIA)])
    tags = Tag.objects.bulk_create([Tag(slug=f"eticheta-{n}", name_ro=f"Etichetă {n}", name_en=f"Tag {n}")
                                    for n in range(TAGS)])
    collections = Collection.objects.bulk_create([Collection(slug=f"colectie-{n}", title_ro=f"Colecția {n}",
                                                             is_published=True) for n in range(COLLECTIONS)])
    now = timezone.now()
    batch = []
    for n in range(WORKS):
        artist, medium = artists[n % ARTISTS], media[n % MEDIA]
        year = 1960 + n % 65
        title = f"{WORDS[n % len(WORDS)].capitalize()} {n}"
        batch.append(Work(
            slug=f"lucrare-{n}", inventory_number=f"B-{n:06d}", status=WorkStatus.PUBLISHED, title_ro=title,
            title_en=f"Work {n}", artist=artist, medium=medium, year_from=year, decade=year // 10 * 10,
            technique_ro="tehnică mixtă", dimensions="50 × 70", location="Depozit",
            search_text=f" {fold(title)} {fold(artist.name)} {fold(medium.name_ro)} b-{n:06d} {year} ",
            published_at=now, updated_at=now))
        if len(batch) == 5_000:
            Work.objects.bulk_create(batch)
            batch = []
    Work.objects.bulk_create(batch)
    ids = list(Work.objects.order_by("pk").values_list("pk", flat=True))
    through = Work.tags.through
    through.objects.bulk_create([through(work_id=pk, tag_id=tags[(index + shift) % TAGS].pk)
                                 for index, pk in enumerate(ids) for shift in (0, 7)], batch_size=10_000)
    CollectionItem.objects.bulk_create([CollectionItem(collection=collections[index % COLLECTIONS], work_id=pk,
                                                       position=index) for index, pk in enumerate(ids)
                                        if index % 5 == 0], batch_size=10_000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def catalogue():
    client = Client()
    addresses = ["/en/archive/", "/en/archive/?medium=mediu-3",
                 "/en/archive/?medium=mediu-3&period=1990&tag=eticheta-3", "/en/archive/?q=strada",
                 "/en/archive/?q=stefan+strada&medium=mediu-3&tag=eticheta-3"]
    print(f"\nThe catalogue, {WORKS:,} works ({connection.vendor}); each address asked {ASKED} times, "
          "the first not counted (no page cache: every answer rendered)")
    print("| address | works found | facets counted: median ms (5) | queries | facets kept: median ms | p95 ms | "
          "queries | target (p95 ≤ 100 ms) |")
    print("|---|---|---|---|---|---|---|---|")
    from django.conf import settings

    for address in addresses:
        def ask(times, address=address):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(address)
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, address
            return response, len(captured.captured_queries)

        settings.CIVICA_ARCHIVE_FACETS_SECONDS = 0  # every request counts the facets (as after a change)
        counted = []
        for _attempt in range(5):
            _response, counted_queries = ask(counted)
        settings.CIVICA_ARCHIVE_FACETS_SECONDS = 3600
        times = []
        for _attempt in range(ASKED):
            response, queries = ask(times)
        times = times[1:]  # the first counted the facets and kept them
        paginator = response.context["page"].paginator
        found = f"> {paginator.cap:,}" if getattr(paginator, "capped", False) else f"{paginator.count:,}"
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"| `{address[12:] or '/'}` | {found} | {statistics.median(counted):.0f} | {counted_queries} | "
              f"{statistics.median(times):.0f} | {p95:.0f} | {queries} | {'holds' if p95 <= 100 else 'misses'} |")


def prepared():
    """A change of the archive: the write's signal bumps the generation and, once it commits, the task counts
    the unfiltered catalogue again (in this process: the queue runs tasks eagerly here); then the first
    visitor's request finds the counts ready."""
    from civica.archive import selectors, tasks

    client = Client()
    start = time.perf_counter()
    selectors.catalogue_changed()  # what a write's signals do; autocommit: the task runs at once
    tasks.after_change()
    task_ms = (time.perf_counter() - start) * 1000
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        client.get("/en/archive/")
        first_ms = (time.perf_counter() - start) * 1000
    print(f"\nAfter a change: the task counted the unfiltered catalogue (both languages) in {task_ms:.0f} ms; "
          f"the first visitor's `/` then took {first_ms:.0f} ms in {len(captured.captured_queries)} queries")


def harvest():
    from django.conf import settings
    from lxml import etree

    client = Client()
    namespace = "{http://www.openarchives.org/OAI/2.0/}"
    records, answers, peaks, token = 0, 0, [], None
    started = time.perf_counter()
    while True:
        address = (f"/oai/?verb=ListRecords&resumptionToken={token}" if token
                   else "/oai/?verb=ListRecords&metadataPrefix=oai_dc")
        tracemalloc.start()
        response = client.get(address)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        document = etree.fromstring(response.content)
        records += len(document.findall(f".//{namespace}record"))
        answers += 1
        element = document.find(f".//{namespace}resumptionToken")
        token = element.text if element is not None else None
        if not token:
            break
    seconds = time.perf_counter() - started
    size = getattr(settings, "CIVICA_OAI_PAGE_SIZE", None) or 100
    tenth = max(1, len(peaks) // 10)
    print(f"\nListRecords harvest: {records:,} records in {answers} answers of {size}, {seconds:.1f} s "
          f"({records / seconds:,.0f} records/s, {seconds / answers * 1000:.0f} ms an answer; tracemalloc on)")
    print(f"peak Python memory of an answer: first tenth max {max(peaks[:tenth]) / 1024:.0f} KiB, "
          f"last tenth max {max(peaks[-tenth:]) / 1024:.0f} KiB, overall max {max(peaks) / 1024:.0f} KiB")


def main():
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client keeps each answer's context (the number of works found)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    seed()
    print(f"seeded {WORKS:,} works in {time.perf_counter() - started:.1f} s")
    try:
        if "catalogue" in PARTS:
            catalogue()
            prepared()
        if "harvest" in PARTS:
            harvest()
    finally:
        if not connection.settings_dict["NAME"].startswith(("file:memorydb", ":memory:")):
            from civica.archive.models import Artist, Collection, Medium, Tag, Work

            Collection.objects.all().delete()
            Work.objects.all().delete()
            Artist.objects.all().delete()
            Medium.objects.all().delete()
            Tag.objects.all().delete()


if __name__ == "__main__":
    main()
