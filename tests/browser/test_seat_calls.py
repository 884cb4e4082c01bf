"""A call for seats in a real browser: an editor opens the Youth Council's recruitment call; a young
resident applies, is refused while the date of birth they typed puts them outside the council's age
range, corrects it and submits. axe-core on the editor's form, the call's page and the application."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.calls import evaluation
from civica.calls.models import Application, ApplicationStatus, CallStatus
from civica.governance.models import SeatCall
from civica.governance.tests.test_seat_calls import born_years_ago, youth_council

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser


def log_out(page):
    page.locator("header").get_by_role("button", name="Log out").click()


def test_a_young_resident_applies_to_the_youth_council(live_server, page):
    base = live_server.url
    body = youth_council()
    editor = UserFactory(role=Role.EDITOR, display_name="Edith Editor")
    resident = UserFactory(display_name="Andrei Tânăr")

    log_in(page, base, editor)
    page.goto(f"{base}/en/network/bodies/{body.slug}/seat-calls/new/")
    accessible(page)
    page.get_by_label("Title (Romanian):").fill("Recrutare: Consiliul Consultativ de Tineret")
    page.get_by_label("Summary (Romanian):").fill("Căutăm tineri pentru consiliu.")
    page.get_by_label("Number of seats:").fill("2")
    now = timezone.localtime()
    page.get_by_label("Opens at:").fill((now - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Deadline:").fill((now + datetime.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Create the draft").click()
    expect(page.locator(".messages")).to_contain_text("The call for seats is created as a draft")
    call = SeatCall.objects.get(body=body).call
    evaluation.call_move(call=call, to=CallStatus.PUBLISHED, by=editor)
    log_out(page)

    log_in(page, base, resident)
    page.goto(f"{base}/en/calls/{call.slug}/")
    expect(page.locator("main")).to_contain_text("2 seats on the Youth Consultative Council, 2-year term")
    accessible(page)
    page.get_by_role("button", name="Start an application").click()
    page.get_by_label("Title of your application:").fill("Andrei pentru consiliu")
    # A slip of the year: forty years old, outside the council's range.
    page.get_by_label("Date of birth:").fill(born_years_ago(40).isoformat())
    page.get_by_label("Why would you like to join this body?").fill("Organizez activități pentru liceeni.")
    page.get_by_label("I have read and accept the rules of the call").check()
    page.get_by_role("button", name="Save and submit").click()
    expect(page.locator(".messages")).to_contain_text("between 14 and 35 years old")
    accessible(page)
    expect(page.get_by_label("Why would you like to join this body?")).to_have_value(
        "Organizez activități pentru liceeni.")
    page.get_by_label("Date of birth:").fill(born_years_ago(17).isoformat())
    page.get_by_role("button", name="Save and submit").click()
    expect(page.locator(".messages")).to_contain_text("Your application is submitted")
    accessible(page)
    assert Application.objects.get(call=call, applicant=resident).status == ApplicationStatus.SUBMITTED
