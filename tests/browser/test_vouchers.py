"""Cultural vouchers on a phone (390 px): a venue's staff member types a voucher's code on the redemption
page, sees its validity and balance, confirms an offer and amount; the holder's page, opened by the code
without an account, shows the new balance. Then the referrer's and the programme staff's pages. axe-core on
every vouchers page, and no page scrolls sideways."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from civica.vouchers import codes
from civica.vouchers.tests.factories import issued, programme_staff, referrer, setting, venue_staff

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_venue_staff_redeem_a_typed_code_and_the_holder_sees_the_new_balance(live_server, new_page):
    base = live_server.url
    programme, venue, offer = setting(voucher_value=Decimal("100"))
    the_referrer = referrer(programme)
    voucher = issued(programme, by=the_referrer, alias="Ana")
    staff = venue_staff(venue)

    phone = new_page(viewport=PHONE)
    log_in(phone, base, staff)
    phone.goto(f"{base}/en/vouchers/redeem/")
    accessible(phone)
    fits(phone)
    phone.get_by_label("Voucher code").fill(codes.display(voucher.code).lower())
    phone.get_by_role("button", name="Check the code").click()
    expect(phone.locator("main")).to_contain_text("Valid. Choose the offer")
    expect(phone.get_by_test_id("balance")).to_have_text("100.00 lei")
    accessible(phone)
    fits(phone)
    phone.get_by_label("Amount to redeem").fill("30")
    phone.get_by_role("button", name="Confirm the redemption").click()
    expect(phone.get_by_test_id("outcome")).to_contain_text("Left on the voucher: 70.00 lei")
    accessible(phone)

    holder = new_page(viewport=PHONE)
    holder.goto(f"{base}/en/vouchers/")
    accessible(holder)
    fits(holder)
    holder.get_by_label("Voucher code").fill(codes.display(voucher.code))
    holder.get_by_role("button", name="See my voucher").click()
    expect(holder.get_by_test_id("balance")).to_have_text("70.00 lei")
    expect(holder.locator("main")).to_contain_text(offer.title_en)
    accessible(holder)
    fits(holder)
    holder.goto(f"{base}/en/vouchers/offers/")
    expect(holder.locator("main")).to_contain_text(offer.title_en)
    accessible(holder)

    desk = new_page(viewport=PHONE)
    log_in(desk, base, the_referrer)
    desk.goto(f"{base}/en/vouchers/referrals/")
    accessible(desk)
    fits(desk)
    desk.get_by_label("Reference or alias").fill("ana")
    desk.get_by_role("button", name="Find").click()
    desk.get_by_role("link", name=voucher.beneficiary.reference).click()
    expect(desk.locator("main")).to_contain_text("Balance 70.00 lei of 100.00 lei")
    accessible(desk)

    office = new_page()
    log_in(office, base, programme_staff(programme))
    office.goto(f"{base}/en/vouchers/manage/{programme.slug}/")
    accessible(office)
    office.get_by_label("Why is it reversed?").fill("Wrong offer chosen")
    office.get_by_role("button", name="Reverse").click()
    expect(office.locator(".messages")).to_contain_text("The redemption is reversed and recorded.")
    accessible(office)
    holder.goto(f"{base}/en/vouchers/v/{voucher.code}/")
    expect(holder.get_by_test_id("balance")).to_have_text("100.00 lei")
