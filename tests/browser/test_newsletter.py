"""A visitor subscribes to the newsletter from the home page in Romanian, opens the confirmation link
from the e-mail, lands on the preference page; an editor composes a campaign for that list on the
campaign screens, previews it and sends it; the visitor receives it and leaves with one click from the
campaign's unsubscribe link. axe-core checks the subscribe, confirmation, preference and unsubscribe
pages and the campaign editor's."""

import re

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.newsletter.defaults import ensure_lists
from civica.newsletter.models import Campaign, CampaignStatus, NewsletterList, Subscriber

from .conftest import axe_violations, describe_violations

pytestmark = pytest.mark.browser


def expect_accessible(page):
    blocking = axe_violations(page)
    assert not blocking, f"{page.url}:\n{describe_violations(blocking)}"


def link_in(message, name):
    found = re.search(rf"http://\S+/ro/newsletter/{name}/[^/\s]+/", message.body)
    assert found, message.body
    return found.group(0)


def test_subscribe_confirm_and_unsubscribe_with_one_click(live_server, page, new_page, settings):
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

    assert len(mail.outbox) == 2  # the welcome e-mail

    # An editor writes a campaign for Art & Well-being and sends it (the queue runs in the process here).
    editor = UserFactory(email="redactor@example.org", role=Role.EDITOR, language="ro")
    client = Client()
    client.force_login(editor)
    host = live_server.url.split("//", 1)[1].split(":", 1)[0]
    staff = new_page()
    staff.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "domain": host,
                                "path": "/"}])
    staff.goto(f"{live_server.url}/ro/newsletter/manage/new/")
    expect_accessible(staff)
    staff.locator("select[name=newsletter_list]").select_option(label="Artă și Stare de Bine")
    staff.locator("input[name=subject_ro]").fill("Forumul Artă și Stare de Bine")
    staff.get_by_role("button", name="Salvați").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text("Forumul Artă și Stare de Bine")
    staff.locator("select[name=kind]").select_option("text")
    staff.locator("textarea[name=text_ro]").fill("Vă așteptăm la **forum**.")
    staff.get_by_role("button", name="Adăugați blocul").click()
    expect(staff.locator(".messages")).to_contain_text("Blocul a fost adăugat")
    expect_accessible(staff)
    staff.get_by_role("link", name="Previzualizați în ambele limbi").click()
    expect(staff.frame_locator("iframe").first.locator("strong")).to_have_text("forum")
    expect_accessible(staff)
    staff.go_back()
    staff.get_by_role("button", name="Trimiteți acum").click()
    expect(staff.locator("main")).to_contain_text("1 trimise, 0 în așteptare")
    assert Campaign.objects.get().status == CampaignStatus.SENT

    campaign = mail.outbox[2]
    assert campaign.to == ["vizitator@example.org"] and "Forumul Artă și Stare de Bine" in campaign.subject
    unsubscribe = link_in(campaign, "unsubscribe")
    assert campaign.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert unsubscribe in campaign.alternatives[0][0]
    page.goto(unsubscribe)
    expect_accessible(page)
    page.get_by_role("button", name="Da, dezabonați-mă").click()
    expect(page.get_by_role("status")).to_contain_text("nu va mai primi newslettere")
    assert Subscriber.objects.receiving().count() == 0
