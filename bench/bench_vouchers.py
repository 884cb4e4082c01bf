"""Cultural vouchers (issue 22): redemption through the venue's page by 16 clients at once, and issuing
10,000 vouchers with their cards. Prints figures; asserts nothing.

1. Redemption: 16 processes, each a venue staff member signed in with Django's test client (the whole
   request: middleware, form, rate limits, the service's row lock, the redirect), each posting
   redemptions of 1 lei for ``ROUNDS`` random vouchers out of 200 (so some land on the same voucher at
   once and wait for its lock). Latency p50 / p95 / max and redemptions a second. No HTTP server (the
   client runs in the server's process), so what a real server adds or spreads is not in it; on SQLite
   the writers queue for the database's one lock.
2. Issuing: ``ISSUE`` registrations through ``services.beneficiary_register`` one after another (each
   locks the programme's row; a referrer's action). The cards are not rendered when issued: a card is
   rendered as a PDF on the task queue's worker when first asked for (``queue.responses.pdf_response``),
   or for the e-mail of a beneficiary who gave an address; the time of one card is measured on a sample
   and the time for all of them on the 2 cores given as that times the count over 2.

3. Bulk issue, the issue's "Done when" (issuing 10,000 vouchers with their cards under 60 s): ``ISSUE``
   vouchers in one ``services.bulk_issue`` (one transaction, the programme's row locked once, the budget
   checked once, codes made unique in bulk, ``bulk_create``), timed; the cards' parts
   (``BulkIssue.CARDS_PER_PART`` cards a PDF) that it queues are collected instead of run at once (without
   a broker the queue runs a task in the caller), then all of them are run by 2 worker processes (a
   ``multiprocessing`` pool of 2 forked after the issue, as the queue's 2 workers would take them), each
   calling ``tasks.render_bulk_cards`` (the print shop's PDF drawn by ``print_cards``, stored by
   ``queue.documents``, ``parts_done`` counted under the issue's lock). Wall time of the issue plus the
   parts, the CPU of each (the workers' own, measured around each task in the worker, their first task
   carrying the worker's warm-up), and whether the 60 s hold.

PostgreSQL: ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/civica_bench_vouchers`` (a database of its
own, migrated here; its rows are deleted at the start). Default: SQLite in memory (redemption serialised).
Run: .venv/bin/python bench/bench_vouchers.py [issue=10000] [rounds=40] [only=all|bulk]"""

import multiprocessing
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")
ISSUE = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 40
ONLY = sys.argv[3] if len(sys.argv) > 3 else "all"
CLIENTS = 16
CARD_SAMPLE = 10


