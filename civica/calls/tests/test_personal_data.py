"""Calls in download-my-data and delete-my-account: applications with their versions, files and
receipts; on deletion drafts go with their files, submitted applications stay anonymised until the
call's records may go, questions are removed or anonymised — as the deletion page says."""

import datetime
import json

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from civica.accounts import services as account_services
from civica.accounts.tests.factories import UserFactory
from civica.calls.models import (
    Application,
    ApplicationFile,
    ApplicationStatus,
    CallKind,
    CallQuestion,
    CallStatus,
    FieldKind,
    FormField,
    Submission,
)
from civica.calls.tests.factories import CallFactory, pdf_bytes
from civica.calls.tests.test_applications import complete_data
from civica.queue.models import StoredDocument


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def _submit(client, person, call, **files):
    client.force_login(person)
    client.post(f"/en/calls/{call.slug}/apply/")
    url = f"/en/calls/{call.slug}/application/"
    client.post(url, complete_data(portfolio=SimpleUploadedFile("portofoliu-ana.pdf", pdf_bytes(), "application/pdf"),
                                   **files))
    texts = {key: value for key, value in files.items() if isinstance(value, str)}
    client.post(url, {**complete_data(**texts), "submit": "1"})
    application = Application.objects.get(call=call, applicant=person)
    assert application.status == ApplicationStatus.SUBMITTED
    return application


@pytest.fixture
def blind_call(db):
    call = CallFactory(kind=CallKind.COMPETITION)
    FormField.objects.create(call=call, key="studio", kind=FieldKind.SHORT_TEXT, label_ro="Biroul",
                             label_en="Studio", position=20, identifying=True, required=False)
    FormField.objects.create(call=call, key="cv", kind=FieldKind.FILE, label_ro="CV", label_en="CV", position=21,
                             file_types=["pdf"], max_file_mb=1, identifying=True, required=False)
    return call


@pytest.mark.django_db
def test_download_my_data_has_applications_versions_files_and_receipts(client, participant, blind_call):
    application = _submit(client, participant, blind_call, studio="Atelier Ana Pop",
                          cv=SimpleUploadedFile("cv-ana-pop.pdf", pdf_bytes(), "application/pdf"))
    CallQuestion.objects.create(call=blind_call, asked_by=participant, question="Can teams of two apply?")
    response = client.get("/en/account/my-data.json")
    data = json.loads(response.content)["data"]["calls"]
    [exported] = data["call_applications"]
    assert exported["reference"] == application.reference and exported["status"] == "submitted"
    assert exported["title"] == "Murals with the pupils" and exported["answers"]["studio"] == "Atelier Ana Pop"
    assert {item["name"] for item in exported["files"]} == {"portofoliu-ana.pdf", "cv-ana-pop.pdf"}
    assert [version["version"] for version in exported["versions"]] == [1]
    assert exported["versions"][0]["sha256"] == application.submissions.get().sha256
    assert exported["receipts"][0]["pdf"].endswith(
        f"/calls/{blind_call.slug}/receipts/{application.reference}/1.pdf")
    assert data["call_questions"][0]["question"] == "Can teams of two apply?"


