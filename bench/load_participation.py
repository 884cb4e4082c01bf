"""Throughput and latency of the consultation pages at city scale, served as in production.

One run: create (or reuse) the PostgreSQL database ``civica_bench``, migrate it, seed it with
``seedscale`` (skipped when it already holds the data at this scale), serve it with gunicorn on
127.0.0.1 under ``config.settings.bench``, load each page with 16 keep-alive clients for a fixed
time, print a table, stop gunicorn. Prints figures; asserts nothing (tests never time things).

    .venv/bin/python bench/load_participation.py               # city scale (seeding takes minutes)
    .venv/bin/python bench/load_participation.py --scale 0.05  # a quick run

Throughput is compared with ``/bench/baseline/`` (one indexed query, no template): a page holds
its targets when it serves at least half the baseline's requests per second and its 95th
percentile stays within 100 ms.
"""

import argparse
import datetime
import http.client
import os
import platform
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

MIN_RATIO, MAX_P95_MS = 0.5, 100.0
OPTIONAL_PAGES = {"search"}  # may not exist yet: a 404 is reported as "not available"


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of city scale to seed (default 1)")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432",
                        help="PostgreSQL server, without the database name")
    parser.add_argument("--database", default="civica_bench", help="database to create or reuse")
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds per page (default 20)")
    parser.add_argument("--warmup", type=float, default=3.0, help="unmeasured seconds per page first")
    parser.add_argument("--clients", type=int, default=16, help="concurrent keep-alive clients (default 16)")
    cores = os.cpu_count() or 1
    parser.add_argument("--workers", type=int, default=cores + 1, help="gunicorn workers (default cores + 1)")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker (default 2)")
    parser.add_argument("--port", type=int, default=8765)
    return parser.parse_args()


def ensure_database(server, name):
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        connection.execute(f'CREATE DATABASE "{name}"')
        return True


