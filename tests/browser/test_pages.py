"""An editor edits the About page from the site's own screens: the text in both languages, a preview
that saves nothing, the save, the revision in the history with its changes, and a restore; axe-core
checks every screen on the way."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.pages.initial import create_missing
from civica.pages.models import Page, PageRevision

from .helpers import accessible as expect_accessible
from .helpers import log_in

pytestmark = pytest.mark.browser


def test_an_editor_edits_previews_saves_and_restores_the_about_page(live_server, page):
    create_missing(Page, PageRevision, now=timezone.now())  # a database emptied by an earlier browser test
    base = live_server.url
    editor = UserFactory(role=Role.EDITOR, display_name="Emil", language="en")
    log_in(page, base, editor)

    page.locator("header").get_by_role("link", name="Pages", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The site's pages")
    expect_accessible(page)
    page.get_by_role("link", name="Edit About the Cluj Cultural Centre").click()
    expect(page.get_by_label("Text (English):")).to_be_visible()
    expect_accessible(page)

    english = page.get_by_label("Text (English):")
    original = english.input_value()
    assert "## Vision" in original
    english.fill(original.replace("## Vision", "## Our vision"))
    page.get_by_label("Title (English):").fill("About the centre")
    page.get_by_label("What changed (optional):").fill("A warmer heading")
    page.get_by_role("button", name="Preview").click()
    preview = page.locator(".page-preview")
    expect(preview.get_by_role("heading", name="Our vision")).to_be_visible()
    expect(preview.get_by_role("heading", name="About the centre")).to_be_visible()
    expect_accessible(page)
    assert Page.objects.get(slug="about").revision == 1, "a preview saves nothing"

    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("The page is saved (revision 2).")
    expect(page.get_by_role("heading", level=1)).to_have_text("About the centre")
    expect(page.locator("main").get_by_role("heading", name="Our vision")).to_be_visible()

    page.locator("main").get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History of “About the centre”")
    expect(page.get_by_role("heading", name="Revision 2 against revision 1")).to_be_visible()
    expect(page.locator("main")).to_contain_text("A warmer heading")
    expect(page.locator(".diff ins", has_text="## Our vision")).to_have_count(1)
    expect(page.locator(".diff del", has_text="## Vision")).to_have_count(1)
    expect(page.locator(".diff ins", has_text="About the centre")).to_have_count(1)
    expect_accessible(page)

    page.get_by_role("button", name="Restore revision 1").click()
    expect(page.locator(".messages")).to_contain_text("Revision 1 is restored as revision 3.")
    expect(page.get_by_role("heading", name="Revision 3 against revision 2")).to_be_visible()
    expect_accessible(page)
    page.goto(f"{base}/en/about/")
    expect(page.get_by_role("heading", level=1)).to_have_text("About the Cluj Cultural Centre")
    expect(page.locator("main").get_by_role("heading", name="Vision", exact=True)).to_be_visible()
