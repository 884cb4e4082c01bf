"""The workshop's screens: the workshop page (a summary, then sections with a contents list), the room
screen for a projector (its own page, which says when the workshop has ended and then stops asking the
server), and the live wall (notes coloured by table beside the table's name; no polling once closed)."""

import datetime

import pytest
import time_machine
from django.utils import timezone, translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.workshops import selectors
from civica.workshops import services as workshops
from civica.workshops.models import Contribution, Workshop, WorkshopQuestion, WorkshopRound, WorkshopTable

POLLING = "data-hx-trigger"


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def editor(db):
    return UserFactory(role=Role.EDITOR)


@pytest.fixture
def workshop(db):
    meeting = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(minutes=10),
                             ends_at=timezone.now() + datetime.timedelta(hours=3))
    workshop = Workshop.objects.create(meeting=meeting, slug="cafe", dots_per_person=2)
    question = WorkshopQuestion.objects.create(workshop=workshop, text_ro="Cum?", text_en="How do we meet?")
    for number in (1, 2, 9):
        WorkshopTable.objects.create(workshop=workshop, number=number, topic=f"Topic {number}", question=question)
    for number in (1, 2):
        WorkshopRound.objects.create(workshop=workshop, number=number, duration_minutes=20)
    return workshop


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_room_screen_is_its_own_page_and_asks_again_while_the_workshop_runs(client, workshop, editor):
    screen = page(client, "/en/workshops/cafe/screen/")
    assert "site-header" not in screen and "site-footer" not in screen  # not the site's header and footer
    assert "Waiting for the next round" in screen and POLLING in screen and "How do we meet?" in screen
    workshops.start_next_round(workshop=workshop, by=editor)
    screen = page(client, "/en/workshops/cafe/screen/")
    assert "Round 1" in screen and "Time left" in screen and 'data-remaining="1' in screen  # 1199 or 1200 s
    assert "20:00" in screen or "19:59" in screen
    assert POLLING in screen and "js/countdown.js" in screen


@pytest.mark.django_db
def test_the_room_screen_says_when_every_round_is_over(client, workshop, editor):
    workshops.start_next_round(workshop=workshop, by=editor)
    workshops.start_next_round(workshop=workshop, by=editor)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=30)):
        screen = page(client, "/en/workshops/cafe/screen/")
    assert "All rounds are over." in screen and "Waiting for the next round" not in screen
    assert POLLING in screen  # the editors may still close it


@pytest.mark.django_db
def test_the_room_screen_says_the_workshop_has_ended_and_stops_asking(client, workshop, editor):
    workshops.start_next_round(workshop=workshop, by=editor)
    workshops.close(workshop=workshop, by=editor)
    screen = page(client, "/en/workshops/cafe/screen/")
    assert "The workshop has ended." in screen
    assert "Waiting for the next round" not in screen and "Time left" not in screen
    assert POLLING not in screen and "<script" not in screen  # no htmx, no countdown
    with translation.override("ro"):
        assert "Atelierul s-a încheiat." in page(client, "/ro/workshops/cafe/screen/")


@pytest.mark.django_db
def test_the_wall_colours_notes_by_table_with_the_tables_name(client, workshop, editor):
    workshops.start_next_round(workshop=workshop, by=editor)
    for number, text in ((1, "More studios"), (9, "A late bus")):
        workshops.contribute(table=workshop.tables.get(number=number), by=editor, author_key="", text=text)
    wall = page(client, "/en/workshops/cafe/wall/items/")
    assert 'table-colour-1"><p class="wall-note-table">Table 1: Topic 1</p><p>More studios' in wall
    assert 'table-colour-1"><p class="wall-note-table">Table 9: Topic 9</p><p>A late bus' in wall  # 8 colours
    assert [selectors.table_colour(table) for table in workshop.tables.all()] == [1, 2, 1]


@pytest.mark.django_db
def test_the_wall_stops_polling_once_the_workshop_is_closed(client, workshop, editor):
    workshops.start_next_round(workshop=workshop, by=editor)
    workshops.contribute(table=workshop.tables.get(number=1), by=editor, author_key="", text="More studios")
    for url in ("/en/workshops/cafe/wall/", "/en/workshops/cafe/wall/items/"):
        assert POLLING in page(client, url)
    workshops.close(workshop=workshop, by=editor)
    for url in ("/en/workshops/cafe/wall/", "/en/workshops/cafe/wall/items/"):
        wall = page(client, url)
        assert POLLING not in wall and "data-hx-get" not in wall
        assert "More studios" in wall and "the wall no longer changes" in wall
    assert Contribution.objects.count() == 1


@pytest.mark.django_db
def test_the_workshop_page_has_a_summary_then_sections_with_a_contents_list(client, workshop, editor):
    workshops.start_next_round(workshop=workshop, by=editor)
    workshops.contribute(table=workshop.tables.get(number=1), by=editor, author_key="", text="More studios")
    html = page(client, "/en/workshops/cafe/")
    summary = html.index('class="workshop-summary"')
    contents = html.index('class="workshop-contents"')
    assert summary < contents
    for anchor in ("questions-title", "rounds-title", "notes-title", "themes-title", "votes-title", "plan-title"):
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html
        assert html.index(f'id="{anchor}"') > contents
    assert "<dt>Tables</dt><dd>3</dd>" in html and "<dt>Contributions</dt><dd>1</dd>" in html
    assert "1 of 2" in html and "not started yet" in html and "running until" in html
    assert "The harvest has not been done yet." in html
