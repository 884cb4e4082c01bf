"""Every page fits a 390 px phone: nothing scrolls sideways, the header stays short with its menu closed.

The pages are the axe sweep's (test_accessibility.py) plus the ones that used to scroll sideways: the
plan and its document, the meetings calendar, a workshop and its report, the editors' list and the
evaluator's reviews. Staff pages are seen by the demo account that uses them. A page one viewport
wide is what we measure (``scrollWidth``); a wide table scrolls inside its own box instead. No page
asks for a missing file (the favicon was missing everywhere).
"""

import pytest
from django.test import Client
from playwright.sync_api import expect

from .test_accessibility import PAGES as AXE_PAGES

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
HEADER_MAX_PX = 64

PUBLIC_PAGES = {
    **AXE_PAGES,
    "plan-list": "/{language}/plans/",
    "plan": "/{language}/plans/2021/",
    "plan-document": "/{language}/plans/2021/document/",
    "meeting-list": "/{language}/meetings/",
    "meeting": "/{language}/meetings/dezbatere-cluj-for-youth-2030/",
    "workshop": "/{language}/workshops/world-cafe-timisoara-2020/",
    "workshop-report": "/{language}/workshops/world-cafe-timisoara-2020/report/",
    "workshop-wall": "/{language}/workshops/world-cafe-timisoara-2020/wall/",
    "room-screen": "/{language}/workshops/world-cafe-timisoara-2020/screen/",
    "accessibility": "/{language}/accessibility/",
    "membership": "/{language}/network/membership/",
}
STAFF_PAGES = {
    "editor": {
        "manage-list": "/{language}/processes/manage/",
        "page-edit": "/{language}/pages/about/edit/",
        "page-history": "/{language}/pages/about/history/",
        "manage-process": "/{language}/processes/cluj-for-youth-2030/manage/",
        "manage-call": "/{language}/calls/{call}/manage/",
        "ranking": "/{language}/calls/{call}/manage/ranking/",
        "calls-manage-list": "/{language}/calls/manage/",
        "calls-manage-call": "/{language}/calls/manage/{call}/",
        "calls-manage-form": "/{language}/calls/manage/{call}/form/",
        "calls-manage-preview": "/{language}/calls/manage/{call}/form/preview/",
        "calls-manage-criteria": "/{language}/calls/manage/{call}/criteria/",
        "calls-manage-jury": "/{language}/calls/manage/{call}/jury/",
        "calls-manage-edit": "/{language}/calls/manage/{call}/edit/",
        "staff-dashboard": "/{language}/staff/",
        "network-space-edit": "/{language}/network/manage/spaces/studio-evenimente-online/",
        "membership-review": "/{language}/network/membership/review/",
        "workshops-manage": "/{language}/workshops/manage/",
        "workshop-setup": "/{language}/workshops/manage/world-cafe-timisoara-2020/",
        "workshop-run": "/{language}/workshops/manage/world-cafe-timisoara-2020/run/",
        "manage-meetings": "/{language}/meetings/manage/",
        "manage-meeting": "/{language}/meetings/manage/dezbatere-oras-neutru-climatic/",
        "meeting-edit": "/{language}/meetings/manage/dezbatere-oras-neutru-climatic/edit/",
        "meeting-registrations": "/{language}/meetings/manage/dezbatere-oras-neutru-climatic/registrations/",
    },
    "evaluator": {
        "my-reviews": "/{language}/calls/reviews/",
        "review": "/{language}/calls/{call}/reviews/{code}/",
    },
}

# What sticks out on the right, for a readable failure (what a scroll box clips does not count).
MEASURE = """() => {
  const width = document.documentElement.clientWidth;
  const culprits = [];
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    const position = getComputedStyle(element).position;
    const clipped = element.closest('.table-scroll') && !['absolute', 'fixed'].includes(position);
    if (box.right > width + 1 && !clipped) {
      const classes = String(element.className || '').trim().replace(/\\s+/g, '.');
      culprits.push(`${element.tagName.toLowerCase()}${classes ? '.' + classes : ''} (${Math.round(box.right)} px)`);
    }
  }
  const header = document.querySelector('.site-header');
  return {
    scrollWidth: document.documentElement.scrollWidth,
    header: header ? header.getBoundingClientRect().height : 0,
    culprits: culprits.slice(0, 5),
  };
}"""


