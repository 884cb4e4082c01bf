"""An editor runs a meeting from the site's own screens: creates it in one of the centre's spaces,
publishes it; a participant registers; the editor finds them in the registrations list, checks them
in and exports the list as CSV; axe-core checks every editor's page on the way."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.meetings.models import Meeting, Registration
from civica.network.tests.factories import SpaceFactory

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser


def test_an_editor_creates_publishes_and_checks_in_a_participant(live_server, page, new_page):
    base = live_server.url
    editor = UserFactory(role=Role.EDITOR, display_name="Emil", language="en")
    participant = UserFactory(display_name="Paula Pop", language="en")
    SpaceFactory(name_ro="Sala mare", name_en="Main hall", address="Piața Unirii 1")
    starts = timezone.localtime(timezone.now() + datetime.timedelta(days=12)).replace(hour=17, minute=0)

    log_in(page, base, editor)
    page.goto(f"{base}/en/meetings/manage/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage meetings")
    accessible(page)

    page.get_by_role("link", name="New meeting").click()
    accessible(page)
    page.get_by_label("Kind:").select_option("debate")
    page.get_by_label("Title (Romanian):").fill("Dezbatere despre parcuri")
    page.get_by_label("Title (English):").fill("A debate on parks")
    page.get_by_label("Starts at:").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Ends at:").fill((starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("In the centre's space:").select_option(label="Main hall")
    page.get_by_label("Places:").fill("20")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("The meeting is created as a draft")
    expect(page.get_by_role("heading", level=1)).to_have_text("A debate on parks")
    expect(page.get_by_role("heading", name="Main hall around this time")).to_be_visible()
    accessible(page)

    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("The meeting is published.")
    meeting = Meeting.objects.get()
    assert meeting.is_published and meeting.space.name_en == "Main hall"

    # A participant registers on the public page, in their own browser.
    other = new_page()
    log_in(other, base, participant)
    other.goto(f"{base}/en/meetings/{meeting.slug}/")
    other.get_by_role("button", name="Register").click()
    expect(other.locator(".messages")).to_contain_text("You are registered.")

    page.get_by_role("link", name="Registrations, waiting list and check-in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registrations")
    row = page.get_by_role("row", name="Paula Pop")
    expect(row).to_be_visible()
    accessible(page)
    row.get_by_role("button", name="Check in").click()
    expect(page.locator(".messages")).to_contain_text("Paula Pop is checked in.")
    expect(page.get_by_role("row", name="Paula Pop")).to_contain_text("checked in")
    assert Registration.objects.get(person=participant).checked_in_at is not None

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export (CSV)").click()
    lines = open(download_info.value.path(), encoding="utf-8").read().splitlines()
    assert lines[0].startswith("Name,E-mail,Status") and lines[1].startswith("Paula Pop,")

    # The other editor's pages pass axe too.
    for path in ("edit/", "after/", "cancel/"):
        page.goto(f"{base}/en/meetings/manage/{meeting.slug}/{path}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        accessible(page)
