"""A visitor finds a work of the ECCA archive by a facet (the medium "Photography"), opens it and sees its
image with the credit line, then finds the same works on the catalogue's map (its list of places, as without
tiles); axe-core checks the catalogue, a work page and the map in both languages."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations, describe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def archive_demo(transactional_db):
    from civica.archive import demo

    demo.load(lambda line: None)


def expect_accessible(page):
    blocking = axe_violations(page)
    assert not blocking, f"{page.url}:\n{describe_violations(blocking)}"


def test_a_visitor_finds_a_work_by_a_facet(live_server, page, archive_demo):
    base = live_server.url
    page.goto(f"{base}/en/archive/")
    expect(page.get_by_role("heading", level=1)).to_have_text("ECCA art archive")
    expect(page.get_by_role("status").first).to_contain_text("8 works")
    expect_accessible(page)

    page.get_by_role("complementary").get_by_role("link", name="Photography").click()
    expect(page.get_by_role("status").first).to_contain_text("2 works")
    expect(page.get_by_role("link", name="✓ Photography")).to_have_attribute("aria-current", "true")
    page.get_by_role("link", name="Blocks in the fog").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Blocks in the fog")
    expect(page.locator("figcaption")).to_contain_text("© Șerban Moldovan (fictiv)")
    expect(page.locator("figcaption a[rel=license]")).to_have_attribute(
        "href", "https://creativecommons.org/licenses/by/4.0/")
    expect_accessible(page)

    page.goto(f"{base}/en/archive/map/?medium=fotografie")
    places = page.get_by_role("main")
    expect(places.get_by_role("link", name="Blocks in the fog")).to_be_visible()
    expect_accessible(page)

    for path in ("/ro/archive/", "/ro/archive/works/blocuri-in-ceata/", "/ro/archive/map/"):
        page.goto(f"{base}{path}")
        expect_accessible(page)
