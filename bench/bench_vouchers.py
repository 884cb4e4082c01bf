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

3. Bulk issue: ``ISSUE`` vouchers in one ``services.bulk_issue`` (one transaction, the programme's row
   locked once, the budget checked once, codes made unique in bulk, ``bulk_create``), timed; the cards'
   parts (``BulkIssue.CARDS_PER_PART`` cards a PDF) that it queues are collected instead of run at once
   (without a broker the queue runs a task in the caller), and one part is rendered as the worker would
   (``tasks.render_bulk_cards``) and timed; all parts on 2 worker processes are that times the parts over 2.

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


def _bulk(database):
    """3. Bulk issue (module docstring)."""
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
    start = time.perf_counter()
    cpu = time.process_time()
    tasks.render_bulk_cards(*queued[0])
    per_part, part_cpu = time.perf_counter() - start, time.process_time() - cpu
    batch = BulkIssue.objects.get(pk=batch.pk)
    print(f"bulk issue ({database}): {ISSUE:,} vouchers in one transaction in {seconds:.1f} s "
          f"({ISSUE / seconds:,.0f}/s, CPU {cpu_seconds:.1f} s), {batch.vouchers.count():,} written, "
          f"committed {programme.committed} of {programme.budget}; {len(queued)} parts of "
          f"{BulkIssue.CARDS_PER_PART} cards queued; one part's PDF {per_part:.1f} s, CPU {part_cpu:.1f} s "
          f"({part_cpu / BulkIssue.CARDS_PER_PART * 1000:.0f} ms of CPU a card), so all parts ≈ "
          f"{part_cpu * len(queued) / 2:.0f} s of CPU on each of 2 worker processes; "
          f"parts done {batch.parts_done}/{batch.parts}")


if __name__ == "__main__":
    main()
