"""Answers to a campaign under parallel requests (PostgreSQL; SQLite serialises every writer): a draft
save racing the submission, a query racing an acceptance, two representatives saving at once, two
representatives opening the answer at once. Nothing is lost, nothing is doubled."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.network.tests.factories import MemberFactory
from civica.observatory.campaigns import services as campaign_services
from civica.observatory.models import AnswerStatus, CampaignAnswer, IndicatorValue
from civica.observatory.tests.campaign_factories import analyst, make_answer, make_campaign, representative

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


COMPLETE = {"audience": "1200", "young": "35", "notes": ""}


def test_a_draft_save_racing_the_submission_never_undoes_it():
    organisation = MemberFactory()
    rep, colleague = representative(organisation), representative(organisation)
    for round_number in range(6):
        answer = make_answer(make_campaign(), organisation, answers=COMPLETE)
        saving, submitting = CampaignAnswer.objects.get(pk=answer.pk), CampaignAnswer.objects.get(pk=answer.pk)
        outcomes = run_together([
            lambda saving=saving, notes=f"round {round_number}": campaign_services.answer_save_draft(
                answer=saving, by=colleague, answers={**COMPLETE, "notes": notes}),
            lambda submitting=submitting: campaign_services.answer_submit(answer=submitting, by=rep),
        ])
        assert outcomes[1] is None, outcomes
        assert outcomes[0] is None or isinstance(outcomes[0], PermissionDenied)
        answer.refresh_from_db()
        assert answer.status == AnswerStatus.SUBMITTED
        # A save that went first is in what was submitted; one that came after was refused.
        assert answer.answers["notes"] == (f"round {round_number}" if outcomes[0] is None else "")


def test_a_query_racing_an_acceptance_leaves_one_decision():
    reviewer, other_reviewer = analyst(), analyst()
    campaign = make_campaign()
    question = campaign.questions.get(key="audience")
    for _round in range(6):
        answer = make_answer(campaign, MemberFactory(), status=AnswerStatus.SUBMITTED, answers=COMPLETE)
        outcomes = run_together([
            lambda answer=answer: campaign_services.answer_query(
                answer=CampaignAnswer.objects.get(pk=answer.pk), by=reviewer, question=question, message="?",
                seen_status=AnswerStatus.SUBMITTED),
            lambda answer=answer: campaign_services.answer_accept(
                answer=CampaignAnswer.objects.get(pk=answer.pk), by=other_reviewer,
                seen_status=AnswerStatus.SUBMITTED),
        ])
        assert sum(outcome is None for outcome in outcomes) == 1, outcomes
        assert all(outcome is None or isinstance(outcome, ValidationError) for outcome in outcomes)
        answer.refresh_from_db()
        values = IndicatorValue.objects.filter(organisation=answer.organisation).count()
        if outcomes[0] is None:
            assert answer.status == AnswerStatus.QUERIED and values == 0
        else:
            assert answer.status == AnswerStatus.ACCEPTED and values == 2


def test_two_representatives_saving_at_once_keep_both_changes():
    organisation = MemberFactory()
    rep, colleague = representative(organisation), representative(organisation)
    for round_number in range(6):
        answer = make_answer(make_campaign(), organisation, answers={})
        outcomes = run_together([
            lambda answer=answer, audience=str(round_number): campaign_services.answer_save_draft(
                answer=answer, by=rep, base={}, answers={"audience": audience, "young": None}),
            lambda answer=answer: campaign_services.answer_save_draft(
                answer=answer, by=colleague, base={}, answers={"audience": None, "young": "20"}),
        ])
        assert outcomes == [None, None]
        answer.refresh_from_db()
        assert answer.answers == {"audience": str(round_number), "young": "20"}


def test_two_representatives_opening_the_answer_at_once_make_one_row():
    organisation = MemberFactory()
    rep, colleague = representative(organisation), representative(organisation)
    for _round in range(6):
        campaign = make_campaign()
        outcomes = run_together([
            lambda campaign=campaign, user=user: campaign_services.answer_for(
                campaign=campaign, organisation=organisation, by=user) for user in (rep, colleague)])
        assert outcomes == [None, None]
        assert CampaignAnswer.objects.filter(campaign=campaign).count() == 1
