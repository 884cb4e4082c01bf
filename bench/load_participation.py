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
PAGE_KEYS = ("home", "processes", "ideas", "idea", "search")
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
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"],
                        help="gthread keeps client connections alive; sync closes them after each response")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/7",
                        help="Redis for the cache and sessions, as in production (emptied first; default db 7)")
    parser.add_argument("--page-cache", choices=["on", "off"], default="on",
                        help="on: visitors' pages served from the page cache, as in production with Redis; "
                             "off: every page rendered (what a signed-in person or a cache miss costs)")
    parser.add_argument("--writes-per-second", type=float, default=10.0,
                        help="while each page is loaded, a writer updates an idea this often (default 10/s, "
                             "a busy city): every write makes the kept pages stale, as real participation does")
    parser.add_argument("--pages", type=lambda text: set(text.split(",")), default=set(PAGE_KEYS),
                        help=f"comma-separated subset of {','.join(PAGE_KEYS)} (the baseline is always measured)")
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
    ideas = Idea.objects.filter(process__in=seeded_processes(), is_hidden=False).select_related("process")
    # seedscale gives one idea exactly BENCHMARK_COMMENTS comments (all of them, at a tiny scale)
    idea = ideas.filter(comment_count=BENCHMARK_COMMENTS).order_by("pk").first() or ideas.order_by(
        "-comment_count", "pk").first()
    connection.close()
    return seed_seconds, largest.slug, idea


def empty_redis(url):
    """Nothing kept by an earlier run (of another seed, perhaps) may answer for this one."""
    import redis

    try:
        redis.Redis.from_url(url).flushdb()
    except redis.RedisError as error:
        raise SystemExit(f"load_participation: Redis is not reachable at {url}: {error}") from None


def vacuum_analyze(server, name):
    """Settle the freshly loaded tables now, so autovacuum does not compete with the measurement."""
    started = time.perf_counter()
    with psycopg.connect(f"{server}/{name}", autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")
    print(f"VACUUM (ANALYZE): {time.perf_counter() - started:.1f} s")


def start_gunicorn(arguments, database_url, log_path):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench",
                   "CIVICA_BENCH_DATABASE_URL": database_url, "REDIS_URL": arguments.redis,
                   "CIVICA_PAGE_CACHE_SECONDS": "60" if arguments.page_cache == "on" else "0"}
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{arguments.port}",
               "--workers", str(arguments.workers), "--worker-class", arguments.worker_class,
               "--keep-alive", "30", "--log-level", "warning"]
    if arguments.worker_class == "gthread":  # gunicorn turns a sync worker with threads into gthread
        command += ["--threads", str(arguments.threads)]
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


def get(host, port, path, timeout=10):
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def write_steadily(idea_pk, per_second, stop):
    """Touch one idea ``per_second`` times a second until ``stop``, through the ORM like any write
    of the app (so the page cache hears of it); returns how many writes were made."""
    from django.db import connection
    from django.utils import timezone

    from civica.participation.models import Idea

    writes, interval = 0, 1 / per_second
    next_write = time.perf_counter()
    while (now := time.perf_counter()) < stop:
        if now >= next_write:
            Idea.objects.filter(pk=idea_pk).update(updated_at=timezone.now())
            writes += 1
            next_write += interval
        time.sleep(max(0.0, min(next_write, stop) - time.perf_counter()))
    connection.close()
    return writes


def load(port, path, clients, warmup, seconds, meter, writer=None):
    """``clients`` threads, one persistent connection each, requesting ``path`` until time is up;
    ``writer(stop)``, if given, runs beside them (see ``write_steadily``)."""
    latencies, errors, lock = [], [0], threading.Lock()
    start_measuring = time.perf_counter() + warmup
    stop = start_measuring + seconds
    written = [0]
    writer_thread = writer and threading.Thread(target=lambda: written.__setitem__(0, writer(stop)))
    if writer_thread:
        writer_thread.start()

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
    time.sleep(max(0.0, start_measuring - time.perf_counter()))
    cpu_before = meter.snapshot()
    time.sleep(max(0.0, stop - time.perf_counter()))
    app_cpu, database_cpu = meter.spent_since(cpu_before)
    for thread in threads:
        thread.join()
    if writer_thread:
        writer_thread.join()
    latencies.sort()
    requests = len(latencies)
    return {"requests": requests, "errors": errors[0], "rps": requests / seconds,
            "p50": percentile(latencies, 50) * 1000, "p95": percentile(latencies, 95) * 1000,
            "app_cpu": app_cpu * 1000 / requests if requests else float("nan"),
            "db_cpu": database_cpu * 1000 / requests if requests else float("nan"), "writes": written[0]}


class CpuMeter:
    """CPU time used by gunicorn's workers and by the PostgreSQL backends serving them (Linux /proc).

    Unlike latency, it hardly moves when other work shares the machine: it says what a page costs."""

    def __init__(self, server_pid, database_url, database):
        self.server_pid, self.database = server_pid, database
        self.connection = psycopg.connect(database_url, autocommit=True)

    def snapshot(self):
        workers = [pid for pid in _pids() if _parent_pid(pid) == self.server_pid]
        backends = [pid for (pid,) in self.connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [self.database])]
        return ({pid: _cpu_seconds(pid) for pid in workers}, {pid: _cpu_seconds(pid) for pid in backends})

    def spent_since(self, before):
        after = self.snapshot()
        return tuple(sum(seconds - earlier.get(pid, 0.0) for pid, seconds in later.items())
                     for earlier, later in zip(before, after, strict=True))

    def close(self):
        self.connection.close()


