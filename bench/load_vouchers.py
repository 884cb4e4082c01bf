"""Redemption of cultural vouchers at a venue's phone page under 16 clients, served as in production
(gunicorn, PostgreSQL, Redis), beside the one-query baseline (issue 22: "redemption at 16 clients on
PostgreSQL has p95 ≤ 100 ms").

One run: create (or reuse) the PostgreSQL database (``--database``), migrate it and seed it once: an open
programme, one venue with one offer, 16 members of the venue's staff (each a client, signed in through
allauth's form with a shared password hashed once) and ``--vouchers`` vouchers of 1,000 lei issued in bulk.
Then gunicorn under ``config.settings.bench`` with the page cache on; the baseline is loaded by 16 clients,
then each of the 16 staff members posts redemptions of 1 leu through the page's own form (``action=redeem``,
with its CSRF token), one after another without pause, each for a voucher drawn at random from the first
200 (so two clients often redeem the same voucher at once and one waits for the other's row lock). The form
posts as the phone page's htmx does (its ``HX-Request``, ``HX-Target`` and ``HX-Current-URL`` headers): one
request, answered 200 by the page's panel saying what was redeemed and what is left, which counts as a
success only when it says so. ``--plain`` posts as a phone without JavaScript does instead: the post, then
the page it is redirected to (which shows the message, so its cookie is spent), both timed as one
redemption. The look-up limits, made for people typing codes, are lifted for this one address
(``CIVICA_BENCH_WRITE_LIMITS=off``). Prints the table and checks that the balances went down by exactly the
redemptions recorded.

    .venv/bin/python bench/load_vouchers.py [--database civica_bench_vouchers_load] [--seconds 15] [--plain]"""

import argparse
import http.client
import os
import random
import statistics
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))

PASSWORD = "bench-vouchers-password"
STAFF_EMAIL = "venue-staff-{:02d}@bench.civica.test"
PROGRAMME_SLUG = "bench-vouchers"
DRAWN_FROM = 200
REDEEM_PATH = "/ro/vouchers/redeem/"
# What the page's htmx sends with its form (vouchers/_redeem_panel.html: data-hx-target="#redeem-panel").
HTMX_HEADERS = {"HX-Request": "true", "HX-Target": "redeem-panel", "HX-Current-URL": f"http://127.0.0.1{REDEEM_PATH}"}
REDEEMED_MARK = b'role="status" data-testid="outcome"'


class HtmxConnection(http.client.HTTPConnection):
    """The phone page's posts: htmx adds its headers to each."""

    def request(self, method, url, body=None, headers=None, **kwargs):
        if method == "POST":
            headers = {**(headers or {}), **HTMX_HEADERS}
        super().request(method, url, body=body, headers=headers or {}, **kwargs)


def parse_arguments():
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="civica_bench_vouchers_load")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--vouchers", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=cores + 1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8768)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/6")
    parser.add_argument("--plain", action="store_true", help="post without htmx and load the page redirected to")
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"],
                        help="gunicorn's (sync: README's deployment line, one request at a time a worker)")
    arguments = parser.parse_args()
    arguments.page_cache = "on"
    return arguments


