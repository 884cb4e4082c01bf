"""Truth tables of joining the centre: each role × each status of an application to become a member, and
the organisation applied for. The Board of Directors reviews through network's hook
(``registry.reviewer_checks``), registered here as governance will register it."""

import pytest

from civica.core import refusals
from civica.network.models import ApplicationStatus, MembershipApplication
from civica.network.registry import reviewer_checks
from civica.network.tests.factories import MemberFactory, OrganisationFactory

PERMISSIONS = {"network.apply_for_membership", "network.apply_for_organisation",
               "network.review_membership_applications", "network.see_membership_application",
               "network.review_membership_application", "network.decide_membership_application",
               "network.withdraw_membership_application"}

# applicant: the verified person who made the application; representative: of a member organisation;
# partner: a representative of the partner organisation applied for; board_member: a verified person the
# hook names (a current Board of Directors seat); board_member_unverified: the same, not verified.
KINDS = ["anonymous", "inactive", "unverified", "participant", "applicant", "representative", "partner", "moderator",
         "evaluator", "editor", "administrator", "board_member", "board_member_unverified"]
REVIEWERS = {"editor", "administrator", "board_member"}
VERIFIED = {"participant", "applicant", "representative", "partner", "moderator", "evaluator", "editor",
            "administrator", "board_member"}
OPEN = {ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW}


@pytest.fixture
def partner_organisation(db):
    return OrganisationFactory(name="Fundația Parc")


@pytest.fixture
def make(make_user, partner_organisation):
    board = []

    def holds_a_board_seat(user):
        return user.pk in board

    def make(kind):
        if kind == "representative":
            return make_user("member_representative", scope=MemberFactory())
        if kind == "partner":
            return make_user("member_representative", scope=partner_organisation)
        if kind == "applicant":
            return make_user("participant")
        if kind == "evaluator":  # staff of another kind, held on one object (any: a call in real life)
            return make_user("evaluator", scope=OrganisationFactory())
        if kind in {"board_member", "board_member_unverified"}:
            user = make_user("participant" if kind == "board_member" else "unverified")
            board.append(user.pk)
            return user
        return make_user(kind)

    with reviewer_checks.registered(holds_a_board_seat):
        yield make


def application_for(applicant, status, organisation=None):
    return MembershipApplication.objects.create(
        applicant=applicant if applicant.is_authenticated else None, organisation=organisation,
        name="Asociația Lectura", category="civil_society", position="Președintă", statement="De ce", status=status)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_apply_for_membership(make, kind):
    user = make(kind)
    assert user.has_perm("network.apply_for_membership") == (kind in VERIFIED)
    reason = refusals.why_not(user, "network.apply_for_membership")
    if kind == "anonymous":
        assert refusals.next_step(user, "network.apply_for_membership") == refusals.LOG_IN
    elif kind in {"unverified", "board_member_unverified"}:
        assert refusals.next_step(user, "network.apply_for_membership") == refusals.VERIFY
    else:
        assert (reason is None) == (kind in VERIFIED)


@pytest.mark.django_db
@pytest.mark.parametrize("organisation_kind", ["partner", "member", "host", None])
@pytest.mark.parametrize("kind", KINDS)
def test_apply_for_organisation(make, kind, organisation_kind, partner_organisation):
    user = make(kind)
    organisation = {"partner": partner_organisation, "member": MemberFactory(), None: None,
                    "host": OrganisationFactory(relationship="host")}[organisation_kind]
    if organisation is not None and organisation_kind != "partner" and kind == "partner":
        # the partner's representative represents this one too: only a partner is applied for
        from civica.network.models import Representation

        Representation.objects.create(user=user, organisation=organisation)
    allowed = user.has_perm("network.apply_for_organisation", organisation)
    assert allowed == (kind == "partner" and organisation_kind == "partner")
    assert (refusals.why_not(user, "network.apply_for_organisation", organisation) is None) == allowed


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_review_membership_applications(make, kind):
    assert make(kind).has_perm("network.review_membership_applications") == (kind in REVIEWERS)


@pytest.mark.django_db
@pytest.mark.parametrize("status", ApplicationStatus.values)
@pytest.mark.parametrize("kind", KINDS)
def test_one_application(make, make_user, kind, status):
    user = make(kind)
    applicant = user if kind == "applicant" else make_user("participant")
    application = application_for(applicant, status)
    is_open = status in OPEN
    assert user.has_perm("network.see_membership_application", application) == (
        kind in REVIEWERS or kind == "applicant")
    assert user.has_perm("network.review_membership_application", application) == (kind in REVIEWERS and is_open)
    assert user.has_perm("network.decide_membership_application", application) == (kind in REVIEWERS and is_open)
    assert user.has_perm("network.withdraw_membership_application", application) == (
        kind == "applicant" and is_open)


@pytest.mark.django_db
@pytest.mark.parametrize("status", ApplicationStatus.values)
@pytest.mark.parametrize("kind", KINDS)
def test_the_declared_moves(make, make_user, kind, status):
    """What ``move`` allows: the declared move from ``status`` and its permission."""
    user = make(kind)
    applicant = user if kind == "applicant" else make_user("participant")
    application = application_for(applicant, status)
    allowed = {to for to in ApplicationStatus.values
               if application.permission_to(to) and user.has_perm(application.permission_to(to), application)}
    expected = set()
    if kind in REVIEWERS:
        expected |= {"submitted": {"under_review"}, "under_review": {"accepted", "rejected"}}.get(status, set())
    if kind == "applicant" and status in OPEN:
        expected.add("withdrawn")
    assert allowed == expected


@pytest.mark.django_db
def test_the_hook_is_asked_once_a_request(make_user):
    calls = []

    def counting(user):
        calls.append(user.pk)
        return True

    user = make_user("participant")
    with reviewer_checks.registered(counting):
        for _ in range(3):
            assert user.has_perm("network.review_membership_applications")
    assert len(calls) == 1
