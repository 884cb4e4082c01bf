"""The plan in a real browser: filters, the month-by-month table, the document and its PDF."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations, describe_violations

pytestmark = pytest.mark.browser


def test_plan_page_filters_and_pdf(live_server, demo_data, page):
    base = live_server.url
    page.goto(f"{base}/en/plans/")
    page.get_by_role("link", name="Plan 2021").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan 2021")
    blocking = axe_violations(page)
    assert not blocking, describe_violations(blocking)

    page.get_by_label("Programme", exact=True).select_option("culture-next")
    page.get_by_label("Running in").select_option("10")
    page.get_by_role("button", name="Filter", exact=True).click()
    programmes = page.locator("#programmes")
    expect(programmes.get_by_role("heading", level=3)).to_have_count(1)
    expect(programmes).to_contain_text("7–10 October 2021")  # "7-10 octombrie" in the plan, in English
    expect(programmes).not_to_contain_text("Lansarea Fondului Orașelor")  # May, filtered out

    page.goto(f"{base}/en/plans/2021/")  # the filters open the activities page; the budget is on the plan's
    expect(page.locator("#budget")).to_contain_text("11,155,779.75")
    href = page.get_by_role("link", name="Download the PDF").get_attribute("href")
    response = page.request.get(base + href, timeout=60_000)  # a PDF takes a moment on a busy machine
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


def test_document_is_accessible(live_server, demo_data, page):
    page.goto(f"{live_server.url}/ro/plans/2021/document/")
    expect(page.get_by_role("heading", level=1).first).to_contain_text("CENTRUL CULTURAL CLUJEAN")
    blocking = axe_violations(page)
    assert not blocking, describe_violations(blocking)
