import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from civica.accounts.tests.factories import UserFactory
from civica.calls import services
from civica.calls.models import Application, ApplicationStatus, CallStatus, Eligibility, Submission
from civica.calls.tests.factories import CallFactory, pdf_bytes
from civica.network import services as network_services
from civica.network.models import Category, Relationship
from civica.network.tests.factories import OrganisationFactory

PDF = pdf_bytes()


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def complete_data(**overrides):
    data = {
        "title": "Murals with the pupils", "amount_requested": "15000", "summary": "Paint the school walls.",
        "people": "120", "budget__item_0": "Paint", "budget__amount_0": "9000", "budget__item_1": "Artists' fees",
        "budget__amount_1": "6000", "team__name_0": "Ana Pop", "team__role_0": "Artist", "rules": "on",
    }
    data.update(overrides)
    return data


def start(client, user, call):
    client.force_login(user)
    client.post(f"/en/calls/{call.slug}/apply/")
    return Application.objects.get(call=call, applicant=user)


@pytest.mark.django_db
def test_draft_keeps_everything_typed_even_invalid_answers(client, participant):
    call = CallFactory()
    application = start(client, participant, call)
    url = f"/en/calls/{call.slug}/application/"
    response = client.post(url, complete_data(people="lots", amount_requested="99999999", rules=""), follow=True)
    page = response.content.decode()
    assert "Your draft is saved. Some answers need attention" in page
    application.refresh_from_db()
    assert application.answers["people"] == "lots"
    assert application.answers["summary"] == "Paint the school walls."
    assert 'value="lots"' in page and "Paint the school walls." in page
    assert [line["item"] for line in application.answers["budget"]] == ["Paint", "Artists' fees"]
    assert application.status == ApplicationStatus.DRAFT


@pytest.mark.django_db
def test_checklist_and_submission_with_receipt(client, participant):
    call = CallFactory()
    application = start(client, participant, call)
    url = f"/en/calls/{call.slug}/application/"
    response = client.post(url, {**complete_data(), "submit": "1"}, follow=True)
    assert "Complete these before submitting: Portfolio" in response.content.decode()
    client.post(url, complete_data(portfolio=SimpleUploadedFile("my-portfolio.pdf", PDF, "application/pdf")))
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {**complete_data(), "submit": "1"}, follow=True)
    assert "Your application is submitted" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED and application.version == 1
    submission = Submission.objects.get()
    assert services.canonical_sha256(submission.content) == submission.sha256
    assert submission.content["files"][0]["name"] == "my-portfolio.pdf"
    message = mail.outbox[-1]
    assert application.reference in message.subject and submission.sha256 in message.body
    assert message.attachments[0][2] == "application/pdf" and message.attachments[0][1].startswith(b"%PDF")
    receipt = client.get(f"/en/calls/{call.slug}/receipts/{application.reference}/1/").content.decode()
    assert submission.sha256 in receipt and "Murals with the pupils" in receipt
    pdf = client.get(f"/en/calls/{call.slug}/receipts/{application.reference}/1.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.getvalue().startswith(b"%PDF")


@pytest.mark.django_db
def test_files_are_checked_by_content_and_size(client, participant):
    call = CallFactory()
    application = start(client, participant, call)
    url = f"/en/calls/{call.slug}/application/"
    fake = SimpleUploadedFile("cv.pdf", b"MZ\x90 not a pdf", "application/pdf")
    page = client.post(url, complete_data(portfolio=fake), follow=True).content.decode()
    assert "not of an accepted type (PDF)" in page
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024 + 1), "application/pdf")
    page = client.post(url, complete_data(portfolio=big), follow=True).content.decode()
    assert "the limit is 1.0" in page
    assert not application.files.exists()
    assert Application.objects.get(pk=application.pk).answers["summary"] == "Paint the school walls."


@pytest.mark.django_db
def test_budget_total_must_fit_the_call(participant):
    call = CallFactory()
    from civica.calls.application_form import ApplicationForm

    form = ApplicationForm(complete_data(budget__amount_0="90000"), {}, call=call, strict=True)
    assert not form.is_valid()
    assert "The budget total is 96,000.00 lei; it must be between 1,000.00 lei and 20,000.00 lei." in str(form.errors)


