"""A visitor finds a locality of România Remarcabilă by the map's list (no tile server in the tests: the
list with coordinates is the map), opens its sheet and one of its remarkable sites; axe-core checks the map
page, a locality and a site in both languages."""

import pytest
from playwright.sync_api import expect

from .helpers import accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def heritage_demo(transactional_db):
    from civica.heritage import demo

    demo.load(lambda line: None)


def test_a_visitor_finds_a_locality_by_the_map_list(live_server, page, heritage_demo):
    base = live_server.url
    page.goto(f"{base}/en/heritage/")
    expect(page.get_by_role("heading", level=1)).to_have_text("România Remarcabilă: the network's heritage")
    accessible(page)
    map_section = page.get_by_role("region", name="The localities of the network on the map")
    expect(map_section).to_contain_text("latitude 46.64, longitude 23.86")
    map_section.get_by_role("link", name="Dealu Morii (demo)").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Dealu Morii (demo)")
    expect(page.get_by_text("Fictional locality, invented for the demonstration")).to_be_visible()
    accessible(page)
    page.get_by_role("link", name="The water mills").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The water mills")
    expect(page.get_by_role("link", name="The panel, to print (PDF)")).to_be_visible()
    accessible(page)

    for path in ("/ro/heritage/", "/ro/heritage/localities/dealu-morii-demo/",
                 "/ro/heritage/sites/panou-morile-de-apa-demo/"):
        page.goto(f"{base}{path}")
        accessible(page)
