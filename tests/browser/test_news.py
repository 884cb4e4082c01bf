"""An editor writes a news article from the site's own screens, previews it, publishes it; a visitor
then finds it on the news list and reads it. axe-core checks every page on the way."""

import pytest
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.news.models import Article, ArticleStatus

from .conftest import axe_violations, describe_violations
from .helpers import log_in

pytestmark = pytest.mark.browser


def expect_accessible(page):
    blocking = axe_violations(page)
    assert not blocking, f"{page.url}:\n{describe_violations(blocking)}"


def test_an_editor_writes_previews_and_publishes_and_a_visitor_reads(live_server, page, new_page):
    base = live_server.url
    editor = UserFactory(role=Role.EDITOR, display_name="Emil", language="en")

    log_in(page, base, editor)
    page.locator("header").get_by_role("link", name="Manage the news").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage the news")
    expect_accessible(page)

    page.get_by_role("link", name="New article").click()
    expect(page.get_by_label("Kind:")).to_be_visible()
    expect_accessible(page)
    page.get_by_label("Kind:").select_option("press_release")
    page.get_by_label("Title (Romanian):").fill("Pavilionul se deschide")
    page.get_by_label("Summary (Romanian):").fill("Lansarea are loc joi.")
    page.get_by_label("Text (Romanian, Markdown):").fill("Intrarea este **liberă**.")
    page.get_by_label("Title (English):").fill("The pavilion opens")
    page.get_by_label("Summary (English):").fill("The launch is on Thursday.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("The article is saved.")
    expect(page.get_by_role("heading", level=1)).to_have_text("The pavilion opens")
    expect_accessible(page)

    page.get_by_role("link", name="Preview").click()
    expect(page.locator(".notice")).to_contain_text("Preview for editors")
    expect(page.locator(".prose strong")).to_have_text("liberă")
    expect_accessible(page)

    # Not public yet.
    visitor = new_page()
    assert visitor.goto(f"{base}/en/news/pavilionul-se-deschide/").status == 404

    page.get_by_role("link", name="Back to the article's screen").click()
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messages")).to_contain_text("The article is published.")
    assert Article.objects.get().status == ArticleStatus.PUBLISHED

    visitor.goto(f"{base}/en/")
    visitor.locator("header").get_by_role("link", name="News").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("News")
    expect_accessible(visitor)
    visitor.get_by_role("link", name="The pavilion opens").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("The pavilion opens")
    expect(visitor.locator(".eyebrow")).to_contain_text("Press release")
    expect_accessible(visitor)
