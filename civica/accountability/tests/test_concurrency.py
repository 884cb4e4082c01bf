"""Races on one plan (PostgreSQL): two editors publishing it at once, and two reorderings at once."""

import pytest

from civica.accountability import services
from civica.accountability.models import Activity, Plan, PlanStatus
from civica.accountability.tests.factories import make_plan
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.audit.models import AuditEntry
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.core.transitions import MoveNotPossible

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_editors_publishing_at_once_publish_once():
    skip_unless_postgresql()
    plan = make_plan(status=PlanStatus.APPROVED, programmes=0, activities=0)
    editors = [UserFactory(role=Role.EDITOR) for _ in range(3)]
    outcomes = run_together([
        (lambda editor=editor: services.move_plan(plan=Plan.objects.get(pk=plan.pk), by=editor,
                                                  to=PlanStatus.PUBLISHED)) for editor in editors])
    assert sum(outcome is None for outcome in outcomes) == 1
    assert all(isinstance(outcome, MoveNotPossible) for outcome in outcomes if outcome is not None)
    assert AuditEntry.objects.filter(action="accountability.plan.published", target_id=plan.pk).count() == 1


def test_reordering_at_once_keeps_one_position_each():
    skip_unless_postgresql()
    plan = make_plan(status=PlanStatus.DRAFT, programmes=1, activities=5)
    editor = UserFactory(role=Role.EDITOR)
    activities = list(Activity.objects.filter(plan=plan).order_by("position", "id"))
    outcomes = run_together([
        (lambda activity=activity, up=up: services.move_part(plan=plan, part=Activity.objects.get(pk=activity.pk),
                                                             by=editor, up=up))
        for activity, up in [(activities[1], True), (activities[2], True), (activities[3], False),
                             (activities[4], True)]])
    assert outcomes == [None] * 4
    assert sorted(Activity.objects.filter(plan=plan).values_list("position", flat=True)) == [0, 1, 2, 3, 4]
