"""The staff's own screens from a browser: an editor opens the staff dashboard, follows "Bookings to
confirm" to the bookings, then edits a space's opening status on the network's screens; a refused save
keeps what was typed. axe-core checks the dashboard and every network screen on the way."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.network.models import BookingStatus, Space, SpaceStatus
from civica.network.tests.factories import (
    BookingFactory,
    MemberFactory,
    ProgrammeFactory,
    SpaceFactory,
    member_representative,
)

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser


def test_an_editor_follows_the_dashboard_to_the_bookings_and_edits_a_space(live_server, page):
    base = live_server.url
    organisation = MemberFactory(name="Consiliul Județean Cluj")
    representative = member_representative(organisation)
    studio = SpaceFactory(slug="studio", name_en="The online-events studio", name_ro="Studioul")
    ProgrammeFactory(name_en="Change Academy")
    starts = timezone.now() + datetime.timedelta(days=3)
    BookingFactory(space=studio, organisation=organisation, booked_by=representative,
                   status=BookingStatus.REQUESTED, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
    editor = UserFactory(role=Role.EDITOR, display_name="Emil", language="en")

    log_in(page, base, editor)
    page.locator("header").get_by_role("link", name="Staff dashboard").click()
    expect(page.locator("main h1")).to_have_text("Staff dashboard")
    expect(page.locator("#count-bookings")).to_have_text("1")
    accessible(page)
    page.get_by_role("link", name="Bookings to confirm").click()
    expect(page.locator("#bookings")).to_be_in_viewport()
    page.get_by_role("link", name="Confirm or decline them").click()
    expect(page.locator("main h1")).to_have_text("Bookings of the spaces")
    expect(page.locator("main table")).to_contain_text("Consiliul Județean Cluj")

    page.goto(f"{base}/en/network/manage/")
    expect(page.locator("main h1")).to_have_text("Manage the network")
    accessible(page)
    for link, heading in (("Organisations", "Organisations"), ("Programmes", "Programmes")):
        page.get_by_role("link", name=link, exact=True).first.click()
        expect(page.locator("main h1")).to_have_text(heading)
        accessible(page)
        page.go_back()
    page.locator("main").get_by_role("link", name="Spaces", exact=True).click()
    expect(page.locator("main h1")).to_have_text("Spaces")
    accessible(page)
    page.get_by_role("link", name="The online-events studio", exact=True).click()
    expect(page.locator("main h1")).to_have_text("The online-events studio")
    accessible(page)

    # Not open yet, and not bookable meanwhile; a wrong capacity is refused, and nothing typed is lost.
    page.get_by_label("Opening status:").select_option(SpaceStatus.PREPARING)
    page.get_by_label("Members may book it").uncheck()
    note = page.locator("#id_status_note_en")
    note.fill("Opens again in March, after the works.")
    page.get_by_label("Capacity (people):").fill("0")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#form-errors")).to_contain_text("Nothing was saved")
    expect(note).to_have_value("Opens again in March, after the works.")
    accessible(page)
    assert Space.objects.get(pk=studio.pk).status == SpaceStatus.OPEN
    page.get_by_label("Capacity (people):").fill("40")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("The space is saved.")
    studio.refresh_from_db()
    assert studio.status == SpaceStatus.PREPARING and not studio.is_bookable and studio.capacity == 40

    page.get_by_role("link", name="See the public page").click()
    expect(page.locator("main")).to_contain_text("Opens again in March, after the works.")
