"""Vouchers' online applications and the staff's screens on a phone (390 px): a resident answers a
programme's eligibility questions, a refused submission keeps the draft, then submits; the programme's staff
approve it and the applicant finds their voucher's page. Then the staff's screens (programmes, a programme's
page, its offers, a venue, the venue's offers). axe-core on every new page, and none scrolls sideways."""

import pytest
from playwright.sync_api import expect

from civica.accounts.tests.factories import UserFactory
from civica.calls.form_engine import FieldKind
from civica.vouchers.models import EligibilityQuestion
from civica.vouchers.tests.factories import OfferFactory, programme_staff, setting, venue_staff

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def checked(page):
    accessible(page)
    fits(page)


def test_a_resident_applies_the_staff_approve_and_the_staff_screens_are_accessible(live_server, new_page):
    base = live_server.url
    programme, venue, _offer = setting(accepts_applications=True)
    EligibilityQuestion.objects.create(programme=programme, key="age", kind=FieldKind.NUMBER, position=1,
                                       label_ro="Vârsta", label_en="Your age", min_value=16)
    EligibilityQuestion.objects.create(programme=programme, key="consent", kind=FieldKind.DECLARATION, position=2,
                                       label_ro="Declar", label_en="I declare the answers are true")
    proposed = OfferFactory(venue=venue, title_en="Proposed workshop")
    proposed.proposed_to.add(programme)
    resident, staff, seller = UserFactory(language="en"), programme_staff(programme), venue_staff(venue)

    phone = new_page(viewport=PHONE)
    log_in(phone, base, resident)
    phone.goto(f"{base}/en/vouchers/apply/{programme.slug}/")
    checked(phone)
    phone.get_by_label("Your age").fill("12")
    phone.get_by_role("button", name="Submit my application").click()
    expect(phone.locator("main")).to_contain_text("Your application is not submitted yet")
    checked(phone)
    phone.get_by_label("Your age").fill("40")
    phone.get_by_label("I declare the answers are true").check()
    phone.get_by_role("button", name="Submit my application").click()
    expect(phone.locator(".messages")).to_contain_text("Your application is submitted.")
    checked(phone)

    desk = new_page(viewport=PHONE)
    log_in(desk, base, staff)
    for url in ["/en/vouchers/staff/", f"/en/vouchers/staff/programmes/{programme.slug}/",
                f"/en/vouchers/staff/programmes/{programme.slug}/questions/new/",
                f"/en/vouchers/staff/programmes/{programme.slug}/offers/", f"/en/vouchers/staff/venues/{venue.slug}/",
                f"/en/vouchers/manage/{programme.slug}/applications/"]:
        desk.goto(base + url)
        checked(desk)
    desk.locator("main table a").first.click()
    expect(desk.locator("main")).to_contain_text("Your age")
    checked(desk)
    desk.get_by_role("button", name="Approve and issue a voucher").click()
    expect(desk.locator(".messages")).to_contain_text("Approved: voucher issued")

    phone.goto(f"{base}/en/vouchers/apply/{programme.slug}/")
    phone.get_by_role("link", name="See your voucher").click()
    expect(phone.get_by_test_id("balance")).to_have_text("100.00 lei")

    counter = new_page(viewport=PHONE)
    log_in(counter, base, seller)
    for url in [f"/en/vouchers/staff/venues/{venue.slug}/offers/",
                f"/en/vouchers/staff/venues/{venue.slug}/offers/new/"]:
        counter.goto(base + url)
        checked(counter)
