"""Act where you are, in a real browser: a visitor on an idea page logs in (or signs up and verifies
the address through the e-mail's link) from the support box's buttons and is back on the idea, where
the support button now works."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from civica.accounts.tests.factories import PASSWORD, UserFactory
from civica.participation.tests.factories import IdeaFactory

pytestmark = pytest.mark.browser

CONFIRM_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+")


def test_log_in_from_the_idea_page_and_support_it(live_server, page):
    base = live_server.url
    idea = IdeaFactory(title="Shade over the playground")
    supporter = UserFactory(display_name="Mihai")
    idea_url = f"{base}/en/processes/{idea.process.slug}/ideas/{idea.pk}/"

    page.goto(idea_url)
    page.locator("#support").get_by_role("link", name="Log in to support this idea").click()
    form = page.locator("main form")
    form.locator("[name=login]").fill(supporter.email)
    form.locator("[name=password]").fill(PASSWORD)
    form.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"{idea_url}#support")
    page.locator("#support").get_by_role("button", name="Support this idea").click()
    expect(page.locator(".messages")).to_contain_text("Thank you for your support.")
    expect(page.locator(".support-count")).to_contain_text("1")


def test_sign_up_verify_and_land_back_on_the_idea(live_server, page):
    base = live_server.url
    idea = IdeaFactory(title="Shade over the playground")
    idea_url = f"{base}/en/processes/{idea.process.slug}/ideas/{idea.pk}/"

    page.goto(idea_url)
    page.locator("#support").get_by_role("link", name="Create an account").click()
    form = page.locator("main form")
    form.locator("[name=email]").fill("ana.new@example.org")
    form.locator("[name=password1]").fill("lanterna-verde-pe-Somes-42")
    form.locator("[name=password2]").fill("lanterna-verde-pe-Somes-42")
    form.locator("[name=display_name]").fill("Ana")
    form.locator("[name=accept_terms]").check()
    form.get_by_role("button", name="Sign Up").click()
    page.wait_for_url(f"{base}/en/accounts/confirm-email/")  # "check your e-mail", as for a taken address

    link = CONFIRM_LINK.search(mail.outbox[-1].body).group(0)
    page.goto(link)
    page.locator("main form").get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{idea_url}#support")
    page.locator("#support").get_by_role("button", name="Support this idea").click()
    expect(page.locator(".messages")).to_contain_text("Thank you for your support.")
