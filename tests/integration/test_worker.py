"""A real Celery worker against a real Redis broker, on PostgreSQL (the test database, shared with the
worker process): an e-mail enqueued after a commit is delivered by the worker, and a task retried after
it sent its e-mail, or delivered twice by the broker, sends nobody a second e-mail.

Skipped unless ``CIVICA_REAL_WORKER=1``, ``CIVICA_TEST_BROKER_URL`` (a Redis database of its own: it is
emptied) and a PostgreSQL ``DATABASE_URL`` are set; `.ci/run` runs it so. The worker writes e-mails as
files (Django's file backend) into a temporary folder, which the test reads."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from civica.accounts.models import EmailFrequency
from civica.accounts.tests.factories import UserFactory
from civica.notifications.models import Notification
from civica.notifications.services import notify
from civica.queue.models import SentMail
from config.celery import app as celery_app

BROKER_URL = os.environ.get("CIVICA_TEST_BROKER_URL", "")
# Bounds on waiting for a worker that has hung, not timings: generous, for a busy two-core machine.
WORKER_START_SECONDS = 180
DELIVERY_SECONDS = 180

pytestmark = [
    pytest.mark.skipif(os.environ.get("CIVICA_REAL_WORKER") != "1" or not BROKER_URL.startswith("redis://"),
                       reason="a real worker needs CIVICA_REAL_WORKER=1 and CIVICA_TEST_BROKER_URL=redis://…"),
    pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                       reason="the worker shares the test database: PostgreSQL only"),
    pytest.mark.django_db(transaction=True),
    # Both modules empty the test broker's Redis database: never at once (`.ci/run` runs them without xdist;
    # a transactional test in a group would also run before the others and empty the migrations' rows).
    pytest.mark.xdist_group("real_worker"),
]


def _database_url():
    settings = connection.settings_dict
    credentials = quote(settings["USER"] or "") + (f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else "")
    return (f"postgres://{credentials}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/"
            f"{settings['NAME']}")


@pytest.fixture
def worker(tmp_path, transactional_db):
    """``celery -A config worker`` in a process of its own, on the test database; yields the mail folder."""
    import redis

    redis.Redis.from_url(BROKER_URL).flushdb()  # nothing left from an earlier run
    mail_dir, log = tmp_path / "mail", tmp_path / "worker.log"
    mail_dir.mkdir()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.base", "DATABASE_URL": _database_url(),
           "CELERY_BROKER_URL": BROKER_URL, "REDIS_URL": "", "EMAIL_FILE_PATH": str(mail_dir),
           "CIVICA_VAR_DIR": str(tmp_path / "var"), "EMAIL_HOST": ""}
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1",
               "--without-gossip", "--without-mingle", "--include=tests.integration.worker_tasks",
               "--loglevel=INFO"]
    with log.open("w") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT,
                                   cwd=Path(__file__).resolve().parents[2])
    celery_app.conf.task_always_eager = False
    try:
        deadline = time.monotonic() + WORKER_START_SECONDS
        while "ready." not in log.read_text():
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the worker did not start:\n" + log.read_text()
            time.sleep(0.5)
        yield mail_dir, log
    finally:
        celery_app.conf.task_always_eager = True
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _messages(mail_dir, *, at_least, log):
    deadline = time.monotonic() + DELIVERY_SECONDS
    while True:
        messages = [path.read_text() for path in sorted(mail_dir.glob("*.log"))]
        if sum(text.count("\nSubject: ") for text in messages) >= at_least or time.monotonic() > deadline:
            return "\n".join(messages)
        time.sleep(0.5)


def test_an_email_enqueued_after_commit_is_sent_by_the_worker(worker):
    mail_dir, log = worker
    person = UserFactory(email="ana@example.org", email_frequency=EmailFrequency.IMMEDIATELY, language="ro")
    [notification] = notify(recipients=[person], message=lambda: "Un răspuns la ideea dumneavoastră",
                            url="/ro/ideas/1/")  # no transaction around it: on commit = now
    sent = _messages(mail_dir, at_least=1, log=log)
    assert "To: ana@example.org" in sent, log.read_text()
    assert "civica.notifications.tasks.send_immediately" in log.read_text()
    assert SentMail.objects.filter(key=f"notifications.notification:{notification.pk}",
                                   sent_at__isnull=False).exists()
    deadline = time.monotonic() + DELIVERY_SECONDS
    while not Notification.objects.filter(pk=notification.pk, emailed_at__isnull=False).exists():
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_a_retried_or_redelivered_task_sends_nobody_a_second_email(worker):
    from tests.integration.worker_tasks import send_then_fail_once

    mail_dir, log = worker
    send_then_fail_once.delay("test.retried:1", "ion@example.org")
    send_then_fail_once.delay("test.retried:1", "ion@example.org")  # the same message, delivered again
    deadline = time.monotonic() + DELIVERY_SECONDS
    while log.read_text().count("succeeded in") < 2:  # each of the two, after its retry
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.5)
    text = log.read_text()
    assert "Retry in" in text and "the task failed after its e-mail was sent" in text
    # Both deliveries have run to the end, and the file backend writes a message before its task can succeed:
    # every e-mail they sent is in the folder now (waiting for a second one that must not come only took time).
    sent = _messages(mail_dir, at_least=1, log=log)
    assert sent.count("To: ion@example.org") == 1, text
    assert SentMail.objects.filter(key="test.retried:1", sent_at__isnull=False).count() == 1