def _client(staff_id, seed, codes, venue_id, offer_id, barrier, results):
    """One venue's staff member in a process of its own, posting redemptions through the page."""
    from django.contrib.auth import get_user_model
    from django.db import connections
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(pk=staff_id))
    rng = random.Random(seed)
    times, failed = [], []
    barrier.wait()
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.post("/en/vouchers/redeem/", {"action": "redeem", "code": rng.choice(codes),
                                                        "venue": venue_id, "offer": offer_id, "amount": "1"})
        times.append(time.perf_counter() - start)
        if response.status_code != 302:
            failed.append(response.status_code)
    connections.close_all()
    results.put((times, failed))


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections, transaction
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    settings.VOUCHER_LOOKUP_LIMITS = {"by_person": (10**6, 60), "by_address": (10**6, 60)}
    settings.ACCOUNT_RATE_LIMITS = False
    from civica.accounts.tests.factories import UserFactory
    from civica.network.tests.factories import OrganisationFactory, ProgrammeFactory
    from civica.queue import documents
    from civica.vouchers import cards, services
    from civica.vouchers.models import Beneficiary, BulkIssue, Redemption, Voucher, VoucherProgramme
    from civica.vouchers.tests import factories as voucher_factories
    from civica.vouchers.tests.factories import referrer, setting, venue_staff

    for factory in (UserFactory, OrganisationFactory, ProgrammeFactory, voucher_factories.VoucherProgrammeFactory,
                    voucher_factories.VenueFactory, voucher_factories.OfferFactory):
        factory.reset_sequence(int(time.time() * 1000) % 10**9)  # a database kept from an earlier run

    Redemption.objects.all().delete()
    Voucher.objects.all().delete()
    Beneficiary.objects.all().delete()
    BulkIssue.objects.all().delete()
    with transaction.atomic():
        documents.forget("vouchers.bulk:")
    VoucherProgramme.objects.all().delete()
    database = connections["default"].vendor
    if ONLY == "bulk":
        _bulk(database)
        return

    # 1. Redemption by 16 clients.
    programme, venue, offer = setting(voucher_value=Decimal("1000"), budget=Decimal("10000000"))
    by = referrer(programme)
    vouchers = [services.beneficiary_register(programme=programme, language="ro", by=by) for _ in range(200)]
    staff_ids = [venue_staff(venue).pk for _ in range(CLIENTS)]
    codes = [voucher.code for voucher in vouchers]
    connections.close_all()  # each process opens its own
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    barrier = context.Barrier(CLIENTS)
    processes = [context.Process(target=_client, args=(staff_id, index, codes, venue.pk, offer.pk, barrier, results))
                 for index, staff_id in enumerate(staff_ids)]
    start = time.perf_counter()
    for process in processes:
        process.start()
    timings, errors = [], []
    for _ in processes:
        times, failed = results.get()
        timings += times
        errors += failed
    for process in processes:
        process.join()
    elapsed = time.perf_counter() - start
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    redeemed = Redemption.objects.filter(voucher__programme=programme).count()
    spent = sum(v.value - v.balance for v in Voucher.objects.filter(programme=programme))
    print(f"redemption ({database}), {CLIENTS} clients × {ROUNDS}: {len(timings)} requests in {elapsed:.1f} s "
          f"({len(timings) / elapsed:.0f}/s); p50 {statistics.median(timings) * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms; {redeemed} redemptions recorded, "
          f"{spent} lei off the balances (must be equal), {len(errors)} not redirected")

    # 2. Issuing.
    programme, venue, offer = setting(voucher_value=Decimal("50"), budget=Decimal(50 * ISSUE))
    by = referrer(programme)
    start = time.perf_counter()
    cpu = time.process_time()
    for _ in range(ISSUE):
        services.beneficiary_register(programme=programme, language="ro", by=by)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    sample = list(Voucher.objects.filter(programme=programme).select_related("programme", "beneficiary")[:CARD_SAMPLE])
    start = time.perf_counter()
    for voucher in sample:
        cards.card_pdf(voucher)
    per_card = (time.perf_counter() - start) / len(sample)
    print(f"issuing ({database}): {ISSUE:,} vouchers in {seconds:.1f} s ({ISSUE / seconds:,.0f}/s, "
          f"CPU {cpu_seconds:.1f} s); "
          f"a card PDF {per_card * 1000:.0f} ms (mean of {len(sample)}), so all {ISSUE:,} cards "
          f"≈ {per_card * ISSUE / 2:.0f} s on 2 worker processes if every one were printed")

    _bulk(database)


def _render_part(args):
    """One queued part, in a pool worker: (the worker's pid, the task's CPU seconds)."""
    from civica.vouchers import tasks

    cpu = time.process_time()
    tasks.render_bulk_cards(*args)
    return os.getpid(), time.process_time() - cpu


def _bulk(database):
    """3. Bulk issue (module docstring)."""
    from django.db import connections

    from civica.vouchers import services, tasks
    from civica.vouchers.models import BulkIssue
    from civica.vouchers.tests.factories import programme_staff, setting

    programme, _venue, _offer = setting(voucher_value=Decimal("50"), budget=Decimal(50 * ISSUE))
    staff = programme_staff(programme)
    queued = []
    tasks.render_bulk_cards.delay_on_commit = lambda *args: queued.append(args)
    start = time.perf_counter()
    cpu = time.process_time()
    batch = services.bulk_issue(programme=programme, count=ISSUE, purpose="Bench", language="ro", by=staff)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    programme.refresh_from_db()
    connections.close_all()  # each worker opens its own
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        done = pool.map(_render_part, queued, chunksize=1)
    render_seconds = time.perf_counter() - start
    per_worker = {}
    for pid, part_cpu in done:
        per_worker[pid] = per_worker.get(pid, 0) + part_cpu
    render_cpu = sum(per_worker.values())
    batch = BulkIssue.objects.get(pk=batch.pk)
    total = seconds + render_seconds
    print(f"bulk issue ({database}): {ISSUE:,} vouchers in one transaction in {seconds:.1f} s "
          f"({ISSUE / seconds:,.0f}/s, CPU {cpu_seconds:.1f} s), {batch.vouchers.count():,} written, "
          f"committed {programme.committed} of {programme.budget}")
    print(f"cards: {len(queued)} parts of {BulkIssue.CARDS_PER_PART} A6 cards on 2 worker processes in "
          f"{render_seconds:.1f} s, CPU {render_cpu:.1f} s ("
          + ", ".join(f"{value:.1f} s" for value in per_worker.values())
          + f" a worker; {render_cpu / ISSUE * 1000:.2f} ms of CPU a card); parts done "
          f"{batch.parts_done}/{batch.parts}")
    print(f"issuing {ISSUE:,} vouchers with their cards: {total:.1f} s wall, "
          f"{cpu_seconds + render_cpu:.1f} s of CPU: the 60 s target is {'met' if total < 60 else 'NOT met'}")


if __name__ == "__main__":
    main()
