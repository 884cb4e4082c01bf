"""Residents apply online and the programme's staff decide: a draft keeps what was typed (even on a refused
submission), one application per person and programme, approval issues a voucher within the budget to a
beneficiary record of the applicant's (in download-my-data), a refusal tells the applicant why by e-mail in
their language; the staff's list and detail pages and their query counts."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.utils import translation

from civica.accounts.tests.factories import UserFactory
from civica.calls.form_engine import FieldKind
from civica.vouchers import personal_data, services
from civica.vouchers.models import Application, ApplicationStatus, Beneficiary, EligibilityQuestion, Voucher
from civica.vouchers.tests.factories import programme_staff, setting

pytestmark = pytest.mark.django_db


def questioned(**fields):
    """An open programme that takes applications, with three eligibility questions."""
    programme, venue, offer = setting(accepts_applications=True, **fields)
    EligibilityQuestion.objects.create(programme=programme, key="age", kind=FieldKind.NUMBER, position=1,
                                       label_ro="Vârsta", label_en="Your age", min_value=16, max_value=120)
    EligibilityQuestion.objects.create(programme=programme, key="area", kind=FieldKind.SINGLE_CHOICE, position=2,
                                       label_ro="Zona", label_en="Where you live",
                                       choices=["Pata Rât", "Mănăștur", "Altă zonă"])
    EligibilityQuestion.objects.create(programme=programme, key="consent", kind=FieldKind.DECLARATION,
                                       position=3, label_ro="Declar", label_en="I declare the answers are true")
    return programme, venue, offer


def submitted(programme, user=None, **answers):
    user = user or UserFactory(language="en")
    application = services.application_start(programme=programme, by=user)
    return services.application_submit(application=application, by=user, answers={
        "age": "30", "area": "Pata Rât", "consent": True, **answers})


def test_a_refused_submission_is_kept_as_a_draft_with_the_reasons_beside_the_answers(client):
    programme, _venue, _offer = questioned()
    resident = UserFactory()
    client.force_login(resident)
    page = client.post(f"/en/vouchers/apply/{programme.slug}/", {"action": "submit", "age": "12", "area": "Pata Rât"})
    body = page.content.decode()
    assert page.status_code == 400
    assert "Your application is not submitted yet" in body
    assert "greater than or equal to 16" in body and "This field is required" in body
    application = Application.objects.get(applicant=resident)
    assert application.status == ApplicationStatus.DRAFT
    assert application.answers["age"] == "12" and application.answers["area"] == "Pata Rât"
    again = client.get(f"/en/vouchers/apply/{programme.slug}/").content.decode()
    assert 'value="12"' in again and "Draft" in again


def test_a_resident_saves_a_draft_then_submits_then_sees_the_status(client):
    programme, _venue, _offer = questioned()
    client.force_login(UserFactory())
    saved = client.post(f"/en/vouchers/apply/{programme.slug}/", {"action": "save", "age": "4x"}, follow=True)
    assert "Your draft is saved." in saved.content.decode()
    done = client.post(f"/en/vouchers/apply/{programme.slug}/", {
        "action": "submit", "age": "34", "area": "Mănăștur", "consent": "on"}, follow=True)
    body = done.content.decode()
    assert "Your application is submitted." in body and "Submitted: waiting for a decision" in body
    application = Application.objects.get()
    assert application.answers == {"age": "34", "area": "Mănăștur", "consent": True}
    assert "Submit my application" not in body and "Withdraw my application" in body


def test_one_application_per_person_and_programme():
    programme, _venue, _offer = questioned()
    user = UserFactory()
    first = services.application_start(programme=programme, by=user)
    assert services.application_start(programme=programme, by=user) == first
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(programme=programme, applicant=user)


def test_approval_issues_a_voucher_to_the_applicants_beneficiary_record_and_e_mails_it(
        client, mailoutbox, django_assert_max_num_queries):
    programme, _venue, _offer = questioned()
    applicant = UserFactory(language="en", email="ana@example.org")
    application = submitted(programme, applicant)
    staff = programme_staff(programme)
    client.force_login(staff)
    with TestCase.captureOnCommitCallbacks(execute=True):
        page = client.post(f"/en/vouchers/manage/{programme.slug}/applications/{application.pk}/",
                           {"action": "approve"}, follow=True)
    assert "Approved: voucher issued to B-" in page.content.decode()
    application.refresh_from_db()
    voucher = Voucher.objects.get()
    assert application.status == ApplicationStatus.APPROVED and application.decided_by == staff
    assert voucher.beneficiary == application.beneficiary and voucher.beneficiary.user == applicant
    assert voucher.beneficiary.language == "en" and voucher.beneficiary.email == "ana@example.org"
    programme.refresh_from_db()
    assert programme.committed == Decimal("100")
    assert len(mailoutbox) == 1 and voucher.display_code in mailoutbox[0].body
    client.force_login(applicant)
    client.get(f"/en/vouchers/apply/{programme.slug}/")
    with django_assert_max_num_queries(14):
        mine = client.get(f"/en/vouchers/apply/{programme.slug}/").content.decode()
    assert "Approved" in mine and f"/en/vouchers/v/{voucher.code}/" in mine
    export = personal_data.export(applicant)
    assert export["applications"][0]["status"] == "approved"
    assert export["applications"][0]["answers"]["area"] == "Pata Rât"
    assert export["beneficiary"][0]["vouchers"][0]["code"] == voucher.code


def test_approval_stops_at_the_budget_and_nothing_changes():
    programme, _venue, _offer = questioned(budget=Decimal("100"))
    first, second = submitted(programme), submitted(programme)
    staff = programme_staff(programme)
    services.application_approve(application=first, by=staff)
    with translation.override("en"), pytest.raises(Exception, match="budget is spent"):
        services.application_approve(application=second, by=staff)
    second.refresh_from_db()
    assert second.status == ApplicationStatus.SUBMITTED and Beneficiary.objects.count() == 1


def test_a_refusal_tells_the_applicant_why_by_e_mail_in_their_language(client, mailoutbox):
    programme, _venue, _offer = questioned()
    english = submitted(programme, UserFactory(language="en", email="en@example.org"))
    client.force_login(programme_staff(programme))
    empty = client.post(f"/en/vouchers/manage/{programme.slug}/applications/{english.pk}/",
                        {"action": "refuse", "reason": "  "})
    assert empty.status_code == 400 and "This field is required" in empty.content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(f"/en/vouchers/manage/{programme.slug}/applications/{english.pk}/",
                    {"action": "refuse", "reason": "You live outside the programme's area."})
    english.refresh_from_db()
    assert english.status == ApplicationStatus.REFUSED
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["en@example.org"] and "Your application for a cultural voucher" in message.subject
    assert "was not approved" in message.body and "You live outside the programme's area." in message.body
    romanian = submitted(programme, UserFactory(language="ro", email="ro@example.org"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.application_refuse(application=romanian, reason="Motiv.", by=programme_staff(programme))
    assert mailoutbox[1].to == ["ro@example.org"] and "Motiv." in mailoutbox[1].body
    assert "/ro/vouchers/apply/" in mailoutbox[1].body and "/en/" not in mailoutbox[1].body


def test_the_applicant_withdraws_until_it_is_decided_and_not_after(client):
    programme, _venue, _offer = questioned()
    applicant = UserFactory()
    application = submitted(programme, applicant)
    client.force_login(applicant)
    client.post(f"/en/vouchers/apply/{programme.slug}/withdraw/")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    refused = client.post(f"/en/vouchers/apply/{programme.slug}/withdraw/", follow=True)
    assert "decided or withdrawn already" in refused.content.decode()


def test_an_unverified_resident_is_asked_to_verify_and_a_programme_without_applications_is_404(client):
    programme, _venue, _offer = questioned()
    client.force_login(UserFactory(verified=False))
    page = client.get(f"/en/vouchers/apply/{programme.slug}/")
    assert page.status_code == 403 and "verif" in page.content.decode().lower()
    closed, _venue, _offer = setting()
    assert client.get(f"/en/vouchers/apply/{closed.slug}/").status_code == 404


def test_the_staff_list_and_detail_pages_take_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    programme, _venue, _offer = questioned()
    staff = programme_staff(programme)
    for _ in range(3):
        submitted(programme)
    client.force_login(staff)
    url = f"/en/vouchers/manage/{programme.slug}/applications/"
    client.get(url)
    with django_assert_max_num_queries(14):
        page = client.get(url)
    assert page.status_code == 200 and page.content.decode().count("@example") >= 3
    for _ in range(5):
        submitted(programme)
    with django_assert_max_num_queries(14):
        client.get(url)
    one = Application.objects.first()
    with django_assert_max_num_queries(16):
        detail = client.get(f"{url}{one.pk}/")
    assert "Where you live" in detail.content.decode() and "Pata Rât" in detail.content.decode()
    assert client.get(f"{url}99999999999999999999999/").status_code == 404
    assert client.get(f"{url}?status=nonsense").status_code == 200


def test_applications_are_erased_at_the_programmes_retention_date_and_not_before():
    import datetime

    from django.utils import timezone

    from civica.vouchers import tasks

    kept, _venue, _offer = questioned(retention_until=timezone.localdate())
    past, _venue, _offer = questioned(retention_until=timezone.localdate() - datetime.timedelta(days=1))
    submitted(kept)
    services.application_approve(application=submitted(past), by=programme_staff(past))
    tasks.erase_past_retention()
    assert list(Application.objects.values_list("programme", flat=True)) == [kept.pk]
    assert not Beneficiary.objects.filter(programme=past).exists()
