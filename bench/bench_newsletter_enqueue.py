"""Enqueueing a newsletter campaign for 300,000 subscribers: the Delivery rows made in chunks (subscriber
ids in id order, one ``INSERT … SELECT … ON CONFLICT DO NOTHING`` a chunk), timed, with the peak of Python memory during
the enqueue (tracemalloc) and the process's peak resident size. The subscribers are bulk-inserted first
(not timed). SQLite in memory by default; ``DATABASE_URL=postgres://…/civica_bench_newsletter`` (a
database of its own: its tables are made by migrate) for PostgreSQL. Prints figures; asserts nothing.
Run: .venv/bin/python bench/bench_newsletter_enqueue.py [subscribers]"""

import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")
SUBSCRIBERS = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from civica.newsletter import sending
    from civica.newsletter.models import Campaign, CampaignStatus, Delivery, Subscriber, Subscription
    from civica.newsletter.tests.factories import campaign as make_campaign
    from civica.newsletter.tests.factories import newsletter_list
    from config.celery import app as celery_app

    celery_app.conf.task_always_eager = False  # the batches are only queued (in-memory broker)
    Delivery.objects.all().delete()
    Campaign.objects.all().delete()
    Subscriber.objects.all().delete()
    monthly, now = newsletter_list(), timezone.now()
    start = time.perf_counter()
    for first in range(0, SUBSCRIBERS, 20_000):
        rows = Subscriber.objects.bulk_create(
            [Subscriber(email=f"abonat{number}@example.org", confirmed_at=now)
             for number in range(first, min(first + 20_000, SUBSCRIBERS))], batch_size=5000)
        Subscription.objects.bulk_create([Subscription(subscriber=row, newsletter_list=monthly) for row in rows],
                                         batch_size=5000)
    print(f"{SUBSCRIBERS:,} subscribers inserted in {time.perf_counter() - start:.1f} s (not part of the enqueue)")
    campaign = make_campaign()
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.SENDING)

    tracemalloc.start()
    start = time.perf_counter()
    inserted = sending.enqueue(campaign.pk)
    seconds = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    start = time.perf_counter()
    again = sending.enqueue(campaign.pk)  # a redelivered task: nothing to add
    Campaign.objects.filter(pk=campaign.pk).update(recipients_listed_at=None)
    relisted = sending.enqueue(campaign.pk)  # listing again from the start: every row already there
    again_seconds = time.perf_counter() - start
    database = django.db.connection.vendor
    print(f"enqueue of {SUBSCRIBERS:,} ({database}): {inserted:,} deliveries in {seconds:.1f} s "
          f"({inserted / seconds:,.0f} rows/s), chunks of {sending.CHUNK:,}; "
          f"peak Python memory during it {peak / 2**20:.1f} MiB; "
          f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    print(f"run again: {again} added; listed again from the start: {relisted} added, {again_seconds:.1f} s; "
          f"{Delivery.objects.filter(campaign=campaign).count():,} deliveries in all")


if __name__ == "__main__":
    main()
