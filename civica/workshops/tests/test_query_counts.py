"""Every page of a workshop costs a number of queries that does not grow with its tables, notes,
themes, dots and actions."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from civica.accounts.tests.factories import UserFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.workshops import selectors
from civica.workshops.models import (
    ActionItem,
    Contribution,
    DotVote,
    Theme,
    Workshop,
    WorkshopQuestion,
    WorkshopRound,
    WorkshopTable,
)


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow(workshop, start, number):
    """``number`` more tables (with a question), rounds, notes, themes, dots and actions."""
    round_ = workshop.rounds.first()
    for index in range(start, start + number):
        question = WorkshopQuestion.objects.create(workshop=workshop, position=index, text_ro=f"Întrebarea {index}?")
        table = WorkshopTable.objects.create(workshop=workshop, number=index + 1, topic=f"Topic {index}",
                                             question=question, facilitator=UserFactory())
        WorkshopRound.objects.create(workshop=workshop, number=index + 2)
        theme = Theme.objects.create(workshop=workshop, position=index, label=f"Theme {index}")
        for author in UserFactory.create_batch(2):
            Contribution.objects.create(table=table, round=round_, text=f"Note {index}", author=author, theme=theme,
                                        is_representative=True)
            DotVote.objects.create(theme=theme, voter=author)
        item = ActionItem.objects.create(workshop=workshop, position=index, title=f"Action {index}",
                                         owner="CIIC", due_on=datetime.date(2021, 6, 30))
        item.themes.add(theme)


@pytest.mark.django_db
def test_the_workshop_pages_cost_the_same_with_more_tables_notes_themes_and_actions(client, editor):
    meeting = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(minutes=10),
                             ends_at=timezone.now() + datetime.timedelta(hours=3))
    workshop = Workshop.objects.create(meeting=meeting, slug="cafe")
    WorkshopRound.objects.create(workshop=workshop, number=1, started_at=timezone.now())
    grow(workshop, 0, 2)
    table = workshop.tables.first()
    slug = workshop.slug
    public = [f"/en/workshops/{slug}/", f"/en/workshops/{slug}/wall/", f"/en/workshops/{slug}/wall/items/",
              f"/en/workshops/{slug}/screen/", f"/en/workshops/{slug}/report/",
              f"/en/workshops/{slug}/action-plan.csv", f"/en/workshops/{slug}/tables/{selectors.table_token(table)}/"]
    staff = [f"/en/workshops/{slug}/", f"/en/workshops/{slug}/harvest/"]
    before = [count(client, url) for url in public]
    client.force_login(editor)
    before_staff = [count(client, url) for url in staff]
    grow(workshop, 2, 5)
    client.logout()
    assert [count(client, url) for url in public] == before
    client.force_login(editor)
    assert [count(client, url) for url in staff] == before_staff