@pytest.mark.django_db
def test_delete_my_account_keeps_submitted_applications_anonymised_and_removes_the_rest(
        client, participant, blind_call, django_capture_on_commit_callbacks):
    private = storages["private"]
    submitted = _submit(client, participant, blind_call, studio="Atelier Ana Pop",
                        cv=SimpleUploadedFile("cv-ana-pop.pdf", pdf_bytes(), "application/pdf"))
    cv, portfolio = submitted.files.get(field_key="cv"), submitted.files.get(field_key="portfolio")
    draft_call = CallFactory()
    client.post(f"/en/calls/{draft_call.slug}/apply/")
    client.post(f"/en/calls/{draft_call.slug}/application/", complete_data(
        portfolio=SimpleUploadedFile("p.pdf", pdf_bytes(), "application/pdf")))
    draft = Application.objects.get(call=draft_call, applicant=participant)
    draft_file = draft.files.get()
    # An application to a call whose results came out long ago: its records may go.
    old_call = CallFactory(status=CallStatus.RESULTS_PUBLISHED, opens_at=timezone.now() - datetime.timedelta(days=3000),
                           closes_at=timezone.now() - datetime.timedelta(days=2900),
                           results_on=timezone.localdate() - datetime.timedelta(days=2800))
    old = Application.objects.create(call=old_call, applicant=participant, reference="OLD-1", title="Old",
                                     status=ApplicationStatus.SUBMITTED, version=1)
    Submission.objects.create(application=old, version=1, content={}, sha256="0" * 64)
    unanswered = CallQuestion.objects.create(call=blind_call, asked_by=participant, question="Ana Pop asks: when?")
    answered = CallQuestion.objects.create(call=blind_call, asked_by=participant, question="Is A3 allowed?",
                                           answer="Yes.", answered_at=timezone.now())
    # The receipt's PDF, stored once rendered, names the applicant: it goes with the account.
    assert client.get(f"/en/calls/{blind_call.slug}/receipts/{submitted.reference}/1.pdf").status_code == 200
    receipt = StoredDocument.objects.get(name__startswith=f"calls.receipt:{submitted.submissions.get().pk}:")
    names = {"cv": cv.file.name, "portfolio": portfolio.file.name, "draft": draft_file.file.name,
             "receipt": receipt.file}
    assert all(private.exists(name) for name in names.values())

    with django_capture_on_commit_callbacks(execute=True):
        account_services.account_delete(user=participant)

    kept = Application.objects.get(pk=submitted.pk)
    assert kept.applicant is None and "studio" not in kept.answers and kept.answers["summary"]
    assert list(kept.files.values_list("field_key", "original_name")) == [("portfolio", "portfolio.pdf")]
    assert private.exists(names["portfolio"])
    assert not private.exists(names["cv"]) and not private.exists(names["draft"])
    assert not private.exists(names["receipt"]) and not StoredDocument.objects.filter(pk=receipt.pk).exists()
    content = kept.submissions.get().content
    assert "Atelier Ana Pop" not in json.dumps(content) and "ana" not in json.dumps(content["files"])
    assert not Application.objects.filter(pk__in=[draft.pk, old.pk]).exists()
    assert not ApplicationFile.objects.filter(pk=draft_file.pk).exists()
    assert not CallQuestion.objects.filter(pk=unanswered.pk).exists()
    answered.refresh_from_db()
    assert answered.asked_by is None and answered.answer == "Yes."


@pytest.mark.django_db
def test_an_anonymised_application_still_goes_through_ranking_and_results(client, participant, blind_call, editor):
    from civica.calls import evaluation
    from civica.calls.models import Criterion

    _submit(client, participant, blind_call)
    account_services.account_delete(user=participant)
    Criterion.objects.create(call=blind_call, name_ro="Calitate", name_en="Quality", weight=1)
    blind_call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    blind_call.save()
    evaluation.call_move(call=blind_call, to=CallStatus.EVALUATION, by=editor)
    evaluation.call_move(call=blind_call, to=CallStatus.RANKING_LOCKED, by=editor)
    client.force_login(editor)
    assert "Deleted participant" in client.get(f"/en/calls/{blind_call.slug}/manage/ranking/").content.decode()
    export = client.get(f"/en/calls/{blind_call.slug}/manage/applications.csv")
    assert "Deleted participant" in b"".join(export.streaming_content).decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "text"), [
    ("en", "A submitted application is part of the call"),
    ("ro", "O cerere depusă face parte din evidența apelului"),
])
def test_the_deletion_page_says_what_becomes_of_applications(client, language, text):
    client.force_login(UserFactory())
    page = client.get(f"/{language}/account/delete/").content.decode()
    assert text in page and "5" in page
