"""Every page of calls costs a number of queries that does not grow with rows: the list, a call,
the applicant's application, the editors' screen and ranking, the jury's list and review page."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.calls import evaluation
from civica.calls.models import (
    Application,
    ApplicationFile,
    ApplicationStatus,
    CallQuestion,
    CallStatus,
    Criterion,
    Decision,
    FieldKind,
    FormField,
    Submission,
)
from civica.calls.tests.factories import CallFactory


def grow(call, start, number, **extra):
    for index in range(start, start + number):
        Application.objects.create(call=call, applicant=UserFactory(), reference=f"{call.slug}-{index}",
                                   title=f"Project {index}", status=ApplicationStatus.SUBMITTED,
                                   submitted_at=timezone.now(), amount_requested=Decimal("2000"), **extra)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def attach(application, key):
    ApplicationFile.objects.create(application=application, field_key=key,
                                   file=ContentFile(b"%PDF-1.4 x", name=f"{key}.pdf"), original_name=f"{key}.pdf",
                                   content_type="application/pdf", size=10, sha256="0" * 64)


@pytest.mark.django_db
def test_call_list_and_detail(client, assert_constant_queries):
    call = CallFactory(status=CallStatus.RESULTS_PUBLISHED)
    grow(call, 0, 2, decision=Decision.FUNDED, amount_awarded=Decimal("2000"))
    CallQuestion.objects.create(call=call, question="q", answer="a", answered_at=timezone.now())
    CallFactory()

    def more():
        CallFactory.create_batch(4)
        grow(call, 10, 6, decision=Decision.FUNDED, amount_awarded=Decimal("2000"))
        for _ in range(3):
            CallQuestion.objects.create(call=call, question="q", answer="a", answered_at=timezone.now())

    assert_constant_queries(client, ["/en/calls/", f"/en/calls/{call.slug}/"], more)


@pytest.mark.django_db
def test_my_applications(client, assert_constant_queries):
    person = UserFactory()
    for call in CallFactory.create_batch(2):
        Application.objects.create(call=call, applicant=person, reference=f"{call.slug}-mine", title="t")
    client.force_login(person)

    def more():
        for call in CallFactory.create_batch(4):
            Application.objects.create(call=call, applicant=person, reference=f"{call.slug}-mine", title="t")

    assert_constant_queries(client, "/en/calls/mine/", more)


@pytest.mark.django_db
def test_the_application_page(client, assert_constant_queries):
    """Its form fields, files, submitted versions and the call's other applications."""
    call = CallFactory()
    person = UserFactory()
    own = Application.objects.create(call=call, applicant=person, reference="MINE", title="t", answers={})
    attach(own, "portfolio")
    Submission.objects.create(application=own, version=1, content={}, sha256="0" * 64)
    client.force_login(person)

    def more():
        for position in range(20, 26):
            key = f"extra{position}"
            FormField.objects.create(call=call, key=key, kind=FieldKind.FILE if position % 2 else FieldKind.SHORT_TEXT,
                                     label_ro=key, label_en=key, position=position, required=False,
                                     file_types=["pdf"], max_file_mb=1)
            if position % 2:
                attach(own, key)
        for version in range(2, 6):
            Submission.objects.create(application=own, version=version, content={}, sha256="0" * 64)
        grow(call, 0, 5)

    assert_constant_queries(client, f"/en/calls/{call.slug}/application/", more)


@pytest.fixture
def in_evaluation(db):
    """A call in evaluation, a criterion, a juror and two applications assigned to them."""
    editor = UserFactory(role=Role.EDITOR)
    call = CallFactory(closes_at=timezone.now() - datetime.timedelta(hours=1),
                       opens_at=timezone.now() - datetime.timedelta(days=9), status=CallStatus.EVALUATION)
    Criterion.objects.create(call=call, name_ro="c", name_en="c")
    juror = UserFactory()
    evaluation.evaluator_appoint(call=call, user=juror, by=editor)
    grow(call, 0, 2)
    evaluation.assign_automatically(call=call, per_application=1, by=editor)
    return call, editor, juror


@pytest.mark.django_db
def test_the_jurys_list_and_the_editors_screen_and_ranking(in_evaluation, assert_constant_queries):
    call, editor, juror = in_evaluation

    def more():
        grow(call, 10, 8)
        evaluation.assign_automatically(call=call, per_application=1, by=editor)

    assert_constant_queries(None, [(signed_in(juror), "/en/calls/reviews/"),
                                   (signed_in(editor), f"/en/calls/{call.slug}/manage/"),
                                   (signed_in(editor), f"/en/calls/{call.slug}/manage/ranking/")], more)


@pytest.mark.django_db
def test_the_review_page(client, in_evaluation, assert_constant_queries):
    """Its criteria, the application's answers and files, and the other reviews of the call."""
    call, editor, juror = in_evaluation
    assignment = juror.assignments.select_related("application").first()
    attach(assignment.application, "portfolio")
    client.force_login(juror)

    def more():
        for number in range(4):
            Criterion.objects.create(call=call, name_ro=f"c{number}", name_en=f"c{number}")
        for key in ("budget", "team", "rules"):
            attach(assignment.application, key)
        other = UserFactory()
        evaluation.evaluator_appoint(call=call, user=other, by=editor)
        grow(call, 10, 4)
        evaluation.assign_automatically(call=call, per_application=2, by=editor)

    assert_constant_queries(client, f"/en/calls/{call.slug}/reviews/{assignment.application.code}/", more)
