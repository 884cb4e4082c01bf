"""Throughput and latency of the observatory's pages under 16 clients, served as in production
(gunicorn, PostgreSQL, Redis): rendered on every request (with every indicator audited each time, and
with the audits kept: ``CIVICA_OBSERVATORY_POINTS_SECONDS``, ``civica.observatory.points_cache``), and
as people get them (``--mode served``: the page cache on, visitors and signed-in people, a writer
changing one organisation's value ``--writes-per-second`` times a second), beside the one-query
baseline of ``bench/README.md``, with whether the page targets hold.

One run: create (or reuse) the PostgreSQL database (``--database``), migrate it, seed it once with
``bench_observatory_dashboard.seed`` (20 indicators × 10 years × 200 organisations in the dimension "all",
with the whole city's stated values, and 20 more in "audited" with the organisations' values only: 80,200
rows) and collect the static files, then for each setting start gunicorn under ``config.settings.bench``
with the page cache off (so every request renders the page), load each page with 16 keep-alive clients
and stop it. Prints requests a second, p50 and p95 latency and the CPU milliseconds a request of
gunicorn's workers and of PostgreSQL (the figure that hardly moves when other work shares the machine); asserts nothing.

    .venv/bin/python bench/load_observatory.py --database civica_h_obspkg [--mode rendered|served|both]"""

import argparse
import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))

PAGES = ("/ro/observatory/dimensions/bench/all/", "/ro/observatory/dimensions/bench/audited/")
# As served: the dashboard's index and one indicator's page besides the two dimensions.
SERVED_PAGES = ("/ro/observatory/", *PAGES, "/ro/observatory/indicators/bench-audited-0/")
BASELINE = "/bench/baseline/"
PASSWORD = "bench-observatory-password"


def parse_arguments():
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="civica_bench_observatory")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=cores + 1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--mode", choices=("rendered", "served", "both"), default="both")
    parser.add_argument("--writes-per-second", type=float, default=1.0,
                        help="served: changes to one organisation's value a second (each makes every kept page stale)")
    arguments = parser.parse_args()
    arguments.worker_class = "gthread"
    return arguments


