"""Plans kept before the "published" status (migration 0008): an approved plan was already public as the
centre's record, so it becomes published; a draft stays a draft. On PostgreSQL (``core.tests.upgrades``)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from civica.accountability.models import Plan, PlanStatus
from civica.core.tests.upgrades import upgrade_on_postgresql

pytestmark = upgrade_on_postgresql

BEFORE = [("accountability", "0007_plan_status_history")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_approved_plans_become_published_and_drafts_stay():
    old_apps = _migrate(BEFORE)
    try:
        organisation = old_apps.get_model("network", "Organisation").objects.create(
            name="Centrul Cultural Clujean", slug="ccc-migrare", category="ngo", relationship="member")
        old_plan = old_apps.get_model("accountability", "Plan")
        old_plan.objects.create(organisation=organisation, year=2020, end_year=2020, title_ro="Plan 2020",
                                status="approved", approved_on="2020-03-06")
        old_plan.objects.create(organisation=organisation, year=2021, end_year=2021, title_ro="Plan 2021",
                                status="draft")
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    published, draft = Plan.objects.filter(organisation__slug="ccc-migrare").order_by("year")
    assert (published.status, str(published.approved_on)) == (PlanStatus.PUBLISHED, "2020-03-06")
    assert published.published_at is not None
    assert (draft.status, draft.published_at) == (PlanStatus.DRAFT, None)
