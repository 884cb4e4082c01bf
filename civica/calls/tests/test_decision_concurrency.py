"""Decisions under parallel requests (PostgreSQL): two editors deciding two funded applications of a
call at the same instant lock them in one order and never deadlock; the budget holds."""

from decimal import Decimal

import pytest

from civica.calls import evaluation
from civica.calls.models import Application, ApplicationStatus, CallStatus, Decision
from civica.calls.tests.factories import CallFactory
from civica.core.tests.concurrency import run_together, skip_unless_postgresql

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def test_two_funded_applications_decided_at_once(make_user, editor):
    call = CallFactory(status=CallStatus.RANKING_LOCKED, budget_total=Decimal("30000"), form=False)
    applications = [Application.objects.create(call=call, applicant=make_user("participant"), reference=f"R-{n}",
                                               status=ApplicationStatus.SUBMITTED, decision=Decision.FUNDED,
                                               amount_awarded=Decimal("10000")) for n in range(2)]
    for amount in ("12000", "14000", "16000", "11000"):
        outcomes = run_together([
            lambda application=application, amount=amount: evaluation.decide(
                application=Application.objects.get(pk=application.pk), by=editor, decision=Decision.FUNDED,
                amount=amount)
            for application in reversed(applications)])
        refusals = [outcome for outcome in outcomes if outcome is not None]
        assert all(type(outcome).__name__ == "ValidationError" for outcome in refusals), refusals
        total = sum(Application.objects.filter(call=call, decision=Decision.FUNDED).values_list(
            "amount_awarded", flat=True))
        assert total <= call.budget_total