def _submit_complete(client, participant, call):
    application = start(client, participant, call)
    url = f"/en/calls/{call.slug}/application/"
    client.post(url, complete_data(portfolio=SimpleUploadedFile("p.pdf", PDF, "application/pdf")))
    client.post(url, {**complete_data(), "submit": "1"})
    application.refresh_from_db()
    return application, url


@pytest.mark.django_db
def test_withdraw_reopen_and_resubmit_keep_versions(client, participant):
    call = CallFactory()
    application, url = _submit_complete(client, participant, call)
    client.post(url + "reopen/")
    client.post(url, {**complete_data(title="Murals, second try"), "submit": "1"})
    application.refresh_from_db()
    assert application.version == 2
    assert list(application.submissions.values_list("version", "content__title")) == [
        (2, "Murals, second try"), (1, "Murals with the pupils")]
    client.post(url + "withdraw/")
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.WITHDRAWN


@pytest.mark.django_db
def test_nothing_changes_after_the_deadline_whatever_the_client_sends(client, participant):
    call = CallFactory()
    application, url = _submit_complete(client, participant, call)
    client.post(url + "reopen/")
    deadline = call.closes_at
    with time_machine.travel(deadline - datetime.timedelta(microseconds=1), tick=False):
        client.post(url, complete_data(title="Just in time"))
        assert Application.objects.get(pk=application.pk).title == "Just in time"
    with time_machine.travel(deadline, tick=False):
        response = client.post(url, {**complete_data(title="Too late"), "submit": "1"}, follow=True)
        assert "The deadline has passed" in response.content.decode()
        application.refresh_from_db()
        assert application.title == "Just in time" and application.status == ApplicationStatus.DRAFT
        for action in ("reopen/", "withdraw/"):
            client.post(url + action)
        assert Application.objects.get(pk=application.pk).status == ApplicationStatus.DRAFT
        with pytest.raises(PermissionDenied, match="deadline has passed"):
            services.application_submit(application=application, by=participant)


@pytest.mark.django_db
def test_submitting_exactly_at_the_deadline_is_refused(client, participant):
    call = CallFactory()
    application = start(client, participant, call)
    url = f"/en/calls/{call.slug}/application/"
    client.post(url, complete_data(portfolio=SimpleUploadedFile("p.pdf", PDF, "application/pdf")))
    with time_machine.travel(call.closes_at, tick=False):
        client.post(url, {**complete_data(), "submit": "1"})
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.DRAFT
    with time_machine.travel(call.closes_at - datetime.timedelta(seconds=1), tick=False):
        client.post(url, {**complete_data(), "submit": "1"})
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.SUBMITTED