def _pids():
    return [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]


def _stat_fields(pid):
    try:  # the command name, in parentheses, may hold spaces: split after it
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _parent_pid(pid):
    fields = _stat_fields(pid)
    return int(fields[1]) if fields else None


def _cpu_seconds(pid):
    fields = _stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else 0.0


def percentile(sorted_values, rank):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, max(0, round(rank / 100 * len(sorted_values)) - 1))]


def main():
    arguments = parse_arguments()
    database_url = f"{arguments.postgres}/{arguments.database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    os.environ["CIVICA_BENCH_DATABASE_URL"] = database_url
    # The writer below writes as the app does, into the same Redis: the page cache learns of it.
    os.environ["REDIS_URL"] = arguments.redis
    os.environ["CIVICA_PAGE_CACHE_SECONDS"] = "60" if arguments.page_cache == "on" else "0"
    try:
        created = ensure_database(arguments.postgres, arguments.database)
    except psycopg.OperationalError as error:
        raise SystemExit(f"load_participation: PostgreSQL is not reachable at {arguments.postgres}: {error}") from None
    print(f"Database {arguments.database}: {'created' if created else 'reused'}")

    import django

    django.setup()
    seed_seconds, process_slug, idea = prepare_data(arguments.scale)
    vacuum_analyze(arguments.postgres, arguments.database)
    pages = [  # (key, label, path); the baseline first, since every ratio needs it
        ("baseline", "baseline", f"/bench/baseline/?idea={idea.pk}"),
        ("home", "home", "/ro/"),
        ("processes", "process list", "/ro/processes/"),
        ("ideas", "ideas by supports, page 2", f"/ro/processes/{process_slug}/ideas/?sort=supported&page=2"),
        ("idea", f"idea detail, {idea.comment_count} comments", f"/ro/processes/{idea.process.slug}/ideas/{idea.pk}/"),
        ("search", "search", "/ro/search/?q=cultura"),
    ]
    pages = [page for page in pages if page[0] == "baseline" or page[0] in arguments.pages]
    log_path = BASE_DIR / "var" / "bench" / "gunicorn.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    empty_redis(arguments.redis)
    server = start_gunicorn(arguments, database_url, log_path)
    meter = CpuMeter(server.pid, database_url, arguments.database)
    load_before = os.getloadavg()[0]
    results = {}
    try:
        for key, label, path in pages:
            try:
                status = get("127.0.0.1", arguments.port, path, timeout=60)[0]
            except (OSError, http.client.HTTPException):
                status = None  # measured all the same: the failures count as errors
            if status == 404 and key in OPTIONAL_PAGES:
                results[key] = None
                continue
            writer = None
            if arguments.writes_per_second > 0:
                def writer(stop, idea_pk=idea.pk):
                    return write_steadily(idea_pk, arguments.writes_per_second, stop)
            results[key] = load(arguments.port, path, arguments.clients, arguments.warmup, arguments.seconds, meter,
                                writer)
            print(f"  {label}: {results[key]['rps']:.0f} req/s", flush=True)
    finally:
        load_after = os.getloadavg()[0]
        meter.close()
        stop_gunicorn(server)

    workers = f"{arguments.workers} {arguments.worker_class} workers"
    if arguments.worker_class == "gthread":
        workers += f" × {arguments.threads} threads"
    seeded = f" · seeded in {seed_seconds:.0f} s" if seed_seconds is not None else ""
    print()
    print(f"{datetime.date.today().isoformat()} · scale {arguments.scale:g} · {os.cpu_count()} cores "
          f"({platform.processor() or platform.machine()}) · PostgreSQL {database_version(database_url)} · "
          f"gunicorn {workers} · page cache {arguments.page_cache} · "
          f"{arguments.writes_per_second:g} writes/s · {arguments.clients} clients · "
          f"{arguments.seconds:g} s per page · "
          f"load average {load_before:.1f} before, {load_after:.1f} after{seeded}")
    print()
    print_table(pages, results)


def database_version(database_url):
    with psycopg.connect(database_url) as connection:
        return connection.execute("SHOW server_version").fetchone()[0]


def print_table(pages, results):
    base_rps = results["baseline"]["rps"]
    print("| page | path | requests | errors | req/s | p50 ms | p95 ms | × baseline | targets hold "
          "| app CPU ms/req | db CPU ms/req |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for key, label, path in pages:
        result = results[key]
        if result is None:
            print(f"| {label} | `{path}` | – | – | – | – | – | – | not available (404) | – | – |")
            continue
        ratio = result["rps"] / base_rps if base_rps else float("nan")
        holds = ratio >= MIN_RATIO and result["p95"] <= MAX_P95_MS and not result["errors"]
        print(f"| {label} | `{path}` | {result['requests']:,} | {result['errors']:,} | {result['rps']:,.0f} | "
              f"{result['p50']:.1f} | {result['p95']:.1f} | {ratio:.2f} | {'yes' if holds else 'no'} | "
              f"{result['app_cpu']:.1f} | {result['db_cpu']:.1f} |")


if __name__ == "__main__":
    main()
