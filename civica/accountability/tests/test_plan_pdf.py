"""The plan PDF (issue 17 point 4): rendered once per version, found without rendering the document, a
new version after a change; downloads of a version being rendered get the "being prepared" page, never a
second rendering, also when they arrive at the same instant (PostgreSQL, threads)."""

import datetime
import logging

import pytest
from django.test import Client, TestCase
from django.utils import timezone

from civica.accountability import services
from civica.accountability.document import document_name, document_version
from civica.accountability.models import Activity, Plan
from civica.accountability.tasks import render_plan_document
from civica.accountability.tests.factories import make_plan
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.queue import documents
from civica.queue.models import StoredDocument
from config.celery import app as celery_app

URL = "/en/plans/2021/document.pdf"


@pytest.fixture
def renders(caplog):
    """How many PDFs were rendered (civica.queue.documents logs each)."""
    caplog.set_level(logging.INFO, logger="civica.queue.documents")
    return lambda: sum(1 for record in caplog.records if record.getMessage().startswith("rendered "))


@pytest.fixture
def no_worker():
    """Tasks go to the (in-memory) broker, where no worker takes them: as on a site whose worker is busy."""
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = True


@pytest.mark.django_db
def test_the_pdf_is_rendered_once_per_version_and_again_after_a_change(client, editor, renders,
                                                                       django_assert_max_num_queries):
    plan = make_plan(programmes=1, activities=2)
    first = client.get(URL)
    pdf = first.getvalue()
    assert first.status_code == 200 and pdf.startswith(b"%PDF") and renders() == 1
    with django_assert_max_num_queries(4):  # the plan, its live indicators, the stored row: no document
        again = client.get(URL)
    assert again.getvalue() == pdf and renders() == 1
    assert client.get("/ro/plans/2021/document.pdf").status_code == 200 and renders() == 2  # each language
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.progress_post(activity=Activity.objects.filter(plan=plan).first(), by=editor, progress=10)
    assert client.get(URL).status_code == 200 and renders() == 3
    assert StoredDocument.objects.filter(name=document_name(plan, "en")).count() == 1  # the older one went


@pytest.mark.django_db
def test_downloads_while_a_version_is_rendered_get_the_page_saying_so(client, no_worker, renders):
    plan = make_plan(programmes=1, activities=1)
    for _ in range(3):
        response = client.get(URL)
        assert response.status_code == 202 and response["Retry-After"] == "5"
    claim = StoredDocument.objects.get(name=document_name(plan, "en"))
    assert claim.file == "" and renders() == 0  # claimed once, queued once
    render_plan_document.run(plan.pk, "en", claim.version)  # the worker
    assert client.get(URL).status_code == 200 and renders() == 1


@pytest.mark.django_db
def test_a_lost_claim_is_taken_again_once():
    assert documents.claim("test.doc:1:en", "v1") is True
    assert documents.claim("test.doc:1:en", "v1") is False
    StoredDocument.objects.filter(version="v1").update(
        created_at=timezone.now() - datetime.timedelta(seconds=documents.CLAIM_SECONDS + 1))
    assert documents.claim("test.doc:1:en", "v1") is True
    assert documents.claim("test.doc:1:en", "v1") is False


@pytest.mark.django_db
def test_the_version_needs_no_rendering_and_follows_the_language_and_the_plan():
    plan = Plan.objects.get(pk=make_plan(programmes=1, activities=1).pk)
    english = document_version(plan, "en")
    assert english == document_version(Plan.objects.get(pk=plan.pk), "en") != document_version(plan, "ro")
    Activity.objects.filter(plan=plan).first().save()
    assert document_version(Plan.objects.get(pk=plan.pk), "en") != english


@pytest.mark.django_db(transaction=True)
def test_simultaneous_downloads_render_the_pdf_once(renders):
    skip_unless_postgresql()
    make_plan(programmes=1, activities=1)
    statuses = []

    def download():
        statuses.append(Client().get(URL).status_code)

    outcomes = run_together([download] * 5)
    assert outcomes == [None] * 5
    assert renders() == 1 and sorted(set(statuses)) in ([200, 202], [200])
    assert Client().get(URL).status_code == 200 and renders() == 1
