"""Booking one of the centre's spaces from a browser: a member books the studio, finds the booking in
My bookings, and a second booking of the same time is refused with the message; axe on the spaces list,
the space's page and the booking form (empty and with the refusal)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civica.network.models import Booking
from civica.network.tests.factories import MemberFactory, SpaceFactory, member_representative

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser




def book(page, day, purpose):
    form = page.locator("main form")
    form.get_by_label("Day:", exact=True).fill(day)
    form.get_by_label("From:", exact=True).fill("10:00")
    form.get_by_label("To:", exact=True).fill("12:00")
    form.get_by_label("What for:", exact=True).fill(purpose)
    form.get_by_role("button", name="Ask for the booking").click()


def test_a_member_books_a_space_and_the_same_time_is_refused_to_another(live_server, new_page):
    base = live_server.url
    studio = SpaceFactory(slug="studio", name_en="The online-events studio", name_ro="Studioul")
    first = member_representative(MemberFactory(name="Consiliul Județean Cluj"), language="en")
    second = member_representative(MemberFactory(name="Primăria Municipiului Cluj-Napoca"), language="en")
    day = (timezone.localdate() + datetime.timedelta(days=5)).isoformat()

    page = new_page()
    log_in(page, base, first)
    page.goto(f"{base}/en/network/spaces/")
    expect(page.get_by_role("link", name="The online-events studio")).to_be_visible()
    accessible(page)
    page.get_by_role("link", name="The online-events studio").click()
    expect(page.locator("main h1")).to_have_text("The online-events studio")
    accessible(page)
    page.get_by_role("link", name="Book this space").click()
    expect(page.locator("main h1")).to_have_text("Book The online-events studio")
    accessible(page)
    book(page, day, "Online general assembly")
    expect(page.locator("main h1")).to_have_text("My bookings")
    expect(page.locator(".messages")).to_contain_text("the time is held for you")
    row = page.get_by_role("row", name="The online-events studio")
    expect(row).to_contain_text("Online general assembly")
    expect(row).to_contain_text("Awaiting confirmation")
    expect(row).to_contain_text("10:00")

    other = new_page()
    log_in(other, base, second)
    other.goto(f"{base}/en/network/spaces/studio/book/")
    book(other, day, "Press conference")
    alert = other.get_by_role("alert")
    expect(alert).to_contain_text("The online-events studio is taken on")
    expect(alert).to_contain_text("10:00–12:00 by another booking.")
    expect(other.locator("main form").get_by_label("What for:", exact=True)).to_have_value("Press conference")
    expect(other.locator("#agenda-title + p + nav + div table")).to_contain_text("Booked, awaiting confirmation")
    accessible(other)
    assert Booking.objects.filter(space=studio).count() == 1
    assert Booking.objects.get().booked_by == first
