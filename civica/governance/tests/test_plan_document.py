"""The bodies' objectives in the plan document (accountability's registry): the objectives of the plan's
years, body by body, with their assessment; saving one renews the plan's kept version."""

import pytest
from django.utils import translation

from civica.accountability import versions
from civica.accountability.document import document_context
from civica.accountability.registry import PlanDocumentRow, PlanDocumentSection, plan_document_sections
from civica.accountability.tests.factories import make_plan
from civica.governance.models import BodyObjective
from civica.governance.tests.body_factories import BodyFactory

pytestmark = pytest.mark.django_db


def test_the_plan_document_shows_the_objectives_of_its_years(client):
    plan = make_plan(year=2021)
    board = BodyFactory(name_en="Board of Directors")
    BodyObjective.objects.create(body=board, year=2021, text_en="Annual objectives", level="large",
                                 narrative_en="Set in March.")
    BodyObjective.objects.create(body=board, year=2021, position=2, text_en="Invite the Minister")
    BodyObjective.objects.create(body=board, year=2019, text_en="An older objective")
    page = client.get(f"/en/plans/{plan.slug}/document/").content.decode()
    for expected in ("Objectives of the centre&#x27;s bodies", "Board of Directors", "1. Annual objectives",
                     "Set in March.", "2. Invite the Minister", "Not assessed yet"):
        assert expected in page, expected
    assert "An older objective" not in page


def test_saving_an_objective_renews_the_plans_kept_version():
    plan = make_plan(year=2021)
    before = versions.stamp(plan, "en")
    objective = BodyObjective.objects.create(body=BodyFactory(), year=2021, text_ro="Obiectiv")
    plan.refresh_from_db()
    after = versions.stamp(plan, "en")
    assert after != before
    objective.level = "fully"
    objective.save()
    plan.refresh_from_db()
    assert versions.stamp(plan, "en") != after
    # Another year's objective leaves the plan as it is.
    stamp = versions.stamp(plan, "en")
    BodyObjective.objects.create(body=objective.body, year=2030, text_ro="Altul")
    plan.refresh_from_db()
    assert versions.stamp(plan, "en") == stamp


def test_a_section_registered_for_a_test_only():
    plan = make_plan(year=2021)
    section = PlanDocumentSection(key="test", title="Test", rows=lambda plan: [PlanDocumentRow(text="Row")])
    with translation.override("en"), plan_document_sections.registered(section):
        keys = [shown["key"] for shown in document_context(plan)["registered_sections"]]
    assert "test" in keys
    assert "test" not in [shown["key"] for shown in document_context(plan)["registered_sections"]]
