"""Publishing a call's results with 500 applicants: the request only enqueues (the e-mails go to the
queue), against a real Redis broker when one answers at CIVICA_BENCH_BROKER_URL (default
redis://127.0.0.1:6379/8, a database of its own: it is emptied), else Celery's in-memory broker.
For comparison, the same 500 e-mails written in the process, as the embedded demo (no broker) does.
Prints figures; asserts nothing.  Run: .venv/bin/python bench/bench_publish_results.py"""

import datetime
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["DATABASE_URL"] = "sqlite://:memory:"
BROKER_URL = os.environ.get("CIVICA_BENCH_BROKER_URL", "redis://127.0.0.1:6379/8")
APPLICANTS = 500


def _broker():
    try:
        import redis

        client = redis.Redis.from_url(BROKER_URL, socket_connect_timeout=1)
        client.ping()
        client.flushdb()
        return BROKER_URL, client
    except Exception:
        return "memory://", None


def main():
    broker_url, client = _broker()
    os.environ["CIVICA_TEST_BROKER_URL"] = broker_url
    import django

    django.setup()
    from django.core import mail
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from civica.accounts.models import User
    from civica.accounts.roles import Role
    from civica.accounts.tests.factories import UserFactory
    from civica.calls import evaluation
    from civica.calls.models import Application, ApplicationStatus, CallStatus, Decision
    from civica.calls.tasks import notify_decisions
    from civica.calls.tests.factories import CallFactory
    from civica.queue.models import SentMail
    from config.celery import app as celery_app

    mail.outbox = []
    editor = UserFactory(role=Role.EDITOR)

    def call_with_applicants():
        call = CallFactory(closes_at=timezone.now() - datetime.timedelta(days=1), status=CallStatus.RANKING_LOCKED)
        start = User.objects.count()
        people = User.objects.bulk_create([User(email=f"applicant{start + n}@example.org",
                                                language="ro" if n % 2 else "en") for n in range(APPLICANTS)])
        Application.objects.bulk_create([
            Application(call=call, applicant=person, reference=f"{call.pk}-{n}", code=f"C{call.pk}N{n:05d}",
                        status=ApplicationStatus.SUBMITTED, version=1, decision=Decision.RESERVE,
                        amount_requested=Decimal("1000"), submitted_at=timezone.now())
            for n, person in enumerate(people)])
        return call

    # With a broker: the request publishes and enqueues one task; a worker fans it out.
    celery_app.conf.task_always_eager = False
    call = call_with_applicants()
    start = time.perf_counter()
    evaluation.call_move(call=call, to=CallStatus.RESULTS_PUBLISHED, by=editor)
    request_seconds = time.perf_counter() - start
    start = time.perf_counter()
    notify_decisions.apply(args=[call.pk])  # what the worker does with it: one task per applicant
    fan_out_seconds = time.perf_counter() - start
    queued = client.llen("celery") if client is not None else "?"
    print(f"publish results, {APPLICANTS} applicants, broker {broker_url}: the request {request_seconds * 1000:.0f} ms "
          f"(e-mails sent in it: {len(mail.outbox)}); the worker's fan-out {fan_out_seconds * 1000:.0f} ms "
          f"({queued} messages in the queue: the fan-out and one per applicant)")

    # Without a broker (the embedded demo): every e-mail is written in the request.
    celery_app.conf.task_always_eager = True
    call = call_with_applicants()
    start = time.perf_counter()
    evaluation.call_move(call=call, to=CallStatus.RESULTS_PUBLISHED, by=editor)
    in_process_seconds = time.perf_counter() - start
    print(f"publish results, {APPLICANTS} applicants, no broker (in the process, locmem mail): "
          f"{in_process_seconds * 1000:.0f} ms, {len(mail.outbox)} e-mails, "
          f"{SentMail.objects.filter(sent_at__isnull=False).count()} recorded as sent")
    if client is not None:
        client.flushdb()


if __name__ == "__main__":
    main()
