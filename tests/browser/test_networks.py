"""The network's directory, networks and figures from a browser: a resident follows a home page figure to
where it comes from, filters the directory (a bad filter in the address is said, the rest applied), opens
an organisation and its network; axe on each page, at a phone's width too."""

import pytest
from playwright.sync_api import expect

from civica.network.models import Category, EntityKind, Figure, FigureCount
from civica.network.tests.factories import MemberFactory, NetworkEntityFactory, NetworkFactory, OrganisationFactory

from .helpers import accessible

pytestmark = pytest.mark.browser


def test_a_resident_follows_a_figure_filters_the_directory_and_opens_a_network(live_server, new_page):
    base = live_server.url
    network = NetworkFactory(slug="csn", name_en="Cluj School Network", name_ro="Cluj School Network")
    school = MemberFactory(name="Liceul Exemplu", slug="liceul-exemplu", category=Category.CULTURAL_INSTITUTION)
    NetworkEntityFactory(network=network, organisation=school, name="Liceul Exemplu", kind=EntityKind.SCHOOL)
    NetworkEntityFactory(network=network, name="Școala demonstrativă", is_fictional=True)
    OrganisationFactory(name="Universitatea Exemplu", category=Category.UNIVERSITY)
    Figure.objects.create(key="members", value=117, label_ro="organizații membre", label_en="member organisations",
                          source_ro="pagina „Despre”", source_en="the About page", counts=FigureCount.MEMBERS)
    Figure.objects.create(key="schools", value=35, label_ro="școli", label_en="schools", source_ro="pagina „Despre”",
                          source_en="the About page", network=network)

    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{base}/en/")
    page.get_by_role("link", name="1 member organisations").click()
    expect(page.locator("main h1")).to_have_text("Organisations")
    expect(page.locator("main .cards")).to_contain_text("Liceul Exemplu")
    expect(page.locator("main .cards")).not_to_contain_text("Universitatea Exemplu")
    accessible(page)

    page.goto(f"{base}/en/network/organisations/?category=nope&network=csn")
    expect(page.get_by_role("alert")).to_contain_text("“nope” is not one of the choices for this filter")
    expect(page.get_by_label("Network")).to_have_value("csn")
    accessible(page)

    page.get_by_role("link", name="Liceul Exemplu").click()
    expect(page.locator("main h1")).to_have_text("Liceul Exemplu")
    accessible(page)
    page.get_by_role("link", name="Cluj School Network").click()
    expect(page.locator("main h1")).to_have_text("Cluj School Network")
    expect(page.locator("main")).to_contain_text("1 entry below is fictional")
    accessible(page)

    page.goto(f"{base}/en/network/figures/")
    expect(page.locator("#figure-schools")).to_contain_text("source: the About page, no date given")
    accessible(page)
    page.goto(f"{base}/en/network/networks/")
    accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