def paths_for(pages, language):
    """The addresses of ``pages`` in ``language``, with the demo's objects (an idea, a call under review…) filled in."""
    from civica.calls.models import Assignment
    from civica.newsletter.demo import DEMO_SUBSCRIBER
    from civica.newsletter.models import Subscriber
    from civica.newsletter.tokens import preferences_token
    from civica.participation.models import Debate, Idea, Poll

    youth = {"process__slug": "cluj-for-youth-2030"}
    assignment = Assignment.objects.filter(evaluator__email="evaluator@civica.test").select_related(
        "application__call").first()
    values = {
        "language": language,
        "idea": Idea.objects.filter(status="evaluating", **youth).values_list("pk", flat=True).first(),
        "debate": Debate.objects.filter(**youth).values_list("pk", flat=True).first(),
        "poll": Poll.objects.filter(**youth).values_list("pk", flat=True).first(),
        "call": assignment.application.call.slug if assignment else "",
        "code": assignment.application.code if assignment else "",
        "newsletter_token": "".join(preferences_token(subscriber)
                                    for subscriber in Subscriber.objects.filter(email=DEMO_SUBSCRIBER)),
    }
    return {name: path.format(**values) for name, path in pages.items()}


def _signed_in(page, live_server, email):
    """Give the page's browser context the session of the demo account ``email``."""
    from civica.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    host = live_server.url.split("//", 1)[1].split(":", 1)[0]
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "domain": host, "path": "/"}])


def _problems(page, base, paths, viewport):
    problems = []
    # No page asks for a file that is not there (the favicon was one, on every page).
    page.on("response", lambda response: response.status == 404 and problems.append(f"not found: {response.url}"))
    for name, path in paths.items():
        response = page.goto(base + path)
        assert response.ok, f"{path} answered {response.status}"
        seen = page.evaluate(MEASURE)
        if seen["scrollWidth"] > viewport["width"]:
            problems.append(f"{name} {path}: {seen['scrollWidth']} px wide; sticking out: {seen['culprits']}")
        if viewport is PHONE and seen["header"] > HEADER_MAX_PX:
            problems.append(f"{name} {path}: the header is {seen['header']:.0f} px tall")
    return problems


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_public_pages_do_not_scroll_sideways(live_server, demo_data, new_page, viewport):
    page = new_page(viewport=viewport)
    problems = []
    for language in ("ro", "en"):
        problems += _problems(page, live_server.url, paths_for(PUBLIC_PAGES, language), viewport)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_staff_pages_do_not_scroll_sideways(live_server, demo_data, new_page, viewport):
    problems = []
    for role, pages in STAFF_PAGES.items():
        page = new_page(viewport=viewport)
        _signed_in(page, live_server, f"{role}@civica.test")
        problems += _problems(page, live_server.url, paths_for(pages, "ro"), viewport)
    assert not problems, "\n".join(problems)


def test_the_menu_opens_and_closes_by_keyboard(live_server, demo_data, new_page):
    page = new_page(viewport=PHONE, locale="en-GB")
    page.goto(f"{live_server.url}/en/")
    toggle = page.locator(".menu-toggle")
    main_nav = page.get_by_role("navigation", name="Main")
    expect(main_nav).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(main_nav).to_be_visible()
    expect(main_nav.get_by_role("link", name="Consultations")).to_be_visible()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(main_nav).to_be_hidden()
    expect(toggle).to_be_focused()


def test_the_menu_is_not_needed_on_a_desktop(live_server, demo_data, new_page):
    page = new_page(viewport=DESKTOP, locale="en-GB")
    page.goto(f"{live_server.url}/en/")
    expect(page.locator(".menu-toggle")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Consultations")).to_be_visible()


def test_without_javascript_the_menu_stays_open(live_server, demo_data, new_page):
    page = new_page(viewport=PHONE, locale="en-GB", java_script_enabled=False)
    page.goto(f"{live_server.url}/en/")
    expect(page.locator(".menu-toggle")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Consultations")).to_be_visible()
