"""A visitor subscribes to the newsletter from the home page in Romanian, opens the confirmation link
from the e-mail, lands on the preference page, and leaves with one click from the welcome e-mail's
unsubscribe link. axe-core checks the subscribe, confirmation, preference and unsubscribe pages."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from civica.newsletter.defaults import ensure_lists
from civica.newsletter.models import NewsletterList, Subscriber

from .conftest import axe_violations, describe_violations

pytestmark = pytest.mark.browser


def expect_accessible(page):
    blocking = axe_violations(page)
    assert not blocking, f"{page.url}:\n{describe_violations(blocking)}"


def link_in(message, name):
    found = re.search(rf"http://\S+/ro/newsletter/{name}/[^/\s]+/", message.body)
    assert found, message.body
    return found.group(0)


def test_subscribe_confirm_and_unsubscribe_with_one_click(live_server, page, settings):
    settings.CIVICA_BASE_URL = live_server.url
    ensure_lists(NewsletterList)  # made by a migration: gone when an earlier test emptied the database
    page.goto(f"{live_server.url}/ro/")
    page.locator("#home-newsletter-email").fill("vizitator@example.org")
    page.locator("main .newsletter-box").get_by_role("button", name="Abonați-vă").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Abonați-vă la newsletter")
    expect(page.locator("main").get_by_label("Adresă de e-mail")).to_have_value("vizitator@example.org")
    expect_accessible(page)
    page.get_by_label("Artă și Stare de Bine").check()
    page.get_by_label("Sunt de acord să primesc prin e-mail newsletterele alese", exact=False).check()
    page.locator("main").get_by_role("button", name="Abonați-vă").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verificați-vă căsuța de e-mail")
    assert Subscriber.objects.receiving().count() == 0

    assert len(mail.outbox) == 1
    page.goto(link_in(mail.outbox[0], "confirm"))
    expect_accessible(page)
    page.get_by_role("button", name="Confirmați abonarea").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preferințe pentru newsletter")
    expect(page.get_by_label("Artă și Stare de Bine")).to_be_checked()
    expect_accessible(page)
    assert Subscriber.objects.receiving().count() == 1

    welcome = mail.outbox[1]
    unsubscribe = link_in(welcome, "unsubscribe")
    assert welcome.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    page.goto(unsubscribe)
    expect_accessible(page)
    page.get_by_role("button", name="Da, dezabonați-mă").click()
    expect(page.get_by_role("status")).to_contain_text("nu va mai primi newslettere")
    assert Subscriber.objects.receiving().count() == 0
