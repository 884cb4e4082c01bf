"""The task queue (civica.queue, config/celery.py): e-mails sent once however often their task runs,
retried with backoff when the mail server fails, PDFs rendered once per version and served from storage,
and the beat schedule naming real tasks. Tasks run eagerly here (test settings); a real worker on a real
broker is tests/integration/test_worker.py."""

import datetime
import smtplib
from decimal import Decimal

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.locmem import EmailBackend
from django.test import TestCase
from django.utils import timezone, translation

from civica.accountability.document import document_html, document_version
from civica.accountability.models import Plan
from civica.accountability.tests.factories import make_plan
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.calls import evaluation
from civica.calls.models import Application, ApplicationStatus, CallStatus, Decision
from civica.calls.tasks import notify_decisions, send_decision
from civica.calls.tests.factories import CallFactory
from civica.queue import documents
from civica.queue.delivery import event_key, once, was_sent
from civica.queue.models import SentMail, StoredDocument
from civica.queue.tasks import message_data, send_prepared_mail
from config.celery import app as celery_app


class FailingTwiceBackend(EmailBackend):
    """A mail server that refuses the first two connections of a test, then accepts (locmem)."""

    failures = 0

    def send_messages(self, messages):
        if FailingTwiceBackend.failures < 2:
            FailingTwiceBackend.failures += 1
            raise smtplib.SMTPServerDisconnected("the mail server went away")
        return super().send_messages(messages)


@pytest.fixture
def call_with_results(db):
    """A call whose ranking is locked, with four submitted applications, each decided."""
    call = CallFactory(closes_at=timezone.now() - datetime.timedelta(days=1), status=CallStatus.RANKING_LOCKED)
    for number in range(4):
        Application.objects.create(call=call, applicant=UserFactory(language="ro" if number % 2 else "en"),
                                   reference=f"R-{number}", status=ApplicationStatus.SUBMITTED, version=1,
                                   decision=Decision.RESERVE, amount_requested=Decimal("1000"))
    return call


def test_once_sends_once_and_an_error_leaves_it_to_the_retry(db):
    calls = []

    def failing():
        raise smtplib.SMTPServerDisconnected("down")

    with pytest.raises(smtplib.SMTPServerDisconnected):
        once("test:1", failing)
    assert not was_sent("test:1")
    assert once("test:1", lambda: calls.append(1)) is True
    assert once("test:1", lambda: calls.append(2)) is False
    assert calls == [1] and was_sent("test:1")


def test_event_keys_differ_for_two_events_about_the_same_row():
    first, second = (event_key("meetings.registration", 3, "confirmation") for _ in range(2))
    assert first != second and first.startswith("meetings.registration:3:confirmation:")


def test_publishing_results_queues_one_email_per_applicant_each_sent_once(call_with_results):
    editor = UserFactory(role=Role.EDITOR)
    with TestCase.captureOnCommitCallbacks(execute=True):
        evaluation.call_move(call=call_with_results, to=CallStatus.RESULTS_PUBLISHED, by=editor)
    assert len(mail.outbox) == 4
    romanian = [message for message in mail.outbox if "Rezultatele" in message.subject]
    assert len(romanian) == 2  # each in its applicant's language
    # The broker delivering the fan-out, or one applicant's task, again sends nobody a second e-mail.
    notify_decisions.delay(call_with_results.pk)
    send_decision.delay(call_with_results.applications.first().pk)
    assert len(mail.outbox) == 4
    assert SentMail.objects.filter(key__startswith="calls.decision:", sent_at__isnull=False).count() == 4


def test_a_task_is_retried_when_the_mail_server_fails_and_sends_once(call_with_results, settings):
    settings.EMAIL_BACKEND = "tests.test_queue.FailingTwiceBackend"
    FailingTwiceBackend.failures = 0
    application = call_with_results.applications.first()
    # Run as a worker would (errors kept by the task, not raised here): two refusals, two retries, sent.
    celery_app.conf.task_eager_propagates = False
    try:
        result = send_decision.delay(application.pk)
    finally:
        celery_app.conf.task_eager_propagates = True
    assert result.successful() and FailingTwiceBackend.failures == 2
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [application.applicant.email]
    assert send_decision.max_retries >= 2 and send_decision.retry_backoff


