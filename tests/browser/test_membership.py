"""Joining the centre from a browser: a verified person reads "Become a member" and applies for a new
organisation (a refused first try keeps what was typed), the centre's editor takes it under review and
records the General Assembly's acceptance, and the applicant sees they represent a member organisation;
axe on every page of it (the public page as a visitor too), and the form at 390 px."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civica.accounts.tests.factories import UserFactory
from civica.network.models import Organisation, Relationship

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser


def test_apply_accept_and_the_applicant_represents_a_member(live_server, new_page):
    base = live_server.url
    applicant = UserFactory(display_name="Ana Aplicant", language="en")
    editor = UserFactory(role="editor", language="en")

    visitor = new_page(viewport={"width": 390, "height": 844})
    visitor.goto(f"{base}/en/network/membership/")
    expect(visitor.locator("main h1")).to_have_text("Become a member")
    expect(visitor.get_by_role("link", name="Log in to apply for your organisation")).to_be_visible()
    accessible(visitor)

    page = new_page()
    log_in(page, base, applicant)
    page.goto(f"{base}/en/network/membership/")
    form = page.locator("main form")
    form.get_by_label("Name of the organisation:").fill("Asociația Lectura")
    form.get_by_label("Category:").select_option(label="Civil-society association")
    form.get_by_label("City:").fill("Cluj-Napoca")
    form.get_by_label("Your position in the organisation:").fill("Președintă")
    form.get_by_role("button", name="Send the application").click()  # no statement: refused
    expect(page.get_by_role("alert").first).to_contain_text("The application is not sent yet")
    expect(form.get_by_label("Name of the organisation:")).to_have_value("Asociația Lectura")
    accessible(page)
    form.get_by_label("Why the organisation wants to become a member:").fill("Vrem să folosim spațiile.")
    form.get_by_role("button", name="Send the application").click()
    expect(page.locator("main h1")).to_have_text("My applications to become a member")
    expect(page.get_by_role("row", name="Asociația Lectura")).to_contain_text("Submitted")
    accessible(page)

    staff = new_page()
    log_in(staff, base, editor)
    staff.goto(f"{base}/en/network/membership/review/")
    expect(staff.locator("main h1")).to_have_text("Applications to become a member")
    accessible(staff)
    staff.get_by_role("link", name="Asociația Lectura").click()
    expect(staff.locator("main h1")).to_have_text("Asociația Lectura")
    accessible(staff)
    staff.get_by_role("button", name="Take under review").click()
    expect(staff.locator(".messages")).to_contain_text("The application is under review")
    accepted = staff.locator("main form", has=staff.get_by_role("button", name="Record the acceptance"))
    day = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    accepted.get_by_label("Date of the General Assembly's decision:").fill(day)
    accepted.get_by_label("Decision reference:").fill("AGM, hotărârea 3")
    accessible(staff)
    accepted.get_by_role("button", name="Record the acceptance").click()
    expect(staff.locator(".messages")).to_contain_text("the organisation is a member")
    assert Organisation.objects.get(name="Asociația Lectura").relationship == Relationship.MEMBER

    page.reload()
    row = page.get_by_role("row", name="Asociația Lectura")
    expect(row).to_contain_text("Accepted")
    expect(row).to_contain_text("You represent this member organisation.")
    expect(row).to_contain_text("AGM, hotărârea 3")
    row.get_by_role("link", name="Asociația Lectura").click()
    expect(page.locator("main h1")).to_have_text("Asociația Lectura")
