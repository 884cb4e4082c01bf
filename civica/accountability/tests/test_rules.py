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