def prepare_data(scale):
    """Migrate, seed unless this scale is there already, and name the pages to measure."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count

    from civica.participation.management.commands.seedscale import (
        BENCHMARK_COMMENTS,
        planned_sizes,
        seeded_counts,
        seeded_processes,
    )
    from civica.participation.models import Idea

    call_command("migrate", interactive=False, verbosity=0)
    sizes, counts = planned_sizes(scale), seeded_counts()
    seed_seconds = None
    if counts == sizes:
        print(f"Database already holds the seed at scale {scale}: {counts}; not seeding.")
    else:
        started = time.perf_counter()
        call_command("seedscale", scale=scale, force=any(counts.values()))
        seed_seconds = time.perf_counter() - started
    call_command("collectstatic", interactive=False, verbosity=0)
    largest = seeded_processes().annotate(idea_total=Count("ideas")).order_by("-idea_total", "pk").first()
    idea = (Idea.objects.filter(process__in=seeded_processes(), comment_count=BENCHMARK_COMMENTS, is_hidden=False)
            .select_related("process").order_by("pk").first())
    connection.close()
    return seed_seconds, largest.slug, idea


def vacuum_analyze(server, name):
    """Settle the freshly loaded tables now, so autovacuum does not compete with the measurement."""
    started = time.perf_counter()
    with psycopg.connect(f"{server}/{name}", autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")
    print(f"VACUUM (ANALYZE): {time.perf_counter() - started:.1f} s")


def start_gunicorn(arguments, database_url, log_path):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench",
                   "CIVICA_BENCH_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{arguments.port}",
               "--workers", str(arguments.workers), "--worker-class", "gthread", "--threads", str(arguments.threads),
               "--keep-alive", "30", "--log-level", "warning"]
    log = open(log_path, "w")  # closed by stop_gunicorn
    server = subprocess.Popen(command, cwd=BASE_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT)
    server.log = log
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}; see {log_path}")
        try:
            if get("127.0.0.1", arguments.port, "/healthz")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    stop_gunicorn(server)
    raise SystemExit(f"gunicorn did not answer within 60 s; see {log_path}")


def stop_gunicorn(server):
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)  # graceful: the master stops its workers
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    server.log.close()


def get(host, port, path):
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def load(port, path, clients, warmup, seconds):
    """``clients`` threads, one persistent connection each, requesting ``path`` until time is up."""
    latencies, errors, lock = [], [0], threading.Lock()
    start_measuring = time.perf_counter() + warmup
    stop = start_measuring + seconds

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, failed = [], 0
        while (began := time.perf_counter()) < stop:
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                connection.close()  # reopened by the next request
                ok = False
            if began >= start_measuring:
                mine.append(time.perf_counter() - began)
                failed += not ok
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {"requests": len(latencies), "errors": errors[0], "rps": len(latencies) / seconds,
            "p50": percentile(latencies, 50) * 1000, "p95": percentile(latencies, 95) * 1000}


def percentile(sorted_values, rank):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, max(0, round(rank / 100 * len(sorted_values)) - 1))]


def main():
    arguments = parse_arguments()
    database_url = f"{arguments.postgres}/{arguments.database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    os.environ["CIVICA_BENCH_DATABASE_URL"] = database_url
    created = ensure_database(arguments.postgres, arguments.database)
    print(f"Database {arguments.database}: {'created' if created else 'reused'}")

    import django

    django.setup()
    seed_seconds, process_slug, idea = prepare_data(arguments.scale)
    vacuum_analyze(arguments.postgres, arguments.database)
    baseline = f"/bench/baseline/?idea={idea.pk}"
    pages = [
        ("baseline", baseline),
        ("home", "/ro/"),
        ("process list", "/ro/processes/"),
        ("ideas by supports, page 2", f"/ro/processes/{process_slug}/ideas/?sort=supported&page=2"),
        (f"idea detail, {idea.comment_count} comments", f"/ro/processes/{idea.process.slug}/ideas/{idea.pk}/"),
        ("search", "/ro/search/?q=cultura"),
    ]
    log_path = BASE_DIR / "var" / "bench" / "gunicorn.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    server = start_gunicorn(arguments, database_url, log_path)
    results = {}
    try:
        for name, path in pages:
            status, _body = get("127.0.0.1", arguments.port, path)
            if status == 404 and name in OPTIONAL_PAGES:
                results[name] = None
                continue
            results[name] = load(arguments.port, path, arguments.clients, arguments.warmup, arguments.seconds)
            print(f"  {name}: {results[name]['rps']:.0f} req/s", flush=True)
    finally:
        stop_gunicorn(server)

    print()
    print(f"{datetime.date.today().isoformat()} · scale {arguments.scale:g} · {os.cpu_count()} cores "
          f"({platform.processor() or platform.machine()}) · PostgreSQL {database_version(database_url)} · "
          f"gunicorn {arguments.workers} workers × {arguments.threads} threads (gthread) · "
          f"{arguments.clients} clients · {arguments.seconds:g} s per page"
          + (f" · seeded in {seed_seconds:.0f} s" if seed_seconds is not None else ""))
    print()
    print_table(pages, results)


def database_version(database_url):
    with psycopg.connect(database_url) as connection:
        return connection.execute("SHOW server_version").fetchone()[0]


def print_table(pages, results):
    base_rps = results["baseline"]["rps"]
    print("| page | path | requests | errors | req/s | p50 ms | p95 ms | × baseline | targets hold |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for name, path in pages:
        result = results[name]
        if result is None:
            print(f"| {name} | `{path}` | – | – | – | – | – | – | not available (404) |")
            continue
        ratio = result["rps"] / base_rps if base_rps else float("nan")
        holds = ratio >= MIN_RATIO and result["p95"] <= MAX_P95_MS and not result["errors"]
        print(f"| {name} | `{path}` | {result['requests']:,} | {result['errors']:,} | {result['rps']:,.0f} | "
              f"{result['p50']:.1f} | {result['p95']:.1f} | {ratio:.2f} | {'yes' if holds else 'no'} |")


if __name__ == "__main__":
    main()
