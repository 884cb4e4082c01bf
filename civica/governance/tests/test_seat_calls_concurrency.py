"""Deciding on a call for seats under parallel requests (PostgreSQL): the same acceptance twice at the
same instant starts one term; two acceptances for the body's last seat give it to one, the other is
refused with the reason and its decision is not recorded."""

import pytest
from django.core.exceptions import ValidationError

from civica.calls import evaluation
from civica.calls.models import Application, Decision
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.governance.models import SeatAppointment, Term
from civica.governance.tests.test_seat_calls import _accepted_ready, youth_council

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def test_the_same_acceptance_twice_at_once_starts_one_term(client, editor, participant):
    _seat_call, [application] = _accepted_ready(client, editor, [participant], youth_council())
    for _round in range(4):
        copies = [Application.objects.get(pk=application.pk) for _ in range(3)]
        outcomes = run_together([
            lambda copy=copy: evaluation.decide(application=copy, by=editor, decision=Decision.FUNDED)
            for copy in copies])
        assert outcomes == [None, None, None]
        assert Term.objects.count() == SeatAppointment.objects.count() == 1
    outcomes = run_together([
        lambda: evaluation.decide(application=Application.objects.get(pk=application.pk), by=editor,
                                  decision=Decision.REJECTED),
        lambda: evaluation.decide(application=Application.objects.get(pk=application.pk), by=editor,
                                  decision=Decision.FUNDED),
    ])
    assert outcomes == [None, None]
    application.refresh_from_db()
    # Whatever order they ran in, the seat follows the decision that stayed.
    assert Term.objects.count() == (1 if application.decision == Decision.FUNDED else 0)


def test_two_acceptances_for_the_last_seat(client, editor, make_user):
    body = youth_council(size=1)
    _seat_call, applications = _accepted_ready(client, editor, [make_user("participant"), make_user("participant")],
                                               body, seats=1)
    outcomes = run_together([
        lambda application=application: evaluation.decide(application=application, by=editor,
                                                          decision=Decision.FUNDED)
        for application in applications])
    assert sorted(outcome is None for outcome in outcomes) == [False, True]
    refused = next(outcome for outcome in outcomes if outcome is not None)
    assert isinstance(refused, ValidationError)
    assert Term.objects.count() == 1
    assert Application.objects.filter(decision=Decision.FUNDED).count() == 1
