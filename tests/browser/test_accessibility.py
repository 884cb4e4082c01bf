"""axe-core on the public pages, in both languages: no serious or critical violation."""

from collections import Counter

import pytest
from playwright.sync_api import expect

from .conftest import axe_all_violations, axe_violations, describe_violations

pytestmark = pytest.mark.browser

LANGUAGES = ["ro", "en"]
PAGES = {
    "home": "/{language}/",
    "signup": "/{language}/accounts/signup/",
    "login": "/{language}/accounts/login/",
    "programme-list": "/{language}/network/programmes/",
    "organisation-list": "/{language}/network/organisations/",
    "organisation": "/{language}/network/organisations/consiliul-judetean-cluj/",
    "network-list": "/{language}/network/networks/",
    "network": "/{language}/network/networks/romania-remarcabila/",
    "figures": "/{language}/network/figures/",
    "space-list": "/{language}/network/spaces/",
    "space": "/{language}/network/spaces/studio-evenimente-online/",
    "process-list": "/{language}/processes/",
    "process": "/{language}/processes/cluj-for-youth-2030/",
    "idea-list": "/{language}/processes/cluj-for-youth-2030/ideas/",
    # Ideas, meetings and a venue with their places listed with coordinates (the demo has no map tiles).
    "process-with-places": "/{language}/processes/cluj-oras-neutru-climatic/",
    "meeting-list": "/{language}/meetings/",
    "meeting": "/{language}/meetings/dezbatere-oras-neutru-climatic/",
    "idea": "/{language}/processes/cluj-for-youth-2030/ideas/{idea}/",
    "debate": "/{language}/processes/cluj-for-youth-2030/debates/{debate}/",
    "poll": "/{language}/processes/cluj-for-youth-2030/polls/{poll}/",
    "search": "/{language}/search/?q=cultura",
    "plan-published": "/{language}/plans/2020/",
    "call-list": "/{language}/calls/",
    "call": "/{language}/calls/fix-cluj/",
    "call-results": "/{language}/calls/artisti-impreuna/",
    "news-list": "/{language}/news/",
    "article": "/{language}/news/lansarea-pavilionului-ecca-21-octombrie-2021/",
    "about": "/{language}/about/",
    "ciic": "/{language}/ciic/",
    "accessibility": "/{language}/accessibility/",
    "privacy": "/{language}/privacy/",
    "newsletter": "/{language}/newsletter/",
    "newsletter-preferences": "/{language}/newsletter/preferences/{newsletter_token}/",
}
IMPACTS = ("minor", "moderate", "serious", "critical")


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_or_critical_axe_violation(live_server, demo_data, page, language, path, record_property):
    from civica.newsletter.demo import DEMO_SUBSCRIBER
    from civica.newsletter.models import Subscriber
    from civica.newsletter.tokens import preferences_token
    from civica.participation.models import Debate, Idea, Poll

    youth = {"process__slug": "cluj-for-youth-2030"}
    url = live_server.url + path.format(
        newsletter_token=preferences_token(Subscriber.objects.get(email=DEMO_SUBSCRIBER)),
        language=language,
        idea=Idea.objects.filter(status="evaluating", **youth).values_list("pk", flat=True).first(),
        debate=Debate.objects.filter(**youth).values_list("pk", flat=True).first(),
        poll=Poll.objects.filter(**youth).values_list("pk", flat=True).first(),
    )
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("main h1")).to_be_visible()

    everything = axe_all_violations(page)
    counts = Counter(violation.get("impact") for violation in everything)
    summary = ", ".join(f"{impact}={counts.get(impact, 0)}" for impact in IMPACTS)
    record_property("axe_violations", summary)
    print(f"axe {language} {url.removeprefix(live_server.url)}: {summary}")
    for violation in everything:
        record_property(f"axe_{violation['id']}", f"{violation.get('impact')}: {len(violation['nodes'])} node(s)")

    blocking = axe_violations(page, everything)
    assert not blocking, f"axe found on {url}:\n{describe_violations(blocking)}"


