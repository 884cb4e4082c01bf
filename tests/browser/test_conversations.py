"""A conversation in a real browser, in Romanian: two participants vote (htmx), one adds a statement
that waits for a moderator (the other does not see it), a moderator approves it in the shared
moderation queue (civica.moderation's "waiting for approval", reached from the staff dashboard's count),
and it appears for voting; the map, recomputed by its background task (in-process), shows groups and
consensus. axe on every page of the journey. Buttons are found by their values, not their Romanian
words, so the test does not depend on the translation being there yet."""

import pytest
from playwright.sync_api import expect

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.participation.conversations.models import Statement, Vote
from civica.participation.conversations.services import participant_for
from civica.participation.conversations.tasks import recompute_map
from civica.participation.tests.conversations.factories import open_conversation

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser


def _voters(conversation, shown, count=14):
    """Others who voted already: two camps that agree on the first statement."""
    rows = []
    for number, person in enumerate(UserFactory.create_batch(count)):
        participant = participant_for(conversation=conversation, user=person)
        for index, statement in enumerate(shown):
            choice = 1 if index == 0 else (1 if index % 2 == number % 2 else -1)
            if index and (number + index) % 5 == 0:
                choice = 0
            rows.append(Vote(participant=participant, statement=statement, choice=choice))
    Vote.objects.bulk_create(rows)
    recompute_map.delay(conversation.pk)  # the background task, run in-process (no broker in tests)


def _vote(page, choice):
    voting = page.locator("#voting")
    text = voting.locator(".statement").first.inner_text()
    voting.locator(f'button[name="choice"][value="{choice}"]').first.click()
    expect(page.locator("#voting .statement").first).not_to_have_text(text)  # htmx swapped in the next one
    return text


def test_two_participants_vote_and_a_statement_waits_for_approval(live_server, new_page, settings):
    settings.CONVERSATION_MAP_DEBOUNCE = 0  # every vote recomputes (in-process in tests)
    base = live_server.url
    conversation = open_conversation(title="Ce fel de oraș pentru tineri?")
    shown = [Statement.objects.create(conversation=conversation, text=text, is_seed=True) for text in (
        "Transport de noapte în weekend", "Un centru mare în centrul orașului", "Spații mici în fiecare cartier",
        "Festivaluri mari în piețe", "Școli deschise după-amiaza", "Terenuri de sport în cartiere",
        "Consiliul de Tineret decide o parte din buget", "Mai puține evenimente, mai multe locuri deschise")]
    _voters(conversation, shown)
    moderator = UserFactory(role=Role.MODERATOR, role__scope=conversation.process)
    first, second = UserFactory(language="ro"), UserFactory(language="ro")
    address = f"{base}/ro/processes/{conversation.process.slug}/conversations/{conversation.pk}/"

    page = new_page(locale="ro-RO")
    log_in(page, base, first)
    page.goto(address)
    expect(page.locator("html")).to_have_attribute("lang", "ro")
    accessible(page)
    for choice in ("1", "-1", "1", "0", "-1"):
        _vote(page, choice)
    page.locator("textarea[name=text]").fill("Mai multe bănci în parcuri")
    page.locator("form[action$='/statements/'] button[type=submit]").click()
    expect(page.locator("#my-statements")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Mai multe bănci în parcuri")
    assert Statement.objects.get(text="Mai multe bănci în parcuri").review_state == "waiting"

    other = new_page(locale="ro-RO")
    log_in(other, base, second)
    other.goto(address)
    accessible(other)
    seen = [_vote(other, choice) for choice in ("1", "-1", "-1", "1", "0", "1", "-1")]
    assert "Mai multe bănci în parcuri" not in seen
    expect(other.locator("main")).not_to_contain_text("Mai multe bănci în parcuri")

    staff = new_page(locale="ro-RO")
    log_in(staff, base, moderator)
    staff.goto(f"{base}/ro/processes/{conversation.process.slug}/manage/conversations/{conversation.pk}/")
    expect(staff.locator("main")).to_contain_text("Mai multe bănci în parcuri")
    accessible(staff)
    staff.goto(f"{base}/ro/staff/")
    expect(staff.locator("#count-waiting-approval")).to_contain_text("1")
    accessible(staff)
    staff.locator("a[href='/ro/moderation/waiting/']").first.click()
    row = staff.locator("tr:has-text('Mai multe bănci în parcuri')")
    expect(row).to_be_visible()
    accessible(staff)
    row.locator("button[value=approve]").click()
    expect(staff.locator("main")).not_to_contain_text("Mai multe bănci în parcuri")
    assert Statement.objects.get(text="Mai multe bănci în parcuri").review_state == "approved"

    other.goto(address)
    _vote(other, "1")  # the last seeded statement; then the approved one
    expect(other.locator("#voting .statement").first).to_have_text("Mai multe bănci în parcuri")
    other.locator('#voting button[name="choice"][value="1"]').first.click()
    expect(other.locator("#my-votes")).to_contain_text("Mai multe bănci în parcuri")

    accessible(other)
    page.reload()  # the author sees it published
    expect(page.locator("section[aria-labelledby=my-statements]")).to_contain_text("Mai multe bănci în parcuri")
    accessible(page)

    recompute_map.delay(conversation.pk)  # what the debounced task does after the votes
    other.goto(address + "map/")
    expect(other.locator("svg.opinion-map")).to_be_visible()
    expect(other.locator("#group-A")).to_be_visible()
    expect(other.locator("#consensus-title")).to_be_visible()
    expect(other.locator("main")).to_contain_text("Transport de noapte în weekend")
    accessible(other)
