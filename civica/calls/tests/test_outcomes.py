"""The outcome registry (outcomes.py) an app above calls plugs into: its sentence on the call's page,
its check at submission and its decision hook, which may refuse the decision (nothing is recorded)."""

import pytest
from django.core.exceptions import ValidationError

from civica.calls import evaluation, services
from civica.calls.models import Application, ApplicationStatus, CallStatus, Decision
from civica.calls.outcomes import CallOutcome, call_outcomes
from civica.calls.tests.factories import CallFactory

pytestmark = pytest.mark.django_db


def _refuse(application, *, previous, by):
    if application.decision == Decision.FUNDED:
        raise ValidationError("No room left.")


def test_the_outcome_speaks_on_the_page_and_may_refuse_a_decision(client, editor, participant):
    call = CallFactory(form=False)
    decided = []

    def record_then_refuse(application, *, previous, by):
        decided.append((previous, application.decision))
        _refuse(application, previous=previous, by=by)

    outcome = CallOutcome(key="test.outcome", describe=lambda call: f"A prize for {call.slug}",
                          submission_problems=lambda application: ["Too early."], decided=record_then_refuse)
    with call_outcomes.registered(outcome):
        assert f"A prize for {call.slug}" in client.get(f"/en/calls/{call.slug}/").content.decode()
        application = Application.objects.create(call=call, applicant=participant, reference="T-1", title="T",
                                                 amount_requested=5000)
        with pytest.raises(ValidationError) as refused:
            services.application_submit(application=application, by=participant)
        assert refused.value.messages == ["Too early."]
        application.refresh_from_db()
        assert application.status == ApplicationStatus.DRAFT

        call.status = CallStatus.RANKING_LOCKED
        call.save(update_fields=["status"])
        Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.SUBMITTED)
        evaluation.decide(application=application, by=editor, decision=Decision.RESERVE)
        with pytest.raises(ValidationError):
            evaluation.decide(application=application, by=editor, decision=Decision.FUNDED, amount="5000")
        application.refresh_from_db()
        assert application.decision == Decision.RESERVE and application.amount_awarded is None
        assert decided == [(Decision.PENDING, Decision.RESERVE), (Decision.RESERVE, Decision.FUNDED)]
    assert f"A prize for {call.slug}" not in client.get(f"/en/calls/{call.slug}/").content.decode()