def prepare(database_url, clients, count):
    """Migrate and seed once (committed: the database is the benchmark's own)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    os.environ["CIVICA_BENCH_DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from civica.vouchers.models import Offer, Venue, Voucher, VoucherProgramme

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    programme = VoucherProgramme.objects.filter(slug=PROGRAMME_SLUG).first()
    if programme is None:
        with transaction.atomic():
            programme = seed(clients, count)
    venue = Venue.objects.filter(programmes=programme).first()
    offer = Offer.objects.filter(venue=venue).first()
    codes = list(Voucher.objects.filter(programme=programme).order_by("pk").values_list("code", flat=True)[:DRAWN_FROM])
    return programme, venue, offer, codes


def seed(clients, count):
    from django.contrib.auth.hashers import make_password

    from civica.vouchers import services
    from civica.vouchers.tests.factories import programme_staff, setting, venue_staff

    programme, venue, _offer = setting(slug=PROGRAMME_SLUG, voucher_value=Decimal("1000"),
                                       budget=Decimal(1000 * count))
    hashed = make_password(PASSWORD)  # once: sixteen hashes would take longer than the seed
    for number in range(1, clients + 1):
        person = venue_staff(venue)
        person.email, person.password = STAFF_EMAIL.format(number), hashed
        person.save(update_fields=["email", "password"])
        person.emailaddress_set.update(email=person.email, verified=True)
    services.bulk_issue(programme=programme, count=count, purpose="Benchmark", language="ro",
                        by=programme_staff(programme))
    return programme


def balances(programme):
    from django.db.models import Sum

    from civica.vouchers.models import Redemption, Voucher

    spent = Voucher.objects.filter(programme=programme).aggregate(
        spent=Sum("value") - Sum("balance"))["spent"] or Decimal("0")
    recorded = Redemption.objects.filter(voucher__programme=programme, reversed_at__isnull=True).aggregate(
        total=Sum("amount"))["total"] or Decimal("0")
    return spent, recorded


def redeem_steadily(browsers, venue, offer, codes, warmup, seconds, meter, plain):
    """Each browser posts redemptions one after another until time is up; the measured ones are timed."""
    latencies, errors, lock = [], [0], threading.Lock()
    start_measuring = time.perf_counter() + warmup
    stop = start_measuring + seconds

    def client(index, browser):
        rng, mine, failed = random.Random(index), [], 0
        while (began := time.perf_counter()) < stop:
            status, location, page = browser.post(REDEEM_PATH, {
                "action": "redeem", "code": rng.choice(codes), "venue": venue.pk, "offer": offer.pk, "amount": "1"})
            if plain:
                redirected = status == 302 and location.endswith(REDEEM_PATH)
                status, _location, page = browser.request("GET", location) if redirected else (status, "", page)
            redeemed = status == 200 and REDEEMED_MARK in page if not plain else (
                status == 200 and b"message-success" in page)
            if began >= start_measuring:
                mine.append(time.perf_counter() - began)
                failed += not redeemed
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=client, args=(index, browser)) for index, browser in enumerate(browsers)]
    for thread in threads:
        thread.start()
    time.sleep(max(0.0, start_measuring - time.perf_counter()))
    before = meter.snapshot()  # the measured seconds only
    for thread in threads:
        thread.join()
    app_cpu, db_cpu = meter.spent_since(before)
    latencies.sort()
    count = len(latencies)
    return {"requests": count, "errors": errors[0], "rps": count / seconds,
            "p50": statistics.median(latencies) * 1000 if latencies else 0.0,
            "p95": latencies[max(0, int(count * 0.95) - 1)] * 1000 if latencies else 0.0,
            "app_cpu": app_cpu * 1000 / max(count, 1), "db_cpu": db_cpu * 1000 / max(count, 1)}


def main():
    arguments = parse_arguments()
    database_url = f"{arguments.postgres}/{arguments.database}"
    from load_participation import Browser, CpuMeter, empty_redis, ensure_database, load, start_gunicorn, stop_gunicorn

    ensure_database(arguments.postgres, arguments.database)
    programme, venue, offer, codes = prepare(database_url, arguments.clients, arguments.vouchers)
    spent_before, recorded_before = balances(programme)
    os.environ["CIVICA_BENCH_WRITE_LIMITS"] = "off"  # read by gunicorn's settings
    empty_redis(arguments.redis)
    (BASE_DIR / "var").mkdir(exist_ok=True)
    workers = (f"{arguments.workers} sync workers" if arguments.worker_class == "sync"
               else f"{arguments.workers} gthread workers × {arguments.threads} threads")
    print(f"{time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores · gunicorn {workers} · {arguments.clients} clients · "
          f"{arguments.seconds:g} s · load average {os.getloadavg()[0]:.1f} before")
    server = start_gunicorn(arguments, database_url, BASE_DIR / "var" / "load_vouchers.log")
    meter = CpuMeter(server.pid, database_url, arguments.database)
    people = []
    try:
        people = [Browser(arguments.port).sign_in(STAFF_EMAIL.format(number), PASSWORD)
                  for number in range(1, arguments.clients + 1)]
        if not arguments.plain:
            for person in people:
                person.connection.close()
                person.connection = HtmxConnection("127.0.0.1", arguments.port, timeout=30)
        for person in people:  # the page once, as staff open it before typing a code
            person.request("GET", REDEEM_PATH)
        baseline = load(arguments.port, "/bench/baseline/", arguments.clients, arguments.warmup,
                        arguments.seconds, meter)
        redeemed = redeem_steadily(people, venue, offer, codes, arguments.warmup, arguments.seconds, meter,
                                   arguments.plain)
    finally:
        for person in people:
            person.close()
        meter.close()
        stop_gunicorn(server)
    print("| request | requests | errors | req/s | p50 ms | p95 ms | × baseline | p95 ≤ 100 ms | app CPU ms/req "
          "| db CPU ms/req |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    redemption = "redemption (POST and the page, no JavaScript)" if arguments.plain else "redemption (htmx POST)"
    for label, result in (("baseline", baseline), (f"{redemption}, 1 leu", redeemed)):
        print(f"| {label} | {result['requests']:,} | {result['errors']} | {result['rps']:,.0f} | {result['p50']:.1f} | "
              f"{result['p95']:.1f} | {result['rps'] / baseline['rps']:.2f} | "
              f"{'yes' if result['p95'] <= 100 and not result['errors'] else 'no'} | {result['app_cpu']:.1f} | "
              f"{result['db_cpu']:.1f} |")
    spent, recorded = balances(programme)
    print(f"balances: {spent - spent_before} lei off, {recorded - recorded_before} lei of redemptions recorded "
          f"(must be equal); load average {os.getloadavg()[0]:.1f} after")


if __name__ == "__main__":
    main()
