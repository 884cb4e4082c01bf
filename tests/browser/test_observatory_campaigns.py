"""A member organisation's representative answers the observatory's data collection from a browser: opens
the campaign from the list, saves a draft, is refused an impossible percentage with the message beside the
field, corrects it and submits; once the analysts accept it, sees the organisation's figure beside its
category's median and quartiles on the impact page; axe on every page in Romanian and English."""

import pytest
from playwright.sync_api import expect

from civica.network.tests.factories import MemberFactory, member_representative
from civica.observatory.campaigns import services as campaign_services
from civica.observatory.models import AnswerStatus, CampaignAnswer
from civica.observatory.tests.campaign_factories import analyst, make_answer, make_campaign

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser


def test_a_representative_fills_in_and_submits_a_campaign(live_server, new_page):
    base = live_server.url
    organisation = MemberFactory(name="Teatrul de Probă", slug="teatrul-de-proba")
    representative = member_representative(organisation, language="en")
    campaign = make_campaign()

    page = new_page()
    log_in(page, base, representative)
    page.goto(f"{base}/en/observatory/campaigns/")
    accessible(page)
    page.get_by_role("link", name="Data collection 2021").click()
    expect(page.locator("main h1")).to_have_text("Data collection 2021")
    accessible(page)
    page.get_by_role("link", name="Teatrul de Probă").click()
    expect(page.locator("main h1")).to_have_text("Answer of Teatrul de Probă")
    accessible(page)

    form = page.locator("#answer-form")
    form.get_by_label("Total audience").fill("1,200")
    form.get_by_label("Share of young people").fill("150")
    form.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("Your draft is saved")
    field = page.locator("#answer-form div", has=page.get_by_label("Share of young people"))
    expect(field).to_contain_text("less than or equal to 100")
    expect(page.get_by_label("Share of young people")).to_have_value("150")
    accessible(page)

    page.locator("#answer-form").get_by_role("button", name="Save and submit").click()
    expect(page.locator(".messages")).to_contain_text("saved but not submitted")
    expect(page.locator("#answer-form div", has=page.get_by_label("Share of young people"))).to_contain_text(
        "less than or equal to 100")
    assert CampaignAnswer.objects.get().status == AnswerStatus.DRAFT

    page.get_by_label("Share of young people").fill("35.5")
    page.locator("#answer-form").get_by_role("button", name="Save and submit").click()
    expect(page.locator(".messages")).to_contain_text("Your answer is submitted")
    expect(page.locator("main")).to_contain_text("1,200")
    accessible(page)
    answer = CampaignAnswer.objects.get()
    assert answer.status == AnswerStatus.SUBMITTED and answer.answers["young"] == "35.5"

    # The same pages in Romanian.
    page.goto(f"{base}/ro/observatory/campaigns/{campaign.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "ro")
    accessible(page)
    page.goto(f"{base}/ro/observatory/campaigns/{campaign.slug}/answers/{organisation.slug}/")
    accessible(page)

    # The analysts accept it, and four other theatres' answers: the sector's figures can be shown.
    reviewer = analyst()
    campaign_services.answer_accept(answer=answer, by=reviewer)
    for number, audience in enumerate(("800", "1000", "1500", "2000")):
        other = MemberFactory(name=f"Alt teatru {number}", category=organisation.category)
        campaign_services.answer_accept(
            answer=make_answer(campaign, other, status=AnswerStatus.SUBMITTED,
                               answers={"audience": audience, "young": "20", "notes": ""}), by=reviewer)
    page.goto(f"{base}/en/observatory/impact/")
    expect(page.locator("main h1")).to_contain_text("Teatrul de Probă")
    table = page.locator("table", has=page.get_by_text("Indicator own-audience: your organisation's values"))
    row = table.locator("tbody tr").first
    expect(row).to_contain_text("2021")
    expect(row).to_contain_text("1,200")
    expect(row).to_contain_text("1,200")  # the median of 800, 1,000, 1,200, 1,500 and 2,000
    expect(row).to_contain_text("5")
    expect(page.locator("main")).not_to_contain_text("Alt teatru")
    accessible(page)
    page.goto(f"{base}/ro/observatory/impact/{organisation.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "ro")
    expect(page.locator("main")).to_contain_text("1.200")
    accessible(page)
