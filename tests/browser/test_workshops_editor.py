"""Issue 16's world-café journey: an editor sets up a world-café with two tables and two rounds on a new
meeting, runs the rounds from the control panel while a facilitator writes notes on a phone, harvests,
renames a theme, harvests again after a late note, and the renamed theme and its dot are still there.
Every staff screen of the journey passes axe."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.workshops.models import Theme, Workshop

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
ROUND_ONE = ["chirii mici pentru ateliere de artiști", "clădiri goale date artiștilor pe termen lung",
             "spații ieftine pentru firmele creative"]
ROUND_TWO = ["granturi mici și rapide pentru proiecte", "microgranturi fără birocrație pentru artiști",
             "finanțare multianuală pentru organizații culturale"]
LATE = "ateliere deschise seara în clădirile goale"


def _write(phone, text):
    phone.get_by_label("Your contribution (up to 500 characters)").fill(text)
    phone.get_by_role("button", name="Add to the wall").click()
    expect(phone.locator(".messages")).to_contain_text("your contribution is on the wall")


def test_an_editor_sets_up_and_runs_a_world_cafe_and_a_second_harvest_keeps_the_synthesis(live_server, new_page):
    base = live_server.url
    MeetingFactory(slug="cafe-cartier", title_en="Neighbourhood café",
                   starts_at=timezone.now() - datetime.timedelta(minutes=5),
                   ends_at=timezone.now() + datetime.timedelta(hours=3))
    editor = UserFactory(role=Role.EDITOR, language="en")
    facilitator = UserFactory(language="en")

    page = new_page()
    log_in(page, base, editor)
    page.goto(f"{base}/en/workshops/manage/")
    accessible(page)
    page.get_by_role("link", name="New world-café").click()
    page.locator("main").get_by_label("Meeting").select_option(label=page.locator("#id_meeting option").filter(
        has_text="Neighbourhood café").inner_text())
    page.locator("main").get_by_label("Short name in addresses").fill("cafe-iunie")
    page.locator("main").get_by_label("Dots per person").fill("2")
    accessible(page)
    page.get_by_role("button", name="Set up the world-café").click()
    expect(page.locator(".messages")).to_contain_text("The world-café is set up")

    page.locator("main").get_by_label("Question (Romanian)").fill("Ce le lipsește artiștilor din cartier?")
    page.locator("main").get_by_label("Question (English)").fill("What do the neighbourhood's artists lack?")
    page.get_by_role("button", name="Add the question").click()
    for topic, email in (("Spaces", facilitator.email), ("Money", "")):
        tables = page.get_by_role("group", name="Add a table")
        tables.get_by_label("Topic").fill(topic)
        tables.get_by_label("Facilitator's e-mail").fill(email)
        page.get_by_role("button", name="Add the table").click()
        expect(page.locator(".messages")).to_contain_text("The table is added.")
    for minutes in ("20", "15"):
        page.get_by_role("group", name="Add a round").get_by_label("Duration (minutes)").fill(minutes)
        page.get_by_role("button", name="Add the round").click()
        expect(page.locator(".messages")).to_contain_text("The round is added.")
    expect(page.locator("#tables ~ div table")).to_contain_text(facilitator.email)
    expect(page.get_by_role("heading", name="Round 2")).to_be_visible()
    accessible(page)

    # The live event, from the control panel; the facilitator writes at table 1 on a phone.
    page.get_by_role("link", name="Control panel").first.click()
    expect(page.locator(".run-status")).to_contain_text("Waiting for the next round.")
    page.get_by_role("button", name="Start the first round").click()
    expect(page.locator(".run-status")).to_contain_text("Round 1")
    expect(page.locator(".run-status")).to_contain_text("left")
    accessible(page)

    phone = new_page(**PHONE)
    log_in(phone, base, facilitator)
    phone.goto(f"{base}/en/workshops/manage/cafe-iunie/run/")
    phone.get_by_role("link", name="Open table 1").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Table 1: Spaces")
    for note in ROUND_ONE:
        _write(phone, note)
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390

    page.get_by_role("button", name="Pause").click()
    expect(page.locator(".run-status")).to_contain_text("Paused")
    screen = new_page()
    screen.goto(f"{base}/en/workshops/cafe-iunie/screen/")
    expect(screen.locator(".room-status")).to_contain_text("Paused")
    page.get_by_role("button", name="Resume").click()
    page.get_by_role("button", name="End this round and start round 2").click()
    expect(page.locator(".run-status")).to_contain_text("Round 2")
    screen.reload()
    expect(screen.locator(".room-status")).to_contain_text("Round 2")
    phone.reload()
    for note in ROUND_TWO:
        _write(phone, note)
    # The control panel's counts follow by themselves (htmx every 10 s).
    expect(page.locator("#table-counts")).to_contain_text("6 contributions in all", timeout=20_000)

    # The harvest, then a renamed theme with a dot on it.
    page.goto(f"{base}/en/workshops/cafe-iunie/")
    page.get_by_role("button", name="Harvest: group the contributions into themes").click()
    expect(page.locator(".messages")).to_contain_text("themes found")
    workshop = Workshop.objects.get(slug="cafe-iunie")
    theme = workshop.themes.order_by("position").first()
    page.locator(f"#label-{theme.pk}").fill("Affordable spaces")
    page.locator(f"#label-{theme.pk}").locator("xpath=../..").get_by_role("button", name="Rename").click()
    expect(page.get_by_role("heading", name="Affordable spaces")).to_be_visible()
    page.get_by_role("article").filter(has=page.get_by_role("heading", name="Affordable spaces")).get_by_role(
        "button", name="Put a dot on this theme").click()
    expect(page.locator(".messages")).to_contain_text("Your dot is on “Affordable spaces”.")

    # A late note, then the harvest again: it asks first and offers the note for placement.
    _write(phone, LATE)
    page.get_by_role("link", name="Harvest again (you see what would change first)").click()
    expect(page.locator("main")).to_contain_text("Harvesting again changes nothing that is there")
    expect(page.locator("main")).to_contain_text("1 note is in no theme yet")
    accessible(page)
    page.get_by_role("button", name="Harvest again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Place the new notes")
    expect(page.locator("main")).to_contain_text(LATE)
    accessible(page)
    page.locator("main").get_by_label(f"Theme: {LATE}").select_option(label="Affordable spaces")
    page.get_by_role("button", name="Place the notes").click()
    expect(page.locator(".messages")).to_contain_text("1 note placed.")

    renamed = page.get_by_role("article").filter(has=page.get_by_role("heading", name="Affordable spaces"))
    expect(renamed).to_contain_text(LATE)
    expect(page.locator("#votes-title ~ div table tr").filter(has_text="Affordable spaces")).to_contain_text("1")
    assert Theme.objects.get(pk=theme.pk).label == "Affordable spaces" and theme.dots.count() == 1

    page.goto(f"{base}/en/workshops/manage/cafe-iunie/themes/{theme.pk}/split/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Split")
    accessible(page)