def prepare(database_url):
    """Migrate and seed once (committed: the database is the benchmark's own)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    os.environ["CIVICA_BENCH_DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from civica.observatory.models import Framework

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not Framework.objects.filter(slug="bench").exists():
        from bench_observatory_dashboard import seed

        started = time.perf_counter()
        with transaction.atomic():
            count = seed(20, 10, 200)
        print(f"seeded {count} values in {time.perf_counter() - started:.1f} s")
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    User = get_user_model()
    if not User.objects.filter(email="observer01@bench.civica.test").exists():
        hashed = make_password(PASSWORD)  # once: sixteen hashes would take longer than the seed
        User.objects.bulk_create([User(display_name=f"Observer {n}", email=f"observer{n:02d}@bench.civica.test",
                                       password=hashed) for n in range(1, 17)])
        from allauth.account.models import EmailAddress

        EmailAddress.objects.bulk_create([EmailAddress(user=user, email=user.email, verified=True, primary=True)
                                          for user in User.objects.filter(email__endswith="@bench.civica.test")])


def write_values(per_second, stopped, written):
    """One organisation's value of the dimension "audited" changed ``per_second`` times a second, as an
    accepted answer or an import does: the values' generation and the page cache's move on each time."""
    import django

    django.setup()
    from django.db import connection

    from civica.observatory.models import IndicatorValue

    value = IndicatorValue.objects.filter(indicator__code="bench-audited-0", organisation__isnull=False).first()
    interval, next_write = 1 / per_second, time.perf_counter()
    while not stopped.is_set():
        IndicatorValue.objects.filter(pk=value.pk).update(value=value.value + written.value % 2)
        with written.get_lock():
            written.value += 1
        next_write += interval
        time.sleep(max(0.0, next_write - time.perf_counter()))
    connection.close()


def targets(result, baseline_rps):
    ratio = result["rps"] / baseline_rps if baseline_rps else 0.0
    holds = ratio >= 0.5 and result["p95"] <= 100 and result["errors"] == 0
    return ratio, "yes" if holds else "no"


def run_rendered(arguments, database_url):
    arguments.page_cache = "off"
    print("| audits | path | requests | errors | req/s | p50 ms | p95 ms | app CPU ms/req | db CPU ms/req |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    from load_participation import CpuMeter, empty_redis, load, start_gunicorn, stop_gunicorn

    for seconds, label in (("0", "audited on each request"), ("3600", "kept (points_cache)")):
        os.environ["CIVICA_OBSERVATORY_POINTS_SECONDS"] = seconds
        empty_redis(arguments.redis)
        (BASE_DIR / "var").mkdir(exist_ok=True)
        server = start_gunicorn(arguments, database_url, BASE_DIR / "var" / "load_observatory.log")
        meter = CpuMeter(server.pid, database_url, arguments.database)
        try:
            for path in PAGES:
                result = load(arguments.port, path, arguments.clients, arguments.warmup, arguments.seconds, meter)
                print(f"| {label} | `{path}` | {result['requests']:,} | {result['errors']} | {result['rps']:.1f} | "
                      f"{result['p50']:.1f} | {result['p95']:.1f} | {result['app_cpu']:.1f} | {result['db_cpu']:.1f} |",
                      flush=True)
        finally:
            meter.close()
            stop_gunicorn(server)


def run_served(arguments, database_url):
    """The page cache on, audits kept; visitors, then sixteen signed-in people (one each), while a writer
    process changes a value. The baseline is measured first, in the same run."""
    import multiprocessing

    from load_participation import Browser, CpuMeter, empty_redis, load, load_as, start_gunicorn, stop_gunicorn

    arguments.page_cache = "on"
    os.environ["CIVICA_OBSERVATORY_POINTS_SECONDS"] = "3600"
    empty_redis(arguments.redis)
    (BASE_DIR / "var").mkdir(exist_ok=True)
    server = start_gunicorn(arguments, database_url, BASE_DIR / "var" / "load_observatory.log")
    meter = CpuMeter(server.pid, database_url, arguments.database)
    context = multiprocessing.get_context("spawn")
    stopped, written = context.Event(), context.Value("q", 0)
    writer = None
    people = []
    print(f"as served: page cache on, audits kept, {arguments.writes_per_second:g} value changes a second")
    print("| page | audience | requests | errors | req/s | p50 ms | p95 ms | × baseline | targets hold "
          "| app CPU ms/req | db CPU ms/req |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    try:
        people = [Browser(arguments.port).sign_in(f"observer{n:02d}@bench.civica.test", PASSWORD)
                  for n in range(1, arguments.clients + 1)]
        if arguments.writes_per_second > 0:
            os.environ["REDIS_URL"] = arguments.redis  # the writer's writes reach the page cache's Redis
            os.environ["CIVICA_PAGE_CACHE_SECONDS"] = "60"
            writer = context.Process(target=write_values, args=(arguments.writes_per_second, stopped, written),
                                     daemon=True)
            writer.start()
        baseline = load(arguments.port, BASELINE, arguments.clients, arguments.warmup, arguments.seconds, meter)
        rows = [("baseline", "visitors", baseline)]
        for path in SERVED_PAGES:
            rows.append((path, "visitors", load(arguments.port, path, arguments.clients, arguments.warmup,
                                                arguments.seconds, meter)))
            rows.append((path, "signed-in", load_as(people, path, arguments.warmup, arguments.seconds, meter)))
        for path, audience, result in rows:
            ratio, holds = targets(result, baseline["rps"])
            label = path if path == "baseline" else f"`{path}`"
            print(f"| {label} | {audience} | {result['requests']:,} | {result['errors']} | {result['rps']:,.0f} | "
                  f"{result['p50']:.1f} | {result['p95']:.1f} | {ratio:.2f} | {holds} | {result['app_cpu']:.1f} | "
                  f"{result['db_cpu']:.1f} |", flush=True)
    finally:
        stopped.set()
        if writer is not None:
            writer.join(timeout=30)
        for person in people:
            person.close()
        meter.close()
        stop_gunicorn(server)
    print(f"the writer changed a value {written.value:,} times")


def main():
    arguments = parse_arguments()
    database_url = f"{arguments.postgres}/{arguments.database}"
    from load_participation import ensure_database

    ensure_database(arguments.postgres, arguments.database)
    prepare(database_url)
    print(f"{time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores · gunicorn {arguments.workers} gthread workers × "
          f"{arguments.threads} threads · {arguments.clients} clients · {arguments.seconds:g} s "
          f"per page · load average {os.getloadavg()[0]:.1f} before")
    if arguments.mode in ("rendered", "both"):
        run_rendered(arguments, database_url)
    if arguments.mode in ("served", "both"):
        run_served(arguments, database_url)
    print(f"load average {os.getloadavg()[0]:.1f} after")


if __name__ == "__main__":
    main()
