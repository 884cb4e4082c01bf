"""Registering for a meeting from a browser: terms, the code, the online link only once registered,
the waiting list and its promotion by e-mail when a place frees; axe on the list and meeting pages."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from civica.accounts.tests.factories import UserFactory
from civica.meetings.models import MeetingFormat, Registration
from civica.meetings.tests.factories import MeetingFactory

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser
ONLINE = "https://meet.example.org/dezbatere-parc"




def test_register_wait_and_be_promoted(live_server, new_page):
    base = live_server.url
    MeetingFactory(slug="park-debate", title_en="Debate on the railway park", capacity=1,
                   format=MeetingFormat.HYBRID, online_url=ONLINE,
                   terms_en="Photos are taken during the debate.", terms_ro="Se fac fotografii.")
    first, second = UserFactory(language="en"), UserFactory(language="en")

    listing = new_page()
    listing.goto(f"{base}/en/meetings/")
    expect(listing.get_by_role("link", name="Debate on the railway park").first).to_be_visible()
    accessible(listing)

    page = new_page()
    log_in(page, base, first)
    page.goto(f"{base}/en/meetings/park-debate/")
    expect(page.get_by_text("The link is shown to registered people.")).to_be_visible()
    assert ONLINE not in page.content()
    accessible(page)
    page.get_by_label("I accept the terms of this meeting").check()
    page.get_by_role("button", name="Register").click()
    expect(page.locator(".messages")).to_contain_text("You are registered. Your code is")
    expect(page.get_by_role("link", name=ONLINE)).to_be_visible()
    accessible(page)

    other = new_page()
    log_in(other, base, second)
    other.goto(f"{base}/en/meetings/park-debate/")
    other.get_by_label("I accept the terms of this meeting").check()
    other.get_by_role("button", name="Join the waiting list").click()
    expect(other.locator(".messages")).to_contain_text("you are number 1 on the waiting list")
    assert ONLINE not in other.content()

    mail.outbox.clear()
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.locator(".messages")).to_contain_text("Your registration is cancelled.")
    other.reload()
    expect(other.get_by_role("link", name=ONLINE)).to_be_visible()
    assert Registration.objects.get(person=second).status == "registered"
    assert [message.to for message in mail.outbox] == [[second.email]]
    assert ONLINE in mail.outbox[0].body


def test_comment_on_a_meeting_that_took_place(live_server, new_page):
    import datetime

    from django.utils import timezone

    held = timezone.now() - datetime.timedelta(days=3)
    MeetingFactory(slug="held", title_en="Forum of the network", starts_at=held,
                   ends_at=held + datetime.timedelta(hours=2), minutes_en="We agreed on **three** next steps.")
    page = new_page()
    log_in(page, live_server.url, UserFactory(language="en"))
    page.goto(f"{live_server.url}/en/meetings/held/")
    page.get_by_label("Your comment").fill("The second step needs a *date*.")
    page.get_by_role("button", name="Post comment").click()
    expect(page.locator(".messages")).to_contain_text("Your comment is published.")
    expect(page.locator(".comments .comment-body em")).to_have_text("date")
    # the thread is the same as on ideas: a reply goes under its comment
    page.locator(".comment summary", has_text="Reply").first.click()
    page.get_by_label("Your reply").fill("Agreed: before the next forum.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.locator(".comment-list.replies .comment-body")).to_have_text("Agreed: before the next forum.")
    accessible(page)