def test_a_prepared_message_keeps_its_parts_and_is_sent_once(db):
    message = EmailMultiAlternatives("Subiect", "Text", to=["a@example.org"], headers={"X-Civica": "1"})
    message.attach_alternative("<p>Text</p>", "text/html")
    send_prepared_mail.delay("accounts.test:1", message_data(message))
    send_prepared_mail.delay("accounts.test:1", message_data(message))
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.subject == "Subiect" and sent.extra_headers["X-Civica"] == "1"
    assert sent.alternatives[0][0] == "<p>Text</p>"


HTML = "<html lang='ro'><body><h1>Planul 2021</h1><p>Un document.</p></body></html>"


def test_a_pdf_is_rendered_once_per_version_and_older_versions_go(db):
    first = documents.store_pdf(name="test.doc:1:ro", html=HTML)
    assert documents.read(first).startswith(b"%PDF")
    assert documents.store_pdf(name="test.doc:1:ro", html=HTML).pk == first.pk  # not rendered again
    second = documents.store_pdf(name="test.doc:1:ro", html=HTML.replace("2021", "2022"))
    assert list(StoredDocument.objects.values_list("pk", flat=True)) == [second.pk]


@pytest.fixture
def no_worker():
    """Tasks go to the (in-memory) broker, where no worker takes them: as on a site whose worker is busy."""
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = True


def test_the_plan_pdf_says_it_is_being_prepared_until_the_worker_stored_it(client, db, no_worker):
    make_plan(year=2021)
    response = client.get("/ro/plans/2021/document.pdf")
    assert response.status_code == 202 and response["Retry-After"] == "5"
    page = response.content.decode()
    assert "Documentul este în pregătire" in page and 'http-equiv="refresh"' in page
    assert client.get("/ro/plans/2021/document.pdf").status_code == 202  # queued once, still waiting
    plan = Plan.objects.get(year=2021)
    with translation.override("ro"):  # the worker
        documents.store_pdf(name=f"accountability.plan:{plan.pk}:ro", html=document_html(plan),
                            version=document_version(plan, "ro"))
    response = client.get("/ro/plans/2021/document.pdf")
    assert response.status_code == 200 and response.getvalue().startswith(b"%PDF")


def test_the_beat_schedule_and_every_task_are_registered():
    celery_app.loader.import_default_modules()
    for entry in celery_app.conf.beat_schedule.values():
        assert entry["task"] in celery_app.tasks
    for name in ("civica.calls.tasks.send_decision", "civica.meetings.tasks.send_registration",
                 "civica.network.tasks.send_booking", "civica.notifications.tasks.send_digest",
                 "civica.workshops.tasks.embed_contribution", "civica.queue.tasks.render_document"):
        assert name in celery_app.tasks, name
    assert celery_app.conf.task_acks_late and celery_app.conf.task_reject_on_worker_lost


def test_the_daily_digest_is_sent_once_however_often_its_tasks_run(db):
    from civica.accounts.models import EmailFrequency
    from civica.notifications.models import Notification
    from civica.notifications.services import notify
    from civica.notifications.tasks import send_digest, send_digests

    person = UserFactory(email_frequency=EmailFrequency.DAILY, language="ro")
    notify(recipients=[person], message=lambda: "Un răspuns", url="/ro/")
    notify(recipients=[person], message=lambda: "Alt răspuns", url="/ro/")
    ids = sorted(Notification.objects.filter(recipient=person).values_list("pk", flat=True))
    assert send_digests.delay().get() == 1
    send_digest.delay(person.pk, ids)  # the broker delivering the same digest again
    assert send_digests.delay().get() == 0  # nothing new to tell
    assert len(mail.outbox) == 1 and "2" in mail.outbox[0].subject
    assert not Notification.objects.filter(recipient=person, emailed_at__isnull=True).exists()
