"""What a signed-in person's kept pages cost in-process: served as kept, filled again after their own write on
another page, and the write itself with the page it leads back to (core/page_cache.py).

Django's test client through the whole middleware stack, ``config.settings.bench`` (the page cache on Redis as in
production), a seeded database of the developer's (``seedscale``; not the load benchmark's, which this writes
to), one request at a time; CPU by ``time.process_time()``, so the figures hold on a busy machine. A seeded
citizen reads the idea with 50 comments while supporting, withdrawing and commenting on *other* ideas of its
consultation, as ``load_participation.py``'s signed-in clients do; and the plan page, kept, for them and for a
visitor. Prints figures; asserts nothing. Empties the Redis database it is given.

    flock /tmp/bench.lock .venv/bin/python bench/bench_personal_refill.py \\
        --database postgres://postgres@127.0.0.1:5432/civica_h_idea --redis redis://127.0.0.1:6379/10
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="a seeded PostgreSQL database (seedscale)")
    parser.add_argument("--redis", required=True, help="a Redis database (emptied first)")
    parser.add_argument("--repeat", type=int, default=200, help="requests per figure of a kept page")
    parser.add_argument("--rounds", type=int, default=30, help="participations per figure of a refill")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the refills")
    return parser.parse_args()


arguments = parse_arguments()
os.environ.update({"DJANGO_SETTINGS_MODULE": "config.settings.bench", "CIVICA_BENCH_DATABASE_URL": arguments.database,
                   "REDIS_URL": arguments.redis, "CIVICA_PAGE_CACHE_SECONDS": "60"})

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from civica.core import page_cache  # noqa: E402
from civica.participation.management.commands.seedscale import (  # noqa: E402
    BENCHMARK_COMMENTS,
    PLAN_YEAR,
    seeded_citizens,
    seeded_processes,
)
from civica.participation.models import Idea  # noqa: E402

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate"}
HOST = {"HTTP_HOST": "127.0.0.1"}


def cpu_ms(action, times):
    """CPU a call of ``action``, in ms: the median of five blocks of ``times`` calls."""
    blocks = []
    for _block in range(5):
        started = time.process_time()
        for _ in range(times):
            action()
        blocks.append((time.process_time() - started) / times * 1000)
    return statistics.median(blocks)


def queries_of(action):
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)


def main():
    cache.clear()
    ideas = Idea.objects.filter(process__in=seeded_processes(), is_hidden=False).select_related("process")
    idea = ideas.filter(comment_count=BENCHMARK_COMMENTS).order_by("pk").first()
    others = list(ideas.filter(process=idea.process).exclude(pk=idea.pk).order_by("-pk")[:40])
    person = seeded_citizens().order_by("pk")[5]
    page = f"/ro/processes/{idea.process.slug}/ideas/{idea.pk}/"
    plan = f"/ro/plans/{PLAN_YEAR}/"
    reader = Client(**HOST)
    reader.force_login(person)
    visitor = Client(**HOST)

    def read(client, path):
        def get():
            response = client.get(path, **GZIP)
            assert response.status_code == 200, (path, response.status_code)
        return get

    for path in (page, plan):
        read(reader, path)()
        read(visitor, path)()
    print(f"idea {idea.pk} ({BENCHMARK_COMMENTS} comments), person {person.pk}; load average "
          f"{os.getloadavg()[0]:.1f}")
    print(f"kept idea page, signed-in: {cpu_ms(read(reader, page), arguments.repeat // 5):.2f} ms CPU, "
          f"{queries_of(read(reader, page))} queries")
    print(f"kept plan page, signed-in: {cpu_ms(read(reader, plan), arguments.repeat // 5):.2f} ms CPU")
    print(f"kept plan page, visitor:   {cpu_ms(read(visitor, plan), arguments.repeat // 5):.2f} ms CPU")

    # A participation as load_participation.py's clients make it: a form on another idea, the page after it.
    state = {"round": 0, "supported": []}

    def participate():
        state["round"] += 1
        number = state["round"]
        other = others[number % len(others)]
        path = f"/ro/processes/{other.process.slug}/ideas/{other.pk}/"
        if number % 3 == 0:
            response = reader.post(path + "comments/", {"body": f"Comentariu fictiv de măsurare nr. {number}.",
                                                        "alignment": "neutral"}, **GZIP)
        elif number % 3 == 1 or not state["supported"]:
            response = reader.post(path + "support/", {}, **GZIP)
            state["supported"].append(path)
        else:
            response = reader.post(state["supported"].pop() + "support/", {"withdraw": "1"}, **GZIP)
        assert response.status_code == 302, response.status_code
        reader.get(response["Location"], **GZIP)
        reader.cookies.pop("messages", None)  # emptied by the page that showed them: a browser drops it

    timings = {"participation (form + page after)": [], "idea page after it": []}
    queries = []
    profiler = cProfile.Profile() if arguments.profile else None
    for _round in range(arguments.rounds):
        started = time.process_time()
        participate()
        timings["participation (form + page after)"].append(time.process_time() - started)
        started = time.process_time()
        if profiler:
            profiler.enable()
        with CaptureQueriesContext(connection) as captured:
            read(reader, page)()
        if profiler:
            profiler.disable()
        timings["idea page after it"].append(time.process_time() - started)
        queries.append(len(captured))
    for label, values in timings.items():
        print(f"{label}: median {statistics.median(values) * 1000:.1f} ms CPU, "
              f"min {min(values) * 1000:.1f}")
    print(f"queries of the idea page after a participation: median {statistics.median(queries)}, "
          f"max {max(queries)}")

    # The refill alone: only the person's generation moved (no page of the consultation is stale).
    def refill():
        page_cache.person_changed(person.pk)
        read(reader, page)()
    print(f"idea page, the person's generation moved: {cpu_ms(refill, 10):.1f} ms CPU, "
          f"{queries_of(refill)} queries")

    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    page_cache.person_changed(person.pk)


if __name__ == "__main__":
    main()
