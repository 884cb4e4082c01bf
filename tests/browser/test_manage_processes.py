"""An editor runs a consultation from the site's own screens: a process from a blueprint, a phase
adjusted, a poll with two questions, publication; axe-core checks every manage page on the way."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.participation.models import Phase, Poll, Process

from .conftest import axe_violations, describe_violations
from .helpers import log_in

pytestmark = pytest.mark.browser


def expect_accessible(page):
    blocking = axe_violations(page)
    assert not blocking, f"{page.url}:\n{describe_violations(blocking)}"


def test_an_editor_creates_adjusts_adds_a_poll_and_publishes(live_server, page):
    base = live_server.url
    editor = UserFactory(role=Role.EDITOR, display_name="Emil", language="en")
    today = timezone.localdate()
    starts_on, ends_on = today - datetime.timedelta(days=2), today + datetime.timedelta(days=27)

    log_in(page, base, editor)
    page.locator("header").get_by_role("link", name="Manage consultations").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage consultations")
    expect_accessible(page)

    page.get_by_role("link", name="New consultation").click()
    expect(page.get_by_label("Ideas, then voting")).to_be_visible()
    expect_accessible(page)
    page.get_by_label("Ideas, then voting").check()
    page.get_by_label("Title (Romanian):").fill("Străzi pentru oameni")
    page.get_by_label("Title (English):").fill("Streets for people")
    page.get_by_label("Summary (Romanian):").fill("Ce străzi închidem pentru mașini duminica?")
    page.get_by_label("Starts on:").fill(starts_on.isoformat())
    page.get_by_label("Ends on:").fill(ends_on.isoformat())
    page.get_by_role("button", name="Create the draft").click()
    expect(page.locator(".messages")).to_contain_text("The consultation is created as a draft")
    expect(page.get_by_role("heading", level=1)).to_have_text("Streets for people")
    expect(page.locator(".timeline li")).to_have_count(2)
    expect_accessible(page)

    # The ideas phase ends a week earlier; voting starts then.
    process = Process.objects.get()
    ideas, voting = process.phases.order_by("position")
    new_end = timezone.localtime(ideas.ends_at - datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    page.get_by_role("link", name="Edit the phases").click()
    expect(page.locator("#id_phases-0-ends_at")).to_be_visible()
    expect_accessible(page)
    page.locator("#id_phases-0-ends_at").fill(new_end)
    page.locator("#id_phases-1-name_en").fill("Sunday vote")
    page.get_by_role("button", name="Save the phases").click()
    # Voting still starts at the old time: the phases now leave a gap, which is allowed.
    expect(page.locator(".messages")).to_contain_text("The phases are saved.")
    page.get_by_role("link", name="Edit the phases").click()
    page.locator("#id_phases-1-starts_at").fill(new_end)
    page.locator("#id_phases-0-ends_at").fill(
        timezone.localtime(voting.starts_at + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save the phases").click()
    # An overlap is explained beside the field, and what was typed stays.
    expect(page.locator("#id_phases-1-starts_at_error")).to_contain_text("overlaps the one before it")
    expect(page.locator("#id_phases-1-starts_at")).to_have_value(new_end)
    expect_accessible(page)
    page.locator("#id_phases-0-ends_at").fill(new_end)
    page.get_by_role("button", name="Save the phases").click()
    expect(page.locator(".messages")).to_contain_text("The phases are saved.")
    ideas.refresh_from_db()
    assert timezone.localtime(ideas.ends_at).strftime("%Y-%m-%dT%H:%M") == new_end
    assert Phase.objects.get(pk=voting.pk).name_en == "Sunday vote"

    # A poll with two questions, open during the ideas phase.
    page.get_by_role("link", name="New poll or survey").click()
    expect(page.get_by_label("Open during:")).to_be_visible()
    expect_accessible(page)
    page.get_by_label("Open during:").select_option(str(ideas.pk))
    page.get_by_label("Title (Romanian):", exact=True).fill("Which street first?")
    page.get_by_label("Right away").check()
    first, second = page.locator("fieldset.question-editor").nth(0), page.locator("fieldset.question-editor").nth(1)
    first.get_by_label("Question (Romanian):", exact=True).fill("Which street should close first?")
    first.get_by_label("Kind of answer:").select_option("single")
    first.get_by_label("Choice 1").fill("Eroilor")
    first.get_by_label("Choice 2").fill("Horea")
    second.get_by_label("Question (Romanian):", exact=True).fill("How often?")
    second.get_by_label("Kind of answer:").select_option("scale")
    page.get_by_role("button", name="Save the poll").click()
    expect(page.locator(".messages")).to_contain_text("The poll is saved.")
    poll = Poll.objects.get()
    assert [question.text for question in poll.questions.all()] == ["Which street should close first?",
                                                                   "How often?"]
    expect_accessible(page)

    # Publish, then the public page shows the timeline with the current phase.
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Streets for people").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("The consultation is published.")
    expect(page.get_by_role("button", name="Unpublish")).to_be_visible()
    page.get_by_role("link", name="Public page").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Streets for people")
    timeline = page.locator(".timeline")
    expect(timeline.locator("li")).to_have_count(2)
    expect(timeline.locator("[aria-current=step]")).to_contain_text("Ideas")
    expect(timeline).to_contain_text("Sunday vote")
    expect(page.get_by_role("link", name="Which street first?")).to_be_visible()

    # Anyone may now read it.
    page.context.clear_cookies()
    page.goto(f"{base}/en/processes/{process.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Streets for people")
