"""The bodies' pages (issue 18, point 3): axe-core reports nothing serious or critical on the list and a
body's page in both languages, nor on the staff's screens for the bodies; the public pages fit 390 px."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations, describe_violations
from .test_small_screens import _signed_in

pytestmark = pytest.mark.browser

LANGUAGES = ["ro", "en"]
PUBLIC = ["/{language}/network/bodies/", "/{language}/network/bodies/consiliul-director/",
          "/{language}/network/bodies/consiliul-consultativ-de-tineret/"]
STAFF = ["/{language}/network/bodies/manage/", "/{language}/network/bodies/manage/consiliul-director/",
         "/{language}/network/bodies/manage/consiliul-director/objectives/new/"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_bodies_pages_have_no_serious_axe_violation_and_fit_a_phone(live_server, demo_data, page, language):
    page.set_viewport_size({"width": 390, "height": 844})
    for path in PUBLIC:
        url = live_server.url + path.format(language=language)
        response = page.goto(url)
        assert response.ok, f"{url} answered {response.status}"
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("main h1")).to_be_visible()
        blocking = axe_violations(page)
        assert not blocking, f"axe found on {url}:\n{describe_violations(blocking)}"
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, f"{url} is {width} px wide at 390 px"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_bodies_staff_screens_have_no_serious_axe_violation(live_server, demo_data, page, language):
    _signed_in(page, live_server, "editor@civica.test")
    for path in STAFF:
        url = live_server.url + path.format(language=language)
        assert page.goto(url).ok, url
        blocking = axe_violations(page)
        assert not blocking, f"axe found on {url}:\n{describe_violations(blocking)}"
