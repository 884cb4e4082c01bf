"""The site search from a browser, in both languages: a visitor types into the header's search box
and finds the Timișoara Local Learning Labs, their world-café and the call without accents; axe on
the results page and on a search that finds nothing."""

import pytest
from playwright.sync_api import expect

from .helpers import accessible

pytestmark = pytest.mark.browser

WORDS = {
    "ro": {"search": "Căutați", "box": "Căutați în consultări, apeluri, întâlniri, planuri și altele",
           "lab": "Atelier Local de Învățare: Sectorul cultural și creativ în Timișoara și în regiune",
           "workshop": "Atelier world-café", "meeting": "Întâlnire", "call": "Artiști Împreună",
           "nothing": "Nimic nu corespunde"},
    "en": {"search": "Search", "box": "Search consultations, calls, meetings, plans and more",
           "lab": "Local Learning Lab: the cultural and creative sector in Timișoara and the region",
           "workshop": "World-café workshop", "meeting": "Meeting", "call": "Artists Together",
           "nothing": "Nothing matches"},
}


@pytest.mark.parametrize("language", ["ro", "en"])
def test_a_visitor_searches_everything_from_the_header(live_server, demo_data, page, language):
    words = WORDS[language]
    page.goto(f"{live_server.url}/{language}/")
    page.get_by_label(words["box"]).fill("Timisoara")
    page.get_by_label(words["box"]).press("Enter")
    expect(page.locator("main h1")).to_have_text(words["search"])
    results = page.locator(".search-result")
    workshop = results.filter(has=page.locator(".kind-workshop"))
    expect(workshop.get_by_role("link", name=words["lab"])).to_be_visible()
    expect(workshop).to_contain_text(words["workshop"])
    expect(results.filter(has=page.locator(".kind-meeting"))).to_have_count(2)
    expect(results.filter(has=page.locator(".kind-meeting")).first).to_contain_text(words["meeting"])
    expect(page.locator("mark").first).to_be_visible()
    accessible(page)

    page.locator("main").get_by_role("searchbox").fill("artisti impreuna")
    page.locator("main").get_by_role("button", name=words["search"]).click()
    expect(page.locator(".search-result .kind-call").first).to_be_visible()
    page.get_by_role("link", name=words["call"], exact=True).click()
    expect(page.locator("main h1")).to_contain_text(words["call"])

    page.goto(f"{live_server.url}/{language}/search/?q=zzzzzz")
    expect(page.get_by_role("status")).to_contain_text(words["nothing"])
    accessible(page)
