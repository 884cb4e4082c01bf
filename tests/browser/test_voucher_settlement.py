"""Settlement and figures of a voucher programme in a browser (issue 22, point 7): the programme's staff
prepare a month's statements, open one and approve it; the venue's staff see it; the dashboard and the
programme's public page with its figures. axe-core on every page, and no page scrolls sideways on a phone."""

from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civica.vouchers import services
from civica.vouchers.tests.factories import issued, programme_staff, setting, venue_staff

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_staff_settle_a_month_and_the_public_sees_protected_figures(live_server, new_page):
    base = live_server.url
    programme, venue, offer = setting(voucher_value=Decimal("100"))
    here = venue_staff(venue)
    for _ in range(3):
        services.voucher_redeem(voucher=issued(programme), venue=venue, offer=offer, amount=Decimal("30"), by=here)
    staff = programme_staff(programme)

    office = new_page()
    log_in(office, base, staff)
    office.goto(f"{base}/en/vouchers/statements/")
    accessible(office)
    office.locator("#id_month").fill(timezone.localdate().strftime("%Y-%m"))
    office.get_by_role("button", name="Prepare the statements").click()
    expect(office.locator(".messages")).to_contain_text("1 statement is prepared.")
    office.locator("main table a").first.click()
    expect(office.locator("main")).to_contain_text("90.00 lei")
    accessible(office)
    office.get_by_role("button", name="Approve").click()
    expect(office.locator(".messages")).to_contain_text("The statement is approved")
    accessible(office)
    office.goto(f"{base}/en/vouchers/manage/{programme.slug}/dashboard/")
    expect(office.locator("main")).to_contain_text("Redeemed, by offer")
    accessible(office)

    phone = new_page(viewport=PHONE)
    log_in(phone, base, here)
    phone.goto(f"{base}/en/vouchers/statements/")
    accessible(phone)
    fits(phone)
    phone.locator("main table a").first.click()
    expect(phone.locator("main")).to_contain_text("Approved")
    accessible(phone)
    fits(phone)

    visitor = new_page(viewport=PHONE)
    visitor.goto(f"{base}/en/vouchers/programmes/{programme.slug}/")
    expect(visitor.locator("main")).to_contain_text("90.00 lei")
    accessible(visitor)
    fits(visitor)
