"""Applications' files: private storage under random names, served only to those who may see them,
never a blind call's identifying file to the jury, and stored without the document's metadata."""

import io

import pikepdf
import pytest
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.calls import evaluation
from civica.calls.models import Application, CallKind, CallStatus, FieldKind, FormField
from civica.calls.tests.factories import CallFactory, pdf_bytes
from civica.calls.tests.test_applications import complete_data


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def blind_call(db):
    """An open competition (always blind) whose form asks for a CV, which identifies the applicant."""
    call = CallFactory(kind=CallKind.COMPETITION)
    FormField.objects.create(call=call, key="cv", kind=FieldKind.FILE, label_ro="CV", label_en="CV", position=20,
                             file_types=["pdf"], max_file_mb=1, identifying=True)
    return call


def _apply(client, person, call, **files):
    client.force_login(person)
    client.post(f"/en/calls/{call.slug}/apply/")
    response = client.post(f"/en/calls/{call.slug}/application/", complete_data(**files))
    return Application.objects.get(call=call, applicant=person), response


def _uploads(author="Ana Popescu"):
    return {"portfolio": SimpleUploadedFile("planse-ana-popescu.pdf",
                                            pdf_bytes(author=author, title="Planșele Anei Popescu"),
                                            "application/pdf"),
            "cv": SimpleUploadedFile("cv-ana-popescu.pdf", pdf_bytes(author=author, title="CV Ana Popescu"),
                                     "application/pdf")}


@pytest.mark.django_db
def test_an_evaluator_of_a_blind_call_never_gets_a_hidden_fields_file(client, blind_call, participant):
    application, _response = _apply(client, participant, blind_call, **_uploads())
    files = {stored.field_key: stored for stored in application.files.all()}
    assert set(files) == {"portfolio", "cv"}
    editor = UserFactory(role=Role.EDITOR)
    evaluator = UserFactory()
    evaluation.evaluator_appoint(call=blind_call, user=evaluator, by=editor)
    evaluation.assignment_add(application=application, evaluator=evaluator, by=editor)
    blind_call.status = CallStatus.EVALUATION
    blind_call.save()

    def download(person, key):
        client.force_login(person)
        return client.get(f"/en/calls/{blind_call.slug}/files/{files[key].pk}/")

    # The identifying field's file: not to the jury, whatever id they try.
    assert download(evaluator, "cv").status_code == 404
    allowed = download(evaluator, "portfolio")
    assert allowed.status_code == 200
    assert allowed["Content-Disposition"] == f'attachment; filename="{application.code}-portfolio.pdf"'
    assert b"Popescu" not in b"".join(allowed.streaming_content)
    # The applicant and the editors see everything.
    for person in (participant, editor):
        for key in ("cv", "portfolio"):
            assert download(person, key).status_code == 200
    # Someone else, or a visitor: nothing.
    assert download(UserFactory(), "portfolio").status_code == 404
    client.logout()
    assert client.get(f"/en/calls/{blind_call.slug}/files/{files['portfolio'].pk}/").status_code == 404
    # Once the ranking is locked identities are revealed to the jury, files included (as on the review page).
    blind_call.status = CallStatus.RANKING_LOCKED
    blind_call.save()
    assert download(evaluator, "cv").status_code == 200


@pytest.mark.django_db
def test_application_files_are_private_under_random_names(client, blind_call, participant):
    application, _response = _apply(client, participant, blind_call, **_uploads())
    stored = application.files.get(field_key="portfolio")
    assert stored.file.storage is storages["private"]
    assert stored.file.storage is not default_storage
    name = stored.file.name
    assert application.code not in name and "portfolio" not in name and "popescu" not in name
    assert stored.original_name == "planse-ana-popescu.pdf"  # for the applicant's own page
    assert not default_storage.exists(name)
    assert not default_storage.listdir("")[1] and "calls" not in default_storage.listdir("")[0]
    # Even where Civica serves the public media, neither the stored name nor the old public one answers.
    with override_settings(CIVICA_SERVE_MEDIA=True):
        client.logout()
        assert client.get(f"/media/{name}").status_code == 404
        assert client.get(f"/media/calls/applications/{application.code}-portfolio.pdf").status_code == 404
        assert client.get("/media/../private/" + name).status_code == 404


def test_private_files_live_outside_the_public_media_folder(tmp_path):
    from civica.core.uploads import check_private_storage, overlaps
    from config.settings import base

    assert base.STORAGES["private"]["OPTIONS"]["location"] == base.PRIVATE_ROOT
    assert not overlaps(base.PRIVATE_ROOT, base.MEDIA_ROOT)
    # `manage.py check` refuses a deployment that puts them in the public folder.
    assert check_private_storage() == []
    assert overlaps(tmp_path / "media" / "private", tmp_path / "media") and overlaps(tmp_path, tmp_path / "media")


@pytest.mark.django_db
def test_stored_pdfs_lose_their_author_title_and_xmp(client, blind_call, participant):
    application, _response = _apply(client, participant, blind_call, **_uploads())
    for stored in application.files.all():
        with stored.file.open("rb") as handle:
            content = handle.read()
        assert b"Popescu" not in content and b"/Author" not in content
        with pikepdf.open(io.BytesIO(content)) as pdf:
            assert "/Author" not in pdf.docinfo and "/Title" not in pdf.docinfo
            assert "/Metadata" not in pdf.Root
            assert len(pdf.pages) == 1  # the document itself is intact
        assert stored.size == len(content)


@pytest.mark.django_db
def test_a_pdf_that_cannot_be_opened_is_refused_and_nothing_typed_is_lost(client, blind_call, participant):
    broken = SimpleUploadedFile("cv.pdf", b"%PDF-1.4\n% only a beginning\n", "application/pdf")
    application, response = _apply(client, participant, blind_call, cv=broken)
    assert response.status_code == 200
    assert "This PDF cannot be opened" in response.content.decode()
    assert not application.files.filter(field_key="cv").exists()
    assert application.title == "Murals with the pupils"
    with translation.override("ro"):
        client.force_login(participant)
        response = client.post(f"/ro/calls/{blind_call.slug}/application/", complete_data(cv=SimpleUploadedFile(
            "cv.pdf", b"%PDF-1.4\n% only a beginning\n", "application/pdf")))
    assert "Acest PDF nu poate fi deschis" in response.content.decode()
