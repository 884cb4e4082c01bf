"""A world-café on a phone: contributions through a table link appear on the live wall; the harvest
makes themes, a participant dot-votes, and the report PDF has the themes and the action plan."""

import datetime
import io

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.workshops import selectors
from civica.workshops import services as workshops
from civica.workshops.models import Workshop, WorkshopQuestion, WorkshopRound, WorkshopTable

from .helpers import accessible

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
NOTES = ["chirii mici pentru ateliere de artiști", "clădiri goale date artiștilor pe termen lung",
         "spații ieftine pentru firmele creative", "granturi mici și rapide pentru proiecte",
         "microgranturi fără birocrație pentru artiști", "finanțare multianuală pentru organizații culturale"]



def test_world_cafe_from_table_link_to_report(live_server, new_page):
    base = live_server.url
    meeting = MeetingFactory(slug="lab", title_en="Local Learning Lab", capacity=30,
                             starts_at=timezone.now() - datetime.timedelta(minutes=5),
                             ends_at=timezone.now() + datetime.timedelta(hours=3))
    workshop = Workshop.objects.create(meeting=meeting, slug="lab-cafe", dots_per_person=2)
    question = WorkshopQuestion.objects.create(workshop=workshop, text_ro="Ce ne trebuie?", text_en="What do we need?")
    table = WorkshopTable.objects.create(workshop=workshop, number=1, topic="Spaces and money", question=question)
    WorkshopRound.objects.create(workshop=workshop, number=1, duration_minutes=30)
    editor = UserFactory(role=Role.EDITOR)
    workshops.start_next_round(workshop=workshop, by=editor)

    wall = new_page()
    wall.goto(f"{base}/en/workshops/lab-cafe/wall/")
    expect(wall.get_by_role("heading", level=1)).to_have_text("Live wall")
    accessible(wall)

    phone = new_page(**PHONE)
    phone.goto(f"{base}/en/workshops/lab-cafe/tables/{selectors.table_token(table)}/")
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Table 1: Spaces and money")
    accessible(phone)
    for note in NOTES:
        phone.get_by_label("Your contribution (up to 500 characters)").fill(note)
        phone.get_by_role("button", name="Add to the wall").click()
        expect(phone.locator(".messages")).to_contain_text("your contribution is on the wall")
    expect(wall.locator("#wall")).to_contain_text(NOTES[-1], timeout=15_000)  # arrives by htmx polling

    screen = new_page()
    screen.goto(f"{base}/en/workshops/lab-cafe/screen/")
    expect(screen.locator(".countdown")).to_contain_text("left")
    accessible(screen)

    # The editor harvests and writes the action plan.
    editor_page = new_page()
    editor_page.goto(f"{base}/en/accounts/login/")
    editor_page.locator("main form [name=login]").fill(editor.email)
    from civica.accounts.tests.factories import PASSWORD

    editor_page.locator("main form [name=password]").fill(PASSWORD)
    editor_page.locator("main form").get_by_role("button", name="Sign In").click()
    editor_page.goto(f"{base}/en/workshops/lab-cafe/")
    editor_page.get_by_role("button", name="Harvest: group the contributions into themes").click()
    expect(editor_page.locator(".messages")).to_contain_text("themes found")
    first_theme = workshop.themes.order_by("position").first()
    editor_page.get_by_label("Title").fill("List the empty buildings")
    editor_page.get_by_label("Owner").fill("City Hall")
    editor_page.get_by_role("checkbox", name=first_theme.label).check()
    editor_page.get_by_role("button", name="Add to the action plan").click()
    expect(editor_page.locator(".messages")).to_contain_text("Added to the action plan")
    # Harvesting again first says what would change: the linked theme is kept.
    editor_page.get_by_role("link", name="Harvest again (you see what would change first)").click()
    expect(editor_page.locator("main")).to_contain_text("Harvesting again changes nothing that is there")
    expect(editor_page.locator("main")).to_contain_text("1 action-plan link stays")
    expect(editor_page.locator("main tbody th").filter(has_text=first_theme.label)).to_have_count(1)
    accessible(editor_page)
    editor_page.get_by_role("link", name="Cancel").click()

    # A participant dot-votes.
    voter = UserFactory(language="en")
    voter_page = new_page(**PHONE)
    voter_page.goto(f"{base}/en/accounts/login/")
    voter_page.locator("main form [name=login]").fill(voter.email)
    voter_page.locator("main form [name=password]").fill(PASSWORD)
    voter_page.locator("main form").get_by_role("button", name="Sign In").click()
    voter_page.goto(f"{base}/en/workshops/lab-cafe/")
    voter_page.get_by_role("button", name="Put a dot on this theme").first.click()
    expect(voter_page.locator(".messages")).to_contain_text("Your dot is on")

    report = new_page()
    report.goto(f"{base}/en/workshops/lab-cafe/report/")
    expect(report.get_by_role("heading", level=1)).to_have_text("Workshop report")
    accessible(report)
    response = report.request.get(f"{base}/en/workshops/lab-cafe/report.pdf", timeout=60_000)
    text = " ".join(item.extract_text() for item in PdfReader(io.BytesIO(response.body())).pages)
    assert first_theme.label.split()[0] in text and "List the empty buildings" in text

    meeting_page = new_page()
    meeting_page.goto(f"{base}/en/meetings/lab/")
    accessible(meeting_page)


WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 390, "height": 844}
SIDEWAYS = "() => document.documentElement.scrollWidth"


def test_room_screen_and_wall_while_running_then_closed(live_server, new_page):
    """The room screen is a projector's page of its own; its countdown ticks; once the workshop is
    closed the screen says it has ended and, like the wall, stops asking the server. Both fit a phone
    and pass axe; the workshop page (summary, contents, sections) too."""
    base = live_server.url
    meeting = MeetingFactory(slug="lab", title_en="Local Learning Lab",
                             starts_at=timezone.now() - datetime.timedelta(minutes=5),
                             ends_at=timezone.now() + datetime.timedelta(hours=3))
    workshop = Workshop.objects.create(meeting=meeting, slug="lab-cafe")
    question = WorkshopQuestion.objects.create(workshop=workshop, text_ro="Ce ne trebuie?", text_en="What do we need?")
    for number in (1, 2):
        WorkshopTable.objects.create(workshop=workshop, number=number, topic=f"Spaces and money {number}",
                                     question=question)
    WorkshopRound.objects.create(workshop=workshop, number=1, duration_minutes=30)
    editor = UserFactory(role=Role.EDITOR)
    workshops.start_next_round(workshop=workshop, by=editor)
    for table in workshop.tables.all():
        workshops.contribute(table=table, by=editor, author_key="", text=NOTES[table.number])

    screen = new_page(viewport=WIDE)
    screen.goto(f"{base}/en/workshops/lab-cafe/screen/")
    expect(screen.locator(".site-header")).to_have_count(0)
    time = screen.locator(".room-countdown-time")
    first = time.inner_text()
    expect(time).not_to_have_text(first, timeout=3_000)  # ticks between the server's answers
    assert float(time.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")) >= 100
    assert screen.evaluate(SIDEWAYS) <= WIDE["width"]
    accessible(screen)

    wall = new_page(viewport=NARROW)
    wall.goto(f"{base}/en/workshops/lab-cafe/wall/")
    expect(wall.locator(".wall-note-table").first).to_have_text("Table 2: Spaces and money 2")
    assert wall.evaluate(SIDEWAYS) <= NARROW["width"]
    accessible(wall)

    detail = new_page(viewport=NARROW)
    detail.goto(f"{base}/en/workshops/lab-cafe/")
    detail.get_by_role("navigation", name="On this page").get_by_role("link", name="Action plan").click()
    expect(detail).to_have_url(f"{base}/en/workshops/lab-cafe/#plan-title")
    assert detail.evaluate(SIDEWAYS) <= NARROW["width"]
    accessible(detail)

    asked = []
    for page in (screen, wall):
        page.on("request", lambda request: asked.append(request.url))
    workshops.close(workshop=workshop, by=editor)
    expect(screen.locator(".room-round")).to_have_text("The workshop has ended.", timeout=10_000)
    expect(wall.locator("#wall")).to_contain_text("the wall no longer changes", timeout=10_000)
    accessible(screen)
    asked.clear()
    screen.wait_for_timeout(6_000)  # longer than either page's polling interval
    assert asked == []

    phone_screen = new_page(viewport=NARROW)
    phone_screen.goto(f"{base}/en/workshops/lab-cafe/screen/")
    assert phone_screen.evaluate(SIDEWAYS) <= NARROW["width"]
    accessible(phone_screen)
