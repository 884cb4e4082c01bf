"""Truth table of plans: editors manage them; residents comment on a plan while it is a draft or
its years run, whatever their role."""

import pytest
from django.utils import timezone

from civica.accountability.models import PlanStatus
from civica.accountability.tests.factories import make_plan

PERMISSIONS = {"accountability.manage_plan"}

KINDS = ["anonymous", "unverified", "participant", "moderator", "editor", "administrator"]
VERIFIED = {"participant", "moderator", "editor", "administrator"}
PERIODS = {"past": -3, "current": 0}


@pytest.mark.django_db
@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("status", [PlanStatus.DRAFT, PlanStatus.APPROVED])
@pytest.mark.parametrize("kind", KINDS)
def test_plan_permissions(make_user, kind, status, period):
    plan = make_plan(year=timezone.localdate().year + PERIODS[period], programmes=0, activities=0, status=status)
    user = make_user(kind)
    expected = {
        "accountability.manage_plan": kind in {"editor", "administrator"},
        "comments.post": kind in VERIFIED and (status == PlanStatus.DRAFT or period == "current"),
    }
    assert {permission: user.has_perm(permission, plan) for permission in expected} == expected


ALL_KINDS = ["anonymous", "participant", "member_representative", "evaluator_on", "evaluator_off",
             "facilitator_on", "facilitator_off", "moderator", "editor", "administrator", "superuser"]


@pytest.mark.django_db
@pytest.mark.parametrize("status", [PlanStatus.DRAFT, PlanStatus.APPROVED, PlanStatus.PUBLISHED])
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_who_manages_plans_and_moves_their_status(make_user, kind, status):
    """The editors' screens, the parts' writes and the status moves all ask ``manage_plan``: editors,
    administrators and superusers; a scoped role (evaluator, facilitator) gives nothing on a plan, on it
    or on another object."""
    plan = make_plan(programmes=0, activities=0, status=status)
    other = make_plan(year=2030, programmes=0, activities=0)
    role, _, where = kind.rpartition("_") if kind.endswith(("_on", "_off")) else (kind, "", "")
    user = make_user(role, scope=(plan if where == "on" else other) if where else None)
    may = role in {"editor", "administrator", "superuser"}
    assert {permission: user.has_perm(permission, plan) for permission in PERMISSIONS} == {
        "accountability.manage_plan": may}
    moves = {PlanStatus.DRAFT: [PlanStatus.APPROVED], PlanStatus.APPROVED: [PlanStatus.PUBLISHED, PlanStatus.DRAFT],
             PlanStatus.PUBLISHED: []}[status]
    assert plan.next_statuses() == moves
    assert all(user.has_perm(plan.permission_to(to), plan) == may for to in moves)
