"""A consultation in a real browser: propose an idea with an image, support it, answer it."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.participation.models import Idea
from civica.participation.tests.factories import ProcessFactory

from .helpers import log_in

pytestmark = pytest.mark.browser



def log_out(page):
    page.locator("header").get_by_role("button", name="Log out").click()


def test_propose_support_and_answer_an_idea(live_server, page, tmp_path):
    base = live_server.url
    process = ProcessFactory(title_en="Parks for everyone")
    author = UserFactory(display_name="Ioana", language="en")
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
    page.locator("#comments").get_by_label("Your comment:").fill("Yes, and near the playground too")
    page.locator("#comments").get_by_role("button", name="Post comment").click()
    expect(page.locator(".messages")).to_contain_text("Your comment is published.")
    expect(page.locator("#comments")).to_contain_text("Yes, and near the playground too")
    log_out(page)

    # The moderator of this consultation answers: accepted.
    log_in(page, base, moderator)
    page.goto(idea_url)
    page.get_by_label("Status:", exact=True).select_option("accepted")
    page.get_by_label("Official answer:", exact=True).fill("We will install them next spring.")
    page.get_by_role("button", name="Publish the answer").click()
    expect(page.locator(".messages")).to_contain_text("The official answer is published.")
    log_out(page)

    # The author is notified (the comment, then the answer) and sees the answer on the idea.
    log_in(page, base, author)
    expect(page.locator("header .count-badge")).to_contain_text("2")
    page.locator("header").get_by_role("link", name=re.compile("Notifications")).click()
    expect(page.locator(".notification-list")).to_contain_text("Mihai commented on")
    page.get_by_role("link", name=re.compile("Official answer")).click()
    page.wait_for_url(idea_url)
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


def test_the_author_sees_the_answer_notification(live_server, page):
    from civica.comments import services as comment_services
    from civica.participation import services

    base = live_server.url
    process = ProcessFactory()
    author = UserFactory(display_name="Ioana", language="en")
    idea = services.idea_create(process=process, by=author, title="Night buses", body="On weekends")
    comment_services.comment_post(target=idea, by=UserFactory(display_name="Mihai"), body="Yes please")
    services.idea_answer(idea=idea, by=UserFactory(role=Role.EDITOR), status="evaluating", answer="Studying it")
    log_in(page, base, author)
    badge = page.locator("header .count-badge")
    expect(badge).to_contain_text("2")
    page.locator("header").get_by_role("link", name=re.compile("Notifications")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    page.get_by_role("link", name=re.compile("Official answer")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Night buses")
    expect(page.locator(".official-answer")).to_contain_text("Studying it")
    expect(page.locator("header .count-badge")).to_contain_text("1")


def test_debate_arguments_for_and_against(live_server, page):
    from civica.participation.models import Debate

    base = live_server.url
    process = ProcessFactory()
    debate = Debate.objects.create(process=process, question="Close the centre to cars on Sundays?")
    log_in(page, base, UserFactory(display_name="Ana"))
    page.goto(base + debate.get_absolute_url().replace("/ro/", "/en/"))
    comments = page.locator("#comments")
    comments.get_by_label("Your comment:").fill("Cleaner air for everyone")
    comments.get_by_label("For", exact=True).check()
    comments.get_by_role("button", name="Post comment").click()
    expect(page.locator(".column-for")).to_contain_text("Cleaner air for everyone")
    expect(page.get_by_role("heading", name=re.compile(r"Arguments for \(1\)"))).to_be_visible()
    comments.get_by_label("Your comment:").fill("Shops will lose customers")
    comments.get_by_label("Against", exact=True).check()
    comments.get_by_role("button", name="Post comment").click()
    expect(page.locator(".column-against")).to_contain_text("Shops will lose customers")
    expect(page.get_by_role("heading", name=re.compile(r"Arguments against \(1\)"))).to_be_visible()


def test_answer_a_poll_and_see_its_results(live_server, page):
    from civica.participation.models import Choice, Poll, Question

    base = live_server.url
    process = ProcessFactory()
    poll = Poll.objects.create(process=process, phase=process.phases.get(kind="ideas"), title="Where do you read?",
                               results_visibility=Poll.ResultsVisibility.IMMEDIATELY)
    question = Question.objects.create(poll=poll, kind=Question.Kind.SINGLE, text="Your favourite place")
    for text in ("Library", "Park"):
        Choice.objects.create(question=question, text=text)
    Question.objects.create(poll=poll, position=2, kind=Question.Kind.SCALE, text="How often?")
    log_in(page, base, UserFactory())
    page.goto(base + poll.get_absolute_url().replace("/ro/", "/en/"))
    page.get_by_label("Park").check()
    page.get_by_role("group", name=re.compile("How often")).get_by_label("4").check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".messages")).to_contain_text("your answers are recorded")
    expect(page.get_by_role("row", name=re.compile("Park"))).to_contain_text("100%")
    expect(page.get_by_text("Average: 4.00 / 5")).to_be_visible()
