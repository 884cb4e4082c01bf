"""A consultation in a real browser: propose an idea with an image, support it, answer it."""

import pytest
from PIL import Image
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import PASSWORD, UserFactory
from civica.participation.models import Idea
from civica.participation.tests.factories import ProcessFactory

pytestmark = pytest.mark.browser


def log_in(page, base, user):
    page.goto(f"{base}/en/accounts/login/")
    form = page.locator("main form")
    form.locator("[name=login]").fill(user.email)
    form.locator("[name=password]").fill(PASSWORD)
    form.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"{base}/en/account/")


def log_out(page):
    page.locator("header").get_by_role("button", name="Log out").click()


def test_propose_support_and_answer_an_idea(live_server, page, tmp_path):
    base = live_server.url
    process = ProcessFactory(title_en="Parks for everyone")
    author = UserFactory(display_name="Ioana")
    supporter = UserFactory(display_name="Mihai")
    moderator = UserFactory(role=Role.MODERATOR, role__scope=process, display_name="Maria")
    image_path = tmp_path / "bench.png"
    Image.new("RGB", (64, 48), (20, 120, 60)).save(image_path, format="PNG")

    # The author proposes an idea with an image.
    log_in(page, base, author)
    page.goto(f"{base}/en/processes/{process.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Parks for everyone")
    page.get_by_role("link", name="Propose an idea").click()
    page.get_by_label("Title:", exact=True).fill("Shaded benches along the river")
    page.get_by_label("Description:", exact=True).fill("Benches under trees, **every 100 m**.")
    page.get_by_label("Image:", exact=True).set_input_files(str(image_path))
    page.get_by_label("Image description:", exact=True).fill("A green bench")
    page.get_by_role("button", name="Publish my idea").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Shaded benches along the river")
    expect(page.locator(".messages")).to_contain_text("Your idea is published")
    expect(page.get_by_role("img", name="A green bench")).to_be_visible()
    idea_url = page.url
    log_out(page)

    # Another participant supports it.
    log_in(page, base, supporter)
    page.goto(idea_url)
    page.get_by_role("button", name="Support this idea").click()
    expect(page.locator(".messages")).to_contain_text("Thank you for your support.")
    expect(page.locator(".support-count")).to_contain_text("1")
    expect(page.get_by_text("You support this idea.")).to_be_visible()
    log_out(page)

    # The moderator of this consultation answers: accepted.
    log_in(page, base, moderator)
    page.goto(idea_url)
    page.get_by_label("Status:", exact=True).select_option("accepted")
    page.get_by_label("Official answer:", exact=True).fill("We will install them next spring.")
    page.get_by_role("button", name="Publish the answer").click()
    expect(page.locator(".messages")).to_contain_text("The official answer is published.")
    log_out(page)

    # The author sees the answer, and can no longer edit the supported idea.
    log_in(page, base, author)
    page.goto(idea_url)
    expect(page.locator(".official-answer")).to_contain_text("Accepted")
    expect(page.locator(".official-answer")).to_contain_text("We will install them next spring.")
    expect(page.get_by_role("link", name="Edit your idea")).to_have_count(0)
    assert Idea.objects.get().status == "accepted"


def test_similar_ideas_appear_while_typing_a_title(live_server, page):
    process = ProcessFactory()
    author = UserFactory()
    Idea.objects.create(process=process, author=UserFactory(), title="Biciclete electrice de închiriat", body="x")
    log_in(page, live_server.url, author)
    page.goto(f"{live_server.url}/en/processes/{process.slug}/ideas/new/")
    page.get_by_label("Title:", exact=True).press_sequentially("biciclete pentru toți")
    expect(page.locator("#similar-ideas")).to_contain_text("Biciclete electrice de închiriat")
    expect(page.locator("#similar-ideas")).to_contain_text("Similar ideas already proposed")
