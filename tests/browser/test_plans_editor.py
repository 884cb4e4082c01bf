"""An editor records the four-level assessment of one priority from the plans editors' screens, and the
next year's plan document shows it; axe-core checks every screen on the way."""

import pytest
from playwright.sync_api import expect

from civica.accountability.models import BudgetLine, PlanStatus
from civica.accountability.tests.factories import make_plan
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory

from .conftest import axe_violations, describe_violations
from .helpers import log_in

pytestmark = pytest.mark.browser


def expect_accessible(page):
    blocking = axe_violations(page)
    assert not blocking, f"{page.url}:\n{describe_violations(blocking)}"


def test_an_editor_assesses_a_priority_and_the_plan_document_shows_it(live_server, page):
    base = live_server.url
    past = make_plan(year=2020, programmes=1, activities=2, status=PlanStatus.PUBLISHED)
    make_plan(year=2021, programmes=0, activities=0, status=PlanStatus.DRAFT, organisation=past.organisation)
    editor = UserFactory(role=Role.EDITOR, display_name="Emil", language="en")

    log_in(page, base, editor)
    page.goto(f"{base}/en/plans/manage/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage plans")
    expect_accessible(page)

    page.get_by_role("link", name="Plan 2020", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan 2020")
    expect_accessible(page)

    page.locator("#priorities").get_by_role("link", name="Assess").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assess the priority")
    expect_accessible(page)
    page.get_by_label("partly").check()
    page.get_by_label("Assessment (English)").fill("Half of the programme moved online in the spring.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("Saved.")
    expect(page.locator("#priorities")).to_contain_text("partly")

    page.goto(f"{base}/en/plans/2021/document/")
    assessment = page.locator("table", has_text="Half of the programme moved online in the spring.")
    expect(assessment).to_contain_text("partly")
    expect(page.get_by_role("heading", name="WHAT WE PLANNED AND WHAT WE ACHIEVED IN 2020")).to_be_visible()

    # The other forms of the plan's parts, as editors see them.
    activity = past.activities.first()
    line = BudgetLine.objects.filter(group__plan=past).first()
    for path in [f"activity/{activity.pk}/", "indicator/new/", "value/new/", "line/new/", f"line/{line.pk}/delete/",
                 f"details/{past.pk}/", "area/new/", "group/new/"]:
        page.goto(f"{base}/en/plans/manage/2020/{path}")
        expect(page.locator("main h1")).to_be_visible()
        expect_accessible(page)

    # The change to the published plan is on its page, with who made it.
    page.goto(f"{base}/en/plans/2020/")
    expect(page.locator("#history")).to_contain_text("by Emil")
    expect_accessible(page)