@pytest.mark.django_db
def test_an_expired_session_loses_nothing(client, participant):
    call = CallFactory()
    start(client, participant, call)
    client.logout()
    url = f"/en/calls/{call.slug}/application/"
    response = client.post(url, complete_data(summary="Typed while logged out"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    from civica.accounts.tests.factories import PASSWORD

    client.post("/en/accounts/login/", {"login": participant.email, "password": PASSWORD})
    page = client.get(url, follow=True).content.decode()
    assert "What you typed before logging out is restored and saved." in page
    assert Application.objects.get(applicant=participant).answers["summary"] == "Typed while logged out"


@pytest.mark.django_db
def test_eligibility_by_membership_and_category(client):
    members_call = CallFactory(eligibility=Eligibility.MEMBER_REPRESENTATIVES)
    category_call = CallFactory(eligibility=Eligibility.ORGANISATION_CATEGORIES,
                                eligible_categories=[Category.CULTURAL_INSTITUTION])
    person = UserFactory()
    with pytest.raises(PermissionDenied, match="not eligible"):
        services.application_start(call=members_call, by=person)
    museum = OrganisationFactory(category=Category.CULTURAL_INSTITUTION, relationship=Relationship.PARTNER)
    network_services.representation_add(user=person, organisation=museum, by=None)
    assert services.application_start(call=category_call, by=person)
    with pytest.raises(PermissionDenied):
        services.application_start(call=members_call, by=person)
    member = OrganisationFactory(relationship=Relationship.MEMBER, category=Category.UNIVERSITY)
    network_services.representation_add(user=person, organisation=member, by=None)
    person = type(person).objects.get(pk=person.pk)
    assert services.application_start(call=members_call, by=person)


@pytest.mark.django_db
def test_applicants_never_see_each_other(client, participant):
    call = CallFactory()
    mine, _url = _submit_complete(client, participant, call)
    other = UserFactory()
    client.force_login(other)
    assert client.get(f"/en/calls/{call.slug}/receipts/{mine.reference}/1/").status_code == 404
    assert client.get(f"/en/calls/{call.slug}/receipts/{mine.reference}/1.pdf").status_code == 404
    stored = mine.files.get()
    assert client.get(f"/en/calls/{call.slug}/files/{stored.pk}/").status_code == 404
    assert client.get(f"/en/calls/{call.slug}/application/").status_code == 404
    client.force_login(participant)
    response = client.get(f"/en/calls/{call.slug}/files/{stored.pk}/")
    assert response.status_code == 200
    assert re.search(rf'filename="{mine.code}-portfolio\.pdf"', response["Content-Disposition"])


@pytest.mark.django_db
def test_unverified_people_cannot_apply(client, unverified):
    call = CallFactory()
    client.force_login(unverified)
    response = client.post(f"/en/calls/{call.slug}/apply/", follow=True)
    assert "not eligible" in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_draft_calls_are_hidden(client, participant, editor):
    call = CallFactory(status=CallStatus.DRAFT)
    assert client.get(f"/en/calls/{call.slug}/").status_code == 404
    client.force_login(participant)
    assert client.get(f"/en/calls/{call.slug}/").status_code == 404
    with pytest.raises((PermissionDenied, ValidationError)):
        services.application_start(call=call, by=participant)
    client.force_login(editor)
    assert client.get(f"/en/calls/{call.slug}/").status_code == 200


@pytest.mark.django_db
def test_a_draft_saved_from_a_stale_tab_never_undoes_the_submission(client, participant):
    """Issue 12, item 16: "Save draft" in a second tab after "Submit" in the first."""
    call = CallFactory()
    application, url = _submit_complete(client, participant, call)
    assert application.status == ApplicationStatus.SUBMITTED and application.version == 1
    stale = Application.objects.get(pk=application.pk)
    stale.status, stale.version = ApplicationStatus.DRAFT, 0  # what the second tab's request had read
    with pytest.raises(PermissionDenied, match="submitted in the meantime"):
        services.application_save_draft(application=stale, by=participant, title="Second tab", answers={})
    application.refresh_from_db()
    assert (application.status, application.version, application.title) == (
        ApplicationStatus.SUBMITTED, 1, "Murals with the pupils")
    # Through the page: refused, told so, and what was typed is shown again and kept.
    response = client.post(url, complete_data(summary="Typed in the second tab"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "submitted in the meantime" in page and "Typed in the second tab" in page
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.SUBMITTED
    client.post(url + "reopen/")
    page = client.get(url, follow=True).content.decode()
    assert "What you typed before the application was reopened is restored and saved." in page
    assert Application.objects.get(pk=application.pk).answers["summary"] == "Typed in the second tab"
    client.post(url, {**complete_data(summary="Typed in the second tab"), "submit": "1"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED and application.version == 2


@pytest.mark.django_db
def test_versions_are_numbered_from_the_stored_submissions(client, participant):
    """A row whose version was set back (as the lost-submission race left it) still submits."""
    call = CallFactory()
    application, url = _submit_complete(client, participant, call)
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.DRAFT, version=0)
    response = client.post(url, {**complete_data(), "submit": "1"}, follow=True)
    assert response.status_code == 200 and "Your application is submitted" in response.content.decode()
    assert list(application.submissions.values_list("version", flat=True)) == [2, 1]


@pytest.mark.django_db
def test_a_nul_in_an_answer_is_explained_and_nothing_is_stored(client, participant):
    """Issue 12, item 23: answers with a NUL were stored as typed (a 500 on PostgreSQL). The site's NUL
    guard (core.middleware) answers before the form: a readable 400, the draft unchanged."""
    call = CallFactory()
    application = start(client, participant, call)
    url = f"/en/calls/{call.slug}/application/"
    response = client.post(url, complete_data(summary="Paint\x00 the walls", title="Murals\x00"))
    page = response.content.decode()
    assert response.status_code == 400 and "not allowed" in page
    application.refresh_from_db()
    assert "summary" not in application.answers and application.title == ""


@pytest.mark.django_db
def test_receipts_show_amounts_and_dates_as_readers_write_them(client, participant):
    """Issue 12, item 15: receipts printed 25000 and 2027-02-01."""
    from civica.calls.models import FieldKind, FormField

    call = CallFactory(amount_max=30000)
    FormField.objects.create(call=call, key="starts", kind=FieldKind.DATE, label_ro="Începe", label_en="Starts",
                             position=20, required=False)
    FormField.objects.create(call=call, key="note", kind=FieldKind.SHORT_TEXT, label_ro="Notă", label_en="Note",
                             position=21, required=False)
    start(client, participant, call)
    url = f"/en/calls/{call.slug}/application/"
    client.post(url, complete_data(amount_requested="25000", budget__amount_0="19000", starts="2027-02-01",
                                   portfolio=SimpleUploadedFile("p.pdf", PDF, "application/pdf")))
    client.post(url, {**complete_data(amount_requested="25000", budget__amount_0="19000", starts="2027-02-01"),
                      "submit": "1"})
    application = Application.objects.get(call=call)
    assert application.status == ApplicationStatus.SUBMITTED
    romanian = client.get(f"/ro/calls/{call.slug}/receipts/{application.reference}/1/").content.decode()
    assert "25.000 lei" in romanian and "1 februarie 2027" in romanian and "19.000 lei" in romanian
    assert "2027-02-01" not in romanian and ">25000<" not in romanian and "None" not in romanian
    english = client.get(f"/en/calls/{call.slug}/receipts/{application.reference}/1/").content.decode()
    assert "25,000 lei" in english and "1 February 2027" in english


@pytest.mark.django_db
def test_references_are_whole_words(client, participant):
    """Issue 12, item 15: references were cut ("BURSELE-DE-INOVA-2026-0001")."""
    from civica.calls.services import reference_prefix

    assert reference_prefix("bursele-de-inovare-cluj") == "BURSELE-DE-INOVARE-CLUJ"
    assert reference_prefix("apelul-de-proiecte-culturale-pentru-cartierele-clujului") == (
        "APELUL-DE-PROIECTE-CULTURALE")
    assert reference_prefix("x" * 40 + "-de-proiecte") == "XDP"
    call = CallFactory(slug="bursele-de-inovare-cluj")
    application = start(client, participant, call)
    assert application.reference.startswith("BURSELE-DE-INOVARE-CLUJ-") and len(application.reference) <= 40
    # A reference made under the old rule still opens its receipt.
    client.post(f"/en/calls/{call.slug}/application/",
                complete_data(portfolio=SimpleUploadedFile("p.pdf", PDF, "application/pdf")))
    Application.objects.filter(pk=application.pk).update(reference="BURSELE-DE-INOVA-2026-0001")
    client.post(f"/en/calls/{call.slug}/application/", {**complete_data(), "submit": "1"})
    assert client.get(f"/en/calls/{call.slug}/receipts/BURSELE-DE-INOVA-2026-0001/1/").status_code == 200


@pytest.mark.django_db
def test_call_cards_and_pages_show_no_markdown_marks(client):
    """Issue 12, item 15: "*(Sume și termene fictive…)*" on call cards and pages."""
    call = CallFactory(summary_ro="Granturi pentru oraș. *(Sume și termene fictive.)*")
    card = client.get("/ro/calls/").content.decode()
    assert "Granturi pentru oraș. (Sume și termene fictive.)" in card and "*(" not in card
    page = client.get(f"/ro/calls/{call.slug}/").content.decode()
    assert "<em>(Sume și termene fictive.)</em>" in page and "*(" not in page
