"""Truth tables of data collection campaigns: each kind of user × each state of the campaign and of the
answer. An organisation's raw answer is seen by its representatives and the observatory's analysts only:
evaluators, editors, administrators, moderators, other members' representatives and visitors never."""

import pytest

from civica.calls.tests.factories import CallFactory
from civica.core import refusals
from civica.network.tests.factories import MemberFactory
from civica.observatory.models import AnswerStatus
from civica.observatory.tests.campaign_factories import analyst, make_answer, make_campaign

PERMISSIONS = {"observatory.manage", "observatory.view_raw_values", "observatory.view_answer",
               "observatory.fill_answer", "observatory.review_answer", "observatory.see_campaigns"}

KINDS = ["anonymous", "participant", "representative", "colleague", "unverified_representative",
         "other_member", "evaluator", "moderator", "editor", "administrator", "analyst", "superuser"]
REPRESENTATIVES = {"representative", "colleague"}
# Django gives an active superuser every permission; the reasons (``why_not``) still follow the predicates.
ANALYSTS = {"analyst", "superuser"}
CAMPAIGN_STATES = ["not_yet", "open", "past_deadline", "closed"]
ANSWER_STATES = [status.value for status in AnswerStatus]


@pytest.fixture
def organisation(db):
    return MemberFactory()


@pytest.fixture
def make(make_user, organisation):
    def make(kind):
        if kind in REPRESENTATIVES:
            return make_user("member_representative", scope=organisation)
        if kind == "unverified_representative":
            return make_user("member_representative", scope=organisation, verified=False)
        if kind == "other_member":
            return make_user("member_representative", scope=MemberFactory())
        if kind == "evaluator":
            return make_user("evaluator", scope=CallFactory())
        if kind == "analyst":
            return analyst()
        return make_user(kind)

    return make


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_manage(make, kind):
    assert make(kind).has_perm("observatory.manage") == (kind in ANALYSTS)
    assert make(kind).has_perm("observatory.view_raw_values") == (kind in ANALYSTS)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_see_campaigns(make, kind):
    allowed = kind in REPRESENTATIVES | ANALYSTS | {"unverified_representative", "other_member"}
    assert make(kind).has_perm("observatory.see_campaigns") == allowed


@pytest.mark.django_db
@pytest.mark.parametrize("status", ANSWER_STATES)
@pytest.mark.parametrize("kind", KINDS)
def test_view_answer(make, organisation, kind, status):
    answer = make_answer(make_campaign(), organisation, status=status)
    allowed = kind in REPRESENTATIVES | ANALYSTS | {"unverified_representative"}
    assert make(kind).has_perm("observatory.view_answer", answer) == allowed


@pytest.mark.django_db
@pytest.mark.parametrize("campaign_state", CAMPAIGN_STATES)
@pytest.mark.parametrize("status", ANSWER_STATES)
@pytest.mark.parametrize("kind", KINDS)
def test_fill_answer(make, organisation, kind, status, campaign_state):
    user, answer = make(kind), make_answer(make_campaign(state=campaign_state), organisation, status=status)
    takes = campaign_state == "open" or (campaign_state == "past_deadline" and status == AnswerStatus.QUERIED)
    allowed = kind in REPRESENTATIVES and status in (AnswerStatus.DRAFT, AnswerStatus.QUERIED) and takes
    assert user.has_perm("observatory.fill_answer", answer) == (allowed or kind == "superuser")
    assert (refusals.why_not(user, "observatory.fill_answer", answer) is None) == (allowed or kind == "superuser")


@pytest.mark.django_db
@pytest.mark.parametrize("campaign_state", ["open", "closed"])
@pytest.mark.parametrize("status", ANSWER_STATES)
@pytest.mark.parametrize("kind", KINDS)
def test_review_answer(make, organisation, kind, status, campaign_state):
    user, answer = make(kind), make_answer(make_campaign(state=campaign_state), organisation, status=status)
    allowed = kind in ANALYSTS and status in (AnswerStatus.SUBMITTED, AnswerStatus.ACCEPTED)
    assert user.has_perm("observatory.review_answer", answer) == (allowed or kind == "superuser")
    assert (refusals.why_not(user, "observatory.review_answer", answer) is None) == (allowed or kind == "superuser")


@pytest.mark.django_db
def test_a_refusal_says_why():
    organisation = MemberFactory()
    answer = make_answer(make_campaign(), organisation, status=AnswerStatus.SUBMITTED)
    from civica.network.tests.factories import member_representative

    user = member_representative(organisation)
    assert "trimis" in refusals.why_not(user, "observatory.fill_answer", answer)
