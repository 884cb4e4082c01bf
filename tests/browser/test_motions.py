"""A General Assembly vote from a browser: a member organisation's representative casts its vote, a
colleague sees it and may not vote again, and once the window has closed (the row edited, no sleep)
both see the result; axe on the motion list, the motion's page with the vote form, and the results."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civica.governance.motions.models import Motion, MotionVote
from civica.governance.tests.motion_factories import general_assembly, make_motion
from civica.network.tests.factories import MemberFactory, member_representative

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser


def test_a_representative_casts_the_organisation_s_vote_and_sees_the_result_after_the_close(live_server, new_page):
    base = live_server.url
    organisation = MemberFactory(name="Primăria Municipiului Cluj-Napoca")
    representative = member_representative(organisation, language="en")
    colleague = member_representative(organisation, language="en")
    motion = make_motion(title_en="Approval of the 2021 calls for members", electorate=2, quorum_percent=50)

    page = new_page()
    log_in(page, base, representative)
    page.goto(f"{base}/en/network/bodies/motions/")
    accessible(page)
    page.get_by_role("link", name="Approval of the 2021 calls for members").click()
    expect(page.locator("main h1")).to_have_text("Approval of the 2021 calls for members")
    expect(page.locator("main")).to_contain_text("So far 0 organisations of 2 have voted")
    accessible(page)
    page.get_by_label("For", exact=True).check()
    page.get_by_role("button", name="Cast the vote").click()
    expect(page.locator(".messages")).to_contain_text("The vote of Primăria Municipiului Cluj-Napoca is recorded")
    expect(page.locator("#your-vote")).to_contain_text("Primăria Municipiului Cluj-Napoca voted “For”")
    expect(page.get_by_role("button", name="Cast the vote")).to_have_count(0)
    accessible(page)

    other = new_page()
    log_in(other, base, colleague)
    other.goto(f"{base}/en/network/bodies/motions/{motion.pk}/")
    expect(other.locator("#your-vote")).to_contain_text("voted “For”")
    expect(other.get_by_role("button", name="Cast the vote")).to_have_count(0)
    assert MotionVote.objects.filter(motion=motion).count() == 1

    # The window ends: the page is closed on read, before any task records it.
    now = timezone.now()
    Motion.objects.filter(pk=motion.pk).update(opens_at=now - datetime.timedelta(days=1),
                                               closes_at=now - datetime.timedelta(seconds=1))
    page.reload()
    results = page.get_by_role("region", name="Results")
    expect(page.locator("main")).to_contain_text("Adopted.")
    expect(page.locator("main")).to_contain_text("Voting closed on")
    expect(results.get_by_role("row", name="For")).to_contain_text("1")
    expect(page.locator("main table caption")).to_contain_text("a turnout of 50.0%")
    accessible(page)


def test_an_editor_writes_and_opens_a_motion_and_every_motion_page_fits_a_phone(live_server, new_page, make_user):
    base = live_server.url
    general_assembly()
    MemberFactory(name="Universitatea Babeș-Bolyai")
    representative = member_representative(language="en")
    editor = make_user("editor", language="en")

    page = new_page()
    log_in(page, base, editor)
    page.goto(f"{base}/en/network/bodies/motions/new/")
    accessible(page)
    form = page.locator("main form")
    form.get_by_label("Title (Romanian):").fill("Apelurile pentru membri")
    form.get_by_label("Text (Romanian, Markdown):").fill("Adunarea aprobă apelurile.")
    form.get_by_label("Voting opens at (Bucharest time):").fill("2030-01-08T10:00")
    form.get_by_label("Voting closes at (Bucharest time):").fill("2030-01-01T10:00")
    form.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_role("alert")).to_contain_text("The motion is not saved yet")
    expect(page.locator("main")).to_contain_text("Voting must close after it opens.")
    expect(page.locator("main form").get_by_label("Title (Romanian):")).to_have_value("Apelurile pentru membri")
    accessible(page)
    page.locator("main form").get_by_label("Voting closes at (Bucharest time):").fill("2030-01-15T10:00")
    page.locator("main form").get_by_role("button", name="Save the draft").click()
    expect(page.locator(".messages")).to_contain_text("The motion is saved as a draft")
    page.get_by_role("button", name="Open for voting").click()
    expect(page.locator(".messages")).to_contain_text("The motion is open")
    motion = Motion.objects.get()
    assert motion.electorate == 2  # the two member organisations (one represented), snapshotted

    phone = new_page(viewport={"width": 390, "height": 844})
    log_in(phone, base, representative)
    for path in ("/en/network/bodies/motions/", f"/en/network/bodies/motions/{motion.pk}/",
                 "/ro/network/bodies/motions/", f"/ro/network/bodies/motions/{motion.pk}/"):
        phone.goto(base + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide at 390 px"
