"""Sending a newsletter campaign to a local SMTP sink: an ``aiosmtpd`` server started here (in a process
of its own, as a mail server is: in a thread it would share the interpreter's lock with the sender)
accepts every message and counts them per recipient; the campaign's batch function
(``sending.send_batch``, what a worker runs) sends N deliveries over one SMTP connection each batch,
each claimed, sent and marked in a transaction of its own. Prints messages per second (and per CPU
second of the sender, since the machine may be shared) and checks at the sink that nobody got two.
SQLite in memory by default; ``DATABASE_URL=postgres://…`` for PostgreSQL. Asserts nothing.
Run: .venv/bin/python bench/bench_newsletter_send.py [messages] [senders]; with senders > 1 (PostgreSQL) the
batches run in that many processes at once, as a worker's processes do, and the CPU figure is this
process's only (the senders' own is not counted)."""

import os
import socket
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")
MESSAGES = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
# Senders at once, as a worker's processes (Celery's default concurrency is the number of cores): two
# or more need PostgreSQL (each claim skips the rows another sender holds).
SENDERS = int(sys.argv[2]) if len(sys.argv) > 2 else 1


class Sink:
    def __init__(self):
        self.received = Counter()

    async def handle_DATA(self, server, session, envelope):
        for address in envelope.rcpt_tos:
            self.received[address] += 1
        return "250 OK"


def serve(port, ready, stop, results):
    from aiosmtpd.controller import Controller

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()
    results.put(dict(sink.received))


def send_all(campaign_id, port, sent_queue):
    """One sender process: batches of the campaign until nothing is left to claim."""
    import django

    django.setup()
    from django.conf import settings

    from civica.newsletter import sending
    from config.celery import app as celery_app

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    celery_app.conf.task_always_eager = False
    sent = 0
    while True:
        done = sending.send_batch(campaign_id)
        sent += done
        if not done:
            break
    sent_queue.put(sent)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    import django

    django.setup()
    import multiprocessing

    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from civica.newsletter import sending
    from civica.newsletter.models import Campaign, CampaignStatus, Delivery, Subscriber, Subscription
    from civica.newsletter.tests.factories import campaign as make_campaign
    from civica.newsletter.tests.factories import newsletter_list
    from config.celery import app as celery_app

    port = free_port()
    context = multiprocessing.get_context("spawn")
    ready, stop, results = context.Event(), context.Event(), context.Queue()
    server = context.Process(target=serve, args=(port, ready, stop, results), daemon=True)
    server.start()
    ready.wait(30)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    celery_app.conf.task_always_eager = False  # each batch sends its own share; no chain is followed here

    Delivery.objects.all().delete()
    Campaign.objects.all().delete()
    Subscriber.objects.all().delete()
    monthly, now = newsletter_list(), timezone.now()
    rows = Subscriber.objects.bulk_create([Subscriber(email=f"abonat{n}@example.org", language="ro" if n % 3 else "en",
                                                      confirmed_at=now) for n in range(MESSAGES)])
    Subscription.objects.bulk_create([Subscription(subscriber=row, newsletter_list=monthly) for row in rows])
    campaign = make_campaign()
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.SENDING,
                                                   rendered=sending.render_all(campaign))
    sending.enqueue(campaign.pk)

    load = os.getloadavg()[0]
    start, cpu = time.perf_counter(), time.process_time()
    sent = 0
    if SENDERS == 1:
        while True:
            done = sending.send_batch(campaign.pk)
            sent += done
            if not done:
                break
    else:
        from django.db import connections

        connections.close_all()
        sent_queue = context.Queue()
        senders = [context.Process(target=send_all, args=(campaign.pk, port, sent_queue)) for _ in range(SENDERS)]
        for sender in senders:
            sender.start()
        sent = sum(sent_queue.get(timeout=600) for _ in senders)
        for sender in senders:
            sender.join(30)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    stop.set()
    received = results.get(timeout=30)
    server.join(10)
    twice = sum(1 for count in received.values() if count > 1)
    cpu_figure = (f"sender's CPU {cpu_seconds:.1f} s: {sent / cpu_seconds:,.0f} messages per CPU-second; "
                  if SENDERS == 1 else "")
    print(f"{sent:,} messages to an aiosmtpd sink ({django.db.connection.vendor}, batches of {sending.BATCH}, "
          f"{SENDERS} sender(s)) in {seconds:.1f} s: {sent / seconds:,.0f} messages/s ({cpu_figure}"
          f"load average {load:.1f} on {os.cpu_count()} cores); "
          f"received {sum(received.values()):,}, "
          f"{twice} addresses twice; campaign {Campaign.objects.get(pk=campaign.pk).status}")


if __name__ == "__main__":
    main()
