"""Throughput and latency of the observatory's dimension pages under 16 clients, served as in production
(gunicorn, PostgreSQL, Redis), with every indicator audited on each request and with the audits kept
(``CIVICA_OBSERVATORY_POINTS_SECONDS``, ``civica.observatory.points_cache``).

One run: create (or reuse) the PostgreSQL database (``--database``), migrate it, seed it once with
``bench_observatory_dashboard.seed`` (20 indicators × 10 years × 200 organisations in the dimension "all",
with the whole city's stated values, and 20 more in "audited" with the organisations' values only: 80,200
rows) and collect the static files, then for each setting start gunicorn under ``config.settings.bench``
with the page cache off (so every request renders the page), load each page with 16 keep-alive clients
and stop it. Prints requests a second, p50 and p95 latency and the CPU milliseconds a request of
gunicorn's workers and of PostgreSQL (the figure that hardly moves when other work shares the machine); asserts nothing.

    .venv/bin/python bench/load_observatory.py --database civica_h_obspkg"""

import argparse
import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))

PAGES = ("/ro/observatory/dimensions/bench/all/", "/ro/observatory/dimensions/bench/audited/")


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
    arguments = parser.parse_args()
    arguments.worker_class, arguments.page_cache = "gthread", "off"
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


def main():
    arguments = parse_arguments()
    database_url = f"{arguments.postgres}/{arguments.database}"
    from load_participation import CpuMeter, empty_redis, ensure_database, load, start_gunicorn, stop_gunicorn

    ensure_database(arguments.postgres, arguments.database)
    prepare(database_url)
    print(f"{time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores · gunicorn {arguments.workers} gthread workers × "
          f"{arguments.threads} threads · page cache off · {arguments.clients} clients · {arguments.seconds:g} s "
          f"per page · load average {os.getloadavg()[0]:.1f} before")
    print("| audits | path | requests | errors | req/s | p50 ms | p95 ms | app CPU ms/req | db CPU ms/req |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
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
    print(f"load average {os.getloadavg()[0]:.1f} after")


if __name__ == "__main__":
    main()
