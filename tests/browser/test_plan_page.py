"""The plan page's structure in a browser: a summary first, contents in a sticky column on a wide screen
and a collapsible list on a phone, the charts with their tables; axe clean and no sideways scroll at
390 px on the plan and a poll's results (issue 14, points 4 and 5)."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations, describe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["ro", "en"])
def test_plan_on_a_wide_screen_keeps_its_contents_in_view(live_server, demo_data, new_page, language):
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/{language}/plans/2021/")
    aside = page.locator(".plan-aside")
    expect(aside).to_be_visible()
    expect(page.locator("details.plan-contents")).to_be_hidden()
    assert page.locator("#summary").bounding_box()["y"] < page.locator("#priorities").bounding_box()["y"]
    # Far down the page the contents are still on screen, and a link takes the reader to its section.
    page.locator(".plan-aside a[href='#budget']").click()
    expect(page.locator("#budget-title")).to_be_in_viewport()
    box = aside.bounding_box()
    assert 0 <= box["y"] < 800, box
    assert page.locator("#budget svg.chart").count() == 2
    assert page.locator("#indicators svg.chart").count() == 1
    blocking = axe_violations(page)
    assert not blocking, describe_violations(blocking)


@pytest.mark.parametrize("path", ["/{language}/plans/2021/", "/{language}/processes/cluj-for-youth-2030/polls/{poll}/"],
                         ids=["plan", "poll"])
def test_plan_and_poll_on_a_phone(live_server, demo_data, new_page, path):
    from civica.participation.models import Poll

    poll = Poll.objects.filter(process__slug="cluj-for-youth-2030").values_list("pk", flat=True).first()
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(live_server.url + path.format(language="ro", poll=poll))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("main svg[role='img']").count() >= 1
    if "plans" in path:
        expect(page.locator(".plan-aside")).to_be_hidden()
        contents = page.locator("details.plan-contents")
        expect(contents).to_be_visible()
        expect(contents.locator("a[href='#budget']")).to_be_hidden()  # collapsed until asked for
        contents.locator("summary").click()
        contents.locator("a[href='#indicators']").click()
        expect(page.locator("#indicators-title")).to_be_in_viewport()
    blocking = axe_violations(page)
    assert not blocking, describe_violations(blocking)
