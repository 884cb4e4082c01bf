"""Every list and detail page of calls costs a number of queries that does not grow with rows."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.calls import evaluation
from civica.calls.models import Application, ApplicationStatus, CallQuestion, CallStatus, Criterion, Decision
from civica.calls.tests.factories import CallFactory


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow(call, start, number, **extra):
    for index in range(start, start + number):
        Application.objects.create(call=call, applicant=UserFactory(), reference=f"{call.slug}-{index}",
                                   title=f"Project {index}", status=ApplicationStatus.SUBMITTED,
                                   submitted_at=timezone.now(), amount_requested=Decimal("2000"), **extra)


@pytest.mark.django_db
def test_call_list_and_detail(client):
    call = CallFactory(status=CallStatus.RESULTS_PUBLISHED)
    grow(call, 0, 2, decision=Decision.FUNDED, amount_awarded=Decimal("2000"))
    CallQuestion.objects.create(call=call, question="q", answer="a", answered_at=timezone.now())
    CallFactory()
    urls = ["/en/calls/", f"/en/calls/{call.slug}/"]
    before = [count(client, url) for url in urls]
    CallFactory.create_batch(4)
    grow(call, 10, 6, decision=Decision.FUNDED, amount_awarded=Decimal("2000"))
    for _ in range(3):
        CallQuestion.objects.create(call=call, question="q", answer="a", answered_at=timezone.now())
    assert [count(client, url) for url in urls] == before


@pytest.mark.django_db
def test_my_applications_and_my_reviews(client):
    person = UserFactory()
    calls = CallFactory.create_batch(2)
    for call in calls:
        Application.objects.create(call=call, applicant=person, reference=f"{call.slug}-mine", title="t")
    client.force_login(person)
    before = count(client, "/en/calls/mine/")
    for call in CallFactory.create_batch(4):
        Application.objects.create(call=call, applicant=person, reference=f"{call.slug}-mine", title="t")
    assert count(client, "/en/calls/mine/") == before

    editor = UserFactory(role=Role.EDITOR)
    call = CallFactory(closes_at=timezone.now() - datetime.timedelta(hours=1),
                       opens_at=timezone.now() - datetime.timedelta(days=9), status=CallStatus.EVALUATION)
    Criterion.objects.create(call=call, name_ro="c", name_en="c")
    juror = UserFactory()
    evaluation.evaluator_appoint(call=call, user=juror, by=editor)
    grow(call, 0, 2)
    evaluation.assign_automatically(call=call, per_application=1, by=editor)
    client.force_login(juror)
    before_reviews = count(client, "/en/calls/reviews/")
    client.force_login(editor)
    before_manage = count(client, f"/en/calls/{call.slug}/manage/")
    grow(call, 10, 8)
    evaluation.assign_automatically(call=call, per_application=1, by=editor)
    client.force_login(juror)
    assert count(client, "/en/calls/reviews/") == before_reviews
    client.force_login(editor)
    assert count(client, f"/en/calls/{call.slug}/manage/") == before_manage
