"""A newsletter campaign of 2,000 subscribers sent by a real Celery worker on Redis and PostgreSQL; the
worker is killed (SIGKILL) in the middle of the send, another is started, and in the end every
subscriber has exactly one sent delivery and the mail server received exactly one message each.

The mail server is an ``aiosmtpd`` sink run by the test. It holds the reply to one message once 700
were accepted, so the worker is killed while it waits for the server's "250" (a message not yet
accepted: the sink then answers 451 and does not count it, as a real server does when the client is
gone). The second worker is set going by ``resume_campaigns``, as the beat would a few minutes later.
Skipped unless ``CIVICA_REAL_WORKER=1``, a Redis ``CIVICA_TEST_BROKER_URL`` and a PostgreSQL
``DATABASE_URL`` are set (`.ci/run`)."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from civica.newsletter import services
from civica.newsletter.models import Campaign, CampaignStatus, Delivery, DeliveryStatus, Subscriber, Subscription
from civica.newsletter.sending import resume_campaigns
from civica.newsletter.tests.factories import campaign as make_campaign
from civica.newsletter.tests.factories import newsletter_list
from config.celery import app as celery_app
from tests.integration.test_worker import BROKER_URL, WORKER_START_SECONDS, _database_url

SUBSCRIBERS = 2000
KILL_AFTER = 700
DEADLINE_SECONDS = 300  # a bound on a hung worker, not a timing (see test_worker.py)

pytestmark = [
    pytest.mark.skipif(os.environ.get("CIVICA_REAL_WORKER") != "1" or not BROKER_URL.startswith("redis://"),
                       reason="a real worker needs CIVICA_REAL_WORKER=1 and CIVICA_TEST_BROKER_URL=redis://…"),
    pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                       reason="the worker shares the test database: PostgreSQL only"),
    pytest.mark.django_db(transaction=True),
    # Never at once with test_worker.py (see there).
    pytest.mark.xdist_group("real_worker"),
]


class Sink:
    """Counts the messages accepted per recipient; with ``hold_after`` set, holds the reply to the next
    message until ``release`` is set, then refuses it (451)."""

    def __init__(self, hold_after):
        self.received = Counter()
        self.lock = threading.Lock()
        self.hold_after = hold_after
        self.holding = threading.Event()
        self.release = threading.Event()

    def total(self):
        with self.lock:
            return sum(self.received.values())

    async def handle_DATA(self, server, session, envelope):
        if self.hold_after is not None and self.total() >= self.hold_after:
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 4.3.0 Try again later"
        with self.lock:
            for address in envelope.rcpt_tos:
                self.received[address.lower()] += 1
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def sink():
    handler = Sink(hold_after=KILL_AFTER)
    handler.port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    try:
        yield handler
    finally:
        handler.release.set()
        controller.stop()


def start_worker(tmp_path, port, name):
    log = tmp_path / f"{name}.log"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.base", "DATABASE_URL": _database_url(),
           "CELERY_BROKER_URL": BROKER_URL, "REDIS_URL": "", "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port),
           "EMAIL_USE_TLS": "0", "EMAIL_FILE_PATH": "", "CIVICA_VAR_DIR": str(tmp_path / "var"),
           "CIVICA_NEWSLETTER_RATE": "0", "CIVICA_NEWSLETTER_PARALLEL": "2"}
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1",
               "--without-gossip", "--without-mingle", "--loglevel=INFO", "-n", f"{name}@%h"]
    with log.open("w") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT,
                                   cwd=Path(__file__).resolve().parents[2])
    deadline = time.monotonic() + WORKER_START_SECONDS
    while "ready." not in log.read_text():
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "the worker did not start:\n" + log.read_text()
        time.sleep(0.2)
    return process, log


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(condition, message):
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():
        assert time.monotonic() < deadline, message()
        time.sleep(0.2)


def test_a_worker_killed_mid_send_and_another_started_send_everyone_exactly_once(tmp_path, sink, make_user):
    import redis

    redis.Redis.from_url(BROKER_URL).flushdb()
    now = timezone.now()
    subscribers = Subscriber.objects.bulk_create(
        [Subscriber(email=f"abonat{number:04}@example.org", language="ro" if number % 3 else "en", confirmed_at=now)
         for number in range(SUBSCRIBERS)])
    monthly = newsletter_list()
    Subscription.objects.bulk_create([Subscription(subscriber=row, newsletter_list=monthly) for row in subscribers])
    campaign = make_campaign()
    editor = make_user("editor")
    celery_app.conf.task_always_eager = False
    first = second = None
    try:
        first, first_log = start_worker(tmp_path, sink.port, "first")
        services.campaign_send_now(campaign=campaign, by=editor)  # no transaction around it: on commit = now
        wait_for(sink.holding.is_set, lambda: f"{sink.total()} received\n" + first_log.read_text())
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        sent_before = Delivery.objects.filter(status=DeliveryStatus.SENT).count()
        assert sent_before == KILL_AFTER == sink.total()  # some but not all
        sink.hold_after = None
        sink.release.set()

        second, second_log = start_worker(tmp_path, sink.port, "second")
        resume_campaigns.delay(0)  # what the beat does for a campaign that stopped making progress
        wait_for(lambda: Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.SENT).exists(),
                 lambda: f"{sink.total()} received\n" + second_log.read_text())
    finally:
        celery_app.conf.task_always_eager = True
        for process in (first, second):
            if process is not None:
                stop(process)
    deliveries = Delivery.objects.filter(campaign=campaign)
    assert deliveries.count() == SUBSCRIBERS
    assert deliveries.filter(status=DeliveryStatus.SENT).count() == SUBSCRIBERS
    assert deliveries.values("subscriber").distinct().count() == SUBSCRIBERS
    assert sink.total() == SUBSCRIBERS and len(sink.received) == SUBSCRIBERS
    assert max(sink.received.values()) == 1