# The staff's screens, as the demo's administrator sees them: one log-in, every screen in both languages.
STAFF_PAGES = ["/{language}/staff/", "/{language}/network/manage/", "/{language}/network/manage/organisations/",
               "/{language}/network/manage/organisations/{organisation}/", "/{language}/network/manage/programmes/",
               "/{language}/network/manage/programmes/{programme}/", "/{language}/network/manage/spaces/",
               "/{language}/network/manage/spaces/studio-evenimente-online/", "/{language}/network/manage/figures/",
               "/{language}/network/manage/figures/members/"]


def test_staff_screens_have_no_serious_or_critical_axe_violation(live_server, demo_data, page):
    from civica.network.models import Organisation, Programme

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.locator("main form [name=login]").fill("admin@civica.test")
    page.locator("main form [name=password]").fill("civica-demo")
    page.locator("main form").get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"{live_server.url}/en/account/")
    slugs = {"organisation": Organisation.objects.filter(representatives__isnull=False).first().slug,
             "programme": Programme.objects.first().slug}
    for language in LANGUAGES:
        for path in STAFF_PAGES:
            url = live_server.url + path.format(language=language, **slugs)
            response = page.goto(url)
            assert response.ok, f"{url} answered {response.status}"
            blocking = axe_violations(page)
            assert not blocking, f"axe found on {url}:\n{describe_violations(blocking)}"


# The editors' world-café screens (issue 16), signed in as the demo editor.
WORKSHOP_STAFF_PAGES = ["/{language}/workshops/manage/", "/{language}/workshops/manage/new/",
                        "/{language}/workshops/manage/world-cafe-timisoara-2020/",
                        "/{language}/workshops/manage/world-cafe-timisoara-2020/run/",
                        "/{language}/workshops/manage/world-cafe-timisoara-2020/place/"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_workshop_editor_screens_have_no_serious_axe_violation(live_server, demo_data, page, language):
    from .test_small_screens import _signed_in

    _signed_in(page, live_server, "editor@civica.test")
    for path in WORKSHOP_STAFF_PAGES:
        url = live_server.url + path.format(language=language)
        assert page.goto(url).ok, url
        blocking = axe_violations(page)
        assert not blocking, f"axe found on {url}:\n{describe_violations(blocking)}"


# Editors' screens, as the demo editor (issue 16); the journeys in test_*_editor.py check their other states.
EDITOR_PAGES = {
    "manage-meetings": "/{language}/meetings/manage/",
    "manage-meeting": "/{language}/meetings/manage/dezbatere-oras-neutru-climatic/",
    "meeting-registrations": "/{language}/meetings/manage/dezbatere-oras-neutru-climatic/registrations/",
}


@pytest.mark.parametrize("path", EDITOR_PAGES.values(), ids=EDITOR_PAGES.keys())
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_or_critical_axe_violation_for_editors(live_server, demo_data, page, language, path):
    from .test_small_screens import _signed_in

    _signed_in(page, live_server, "editor@civica.test")
    url = live_server.url + path.format(language=language)
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    blocking = axe_violations(page)
    assert not blocking, f"axe found on {url}:\n{describe_violations(blocking)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_newsletter_campaign_editor_has_no_serious_axe_violation(live_server, demo_data, page, language):
    """The editors' campaign screens (list, a campaign, its preview, a new one), signed in as the demo editor."""
    from django.test import Client

    from civica.accounts.models import User
    from civica.newsletter.models import Campaign

    client = Client()
    client.force_login(User.objects.get(email="editor@civica.test"))
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "domain": live_server.url.split("//", 1)[1].split(":", 1)[0], "path": "/"}])
    campaign = Campaign.objects.first()
    for path in ["manage/", f"manage/{campaign.pk}/", f"manage/{campaign.pk}/preview/", "manage/new/"]:
        url = f"{live_server.url}/{language}/newsletter/{path}"
        assert page.goto(url).ok, url
        blocking = axe_violations(page)
        assert not blocking, f"axe found on {url}:\n{describe_violations(blocking)}"
