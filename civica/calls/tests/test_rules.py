"""Truth tables of calls: each role × each phase of the call (and of the application), and what an
evaluator of a blind call may see before the ranking is locked."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from civica.calls.models import (
    Application,
    ApplicationFile,
    ApplicationStatus,
    Assignment,
    CallStatus,
    Conflict,
    Eligibility,
    FieldKind,
    FormField,
)
from civica.calls.tests.factories import CallFactory
from civica.core import refusals
from civica.network.models import Category

PERMISSIONS = {"calls.read_call", "calls.apply", "calls.ask_question", "calls.manage_call",
               "calls.read_application", "calls.edit_application", "calls.submit_application",
               "calls.withdraw_application", "calls.reopen_application", "calls.evaluate", "calls.review_application"}

DAY = datetime.timedelta(days=1)
# Each phase of a call: its status and where "now" stands against its dates.
PHASES = {
    "draft": (CallStatus.DRAFT, -5, 5, None),
    "announced": (CallStatus.PUBLISHED, 2, 9, None),  # published, not open yet
    "open": (CallStatus.PUBLISHED, -5, 5, None),
    "questions_over": (CallStatus.PUBLISHED, -5, 5, -1),  # open, the questions deadline passed
    "deadline_passed": (CallStatus.PUBLISHED, -9, -1, None),
    "evaluation": (CallStatus.EVALUATION, -9, -1, None),
    "ranking_locked": (CallStatus.RANKING_LOCKED, -9, -1, None),
    "results_published": (CallStatus.RESULTS_PUBLISHED, -9, -1, None),
}
KINDS = ["anonymous", "unverified", "participant", "applicant", "evaluator_here", "evaluator_conflicted",
         "evaluator_elsewhere", "editor"]
VERIFIED = set(KINDS) - {"anonymous", "unverified"}
EVALUATORS_HERE = {"evaluator_here", "evaluator_conflicted"}
OPEN = {"open", "questions_over"}  # applications are taken until the deadline, questions until theirs


def call_in(phase, **fields):
    status, opens, closes, questions = PHASES[phase]
    now = timezone.now()
    return CallFactory(status=status, opens_at=now + opens * DAY, closes_at=now + closes * DAY,
                       questions_until=None if questions is None else now + questions * DAY, **fields)


@pytest.fixture
def make(make_user):
    """``make(kind, application)``: the roles of the root conftest, seen from one application."""
    def make(kind, application):
        call = application.call
        if kind == "applicant":
            return application.applicant
        if kind in EVALUATORS_HERE:
            user = make_user("evaluator", scope=call)
            Assignment.objects.create(application=application, evaluator=user)
            if kind == "evaluator_conflicted":
                Conflict.objects.create(application=application, evaluator=user, reason="My cousin applied.")
            return user
        if kind == "evaluator_elsewhere":
            other = CallFactory()
            user = make_user("evaluator", scope=other)
            Assignment.objects.create(evaluator=user, application=Application.objects.create(
                call=other, applicant=make_user("participant"), reference=f"OTHER-{other.pk}", title="t"))
            return user
        return make_user(kind)

    return make


def application_in(phase, status=ApplicationStatus.SUBMITTED, **call_fields):
    from civica.accounts.tests.factories import UserFactory

    call = call_in(phase, **call_fields)
    return Application.objects.create(call=call, applicant=UserFactory(), reference=f"REF-{call.pk}", title="t",
                                      status=status)


CALL_EXPECTED = {
    "calls.read_call": lambda kind, phase: phase != "draft" or kind == "editor",
    # Applying twice is stopped by the service (one application a person), not by the permission.
    "calls.apply": lambda kind, phase: kind in VERIFIED and phase in OPEN,
    "calls.ask_question": lambda kind, phase: kind in VERIFIED and phase == "open",
    "calls.manage_call": lambda kind, phase: kind == "editor",
    "calls.evaluate": lambda kind, phase: kind in EVALUATORS_HERE,
}


@pytest.mark.django_db
@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("kind", KINDS)
def test_call_permissions(make, kind, phase):
    application = application_in(phase)
    user = make(kind, application)
    allowed = {permission: user.has_perm(permission, application.call) for permission in CALL_EXPECTED}
    assert allowed == {permission: rule(kind, phase) for permission, rule in CALL_EXPECTED.items()}
    # Why not apply (core/refusals.py): a call not open says so before whether one is eligible.
    failing = refusals.failing(user, "calls.apply", application.call)
    assert getattr(failing, "name", None) == (
        "call_is_open" if phase not in OPEN else "eligible" if kind not in VERIFIED else None)


APPLICATION_EXPECTED = {
    "calls.read_application": lambda kind, phase, status: kind in {"applicant", "editor"},
    "calls.edit_application": lambda kind, phase, status: kind == "applicant" and phase in OPEN and status == "draft",
    "calls.submit_application": lambda kind, phase, status: kind == "applicant" and phase in OPEN and status == "draft",
    "calls.withdraw_application":
        lambda kind, phase, status: kind == "applicant" and phase in OPEN and status == "submitted",
    "calls.reopen_application":
        lambda kind, phase, status: kind == "applicant" and phase in OPEN and status in {"submitted", "withdrawn"},
    "calls.evaluate": lambda kind, phase, status: kind in EVALUATORS_HERE,
    # Assigned and without a declared conflict; the phase is the service's business (reviews.py).
    "calls.review_application": lambda kind, phase, status: kind == "evaluator_here",
}


@pytest.mark.django_db
@pytest.mark.parametrize("status", ApplicationStatus.values)
@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("kind", KINDS)
def test_application_permissions(make, kind, phase, status):
    application = application_in(phase, status=status)
    user = make(kind, application)
    allowed = {permission: user.has_perm(permission, application) for permission in APPLICATION_EXPECTED}
    assert allowed == {permission: rule(kind, phase, str(status)) for permission, rule in APPLICATION_EXPECTED.items()}
    # Why not (core/refusals.py): a closed call first, then whose application and in what status.
    closed = "call_is_open" if phase not in OPEN else None
    reasons = {permission: getattr(refusals.failing(user, permission, application), "name", None)
               for permission in REASONS}
    assert reasons == {permission: reason(kind, closed, str(status)) for permission, reason in REASONS.items()}


def _closed_or_mine_in(statuses, key):
    return lambda kind, closed, status: closed or (None if kind == "applicant" and status in statuses else key)


REASONS = {
    "calls.edit_application": lambda kind, closed, status: (
        "is_applicant" if kind != "applicant" else "application_is_draft" if status != "draft" else closed),
    "calls.submit_application": _closed_or_mine_in({"draft"}, "own_draft"),
    "calls.withdraw_application": _closed_or_mine_in({"submitted"}, "own_submitted"),
    "calls.reopen_application": _closed_or_mine_in({"submitted", "withdrawn"}, "own_submitted_or_withdrawn"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("eligibility", [Eligibility.PARTICIPANTS, Eligibility.MEMBER_REPRESENTATIVES,
                                         Eligibility.ORGANISATION_CATEGORIES])
@pytest.mark.parametrize("kind", ["anonymous", "unverified", "participant", "member_representative", "editor"])
def test_who_may_apply_to_an_open_call(make_user, kind, eligibility):
    call = call_in("open", eligibility=eligibility, eligible_categories=[Category.CULTURAL_INSTITUTION])
    user = make_user(kind)  # a member organisation's category: see network's MemberFactory
    expected = {
        Eligibility.PARTICIPANTS: {"participant", "member_representative", "editor"},
        Eligibility.MEMBER_REPRESENTATIVES: {"member_representative"},
        Eligibility.ORGANISATION_CATEGORIES: {"member_representative"},
    }[eligibility]
    assert user.has_perm("calls.apply", call) == (kind in expected)
    failing = refusals.failing(user, "calls.apply", call)
    assert getattr(failing, "name", None) == (None if kind in expected else "eligible")


@pytest.mark.django_db
@pytest.mark.parametrize(("phase", "words"), [
    ("announced", "This call is not open for applications now."),
    ("deadline_passed", "The deadline has passed: applications can no longer be changed or submitted."),
])
def test_a_closed_call_says_whether_it_opens_later_or_its_deadline_passed(make_user, phase, words):
    from django.utils import translation

    with translation.override("en"):
        assert refusals.why_not(make_user("participant"), "calls.apply", call_in(phase)) == words


# -- blind review: identities hidden from the jury until the ranking is locked ---------------------

LATE_PHASES = ["evaluation", "ranking_locked", "results_published"]


@pytest.mark.django_db
@pytest.mark.parametrize("blind", [True, False])
@pytest.mark.parametrize("phase", LATE_PHASES)
def test_identities_are_visible_unless_blind_before_the_ranking_lock(phase, blind):
    call = call_in(phase, is_blind=blind)
    assert call.identities_visible() == (not blind or phase != "evaluation")


@pytest.mark.django_db
@pytest.mark.parametrize("blind", [True, False])
@pytest.mark.parametrize("phase", LATE_PHASES)
@pytest.mark.parametrize("kind", ["applicant", "evaluator_here", "evaluator_conflicted", "evaluator_elsewhere",
                                  "participant", "editor"])
def test_who_downloads_an_identifying_file(client, make, kind, phase, blind):
    application = application_in(phase, is_blind=blind)
    FormField.objects.create(call=application.call, key="cv", kind=FieldKind.FILE, label_ro="CV", label_en="CV",
                             position=20, identifying=True)
    files = {key: ApplicationFile.objects.create(
        application=application, field_key=key, file=ContentFile(b"%PDF-1.4 x", name=f"{key}.pdf"),
        original_name=f"{key}.pdf", content_type="application/pdf", size=10, sha256="0" * 64)
        for key in ("cv", "portfolio")}
    user = make(kind, application)
    if kind != "anonymous":
        client.force_login(user)
    answers = {key: client.get(f"/en/calls/{application.call.slug}/files/{stored.pk}/").status_code
               for key, stored in files.items()}
    owners = kind in {"applicant", "editor"}
    assert answers["portfolio"] == (200 if owners or kind == "evaluator_here" else 404)
    identifying = owners or (kind == "evaluator_here" and (not blind or phase != "evaluation"))
    assert answers["cv"] == (200 if identifying else 404)
