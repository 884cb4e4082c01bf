import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import load_workbook

from civica.accountability import spreadsheets
from civica.accountability.models import Activity, BudgetLine, Indicator, IndicatorValue, Plan
from civica.accountability.tests.factories import make_plan


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def snapshot(plan):
    return spreadsheets.export_rows(Plan.objects.get(pk=plan.pk))


def upload(content):
    return SimpleUploadedFile("plan.xlsx", content,
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@pytest.mark.django_db
def test_export_then_import_gives_identical_data(client, editor):
    plan = make_plan()
    before = snapshot(plan)
    client.force_login(editor)
    exported = client.get("/en/plans/2021/plan.xlsx").content
    response = client.post("/en/plans/2021/import/", {"file": upload(exported)}, follow=True)
    assert "The plan was imported." in response.content.decode()
    assert snapshot(plan) == before
    assert Plan.objects.get(pk=plan.pk).revision == 1


@pytest.mark.django_db
def test_a_file_with_problems_changes_nothing_and_says_where(client, editor):
    plan = make_plan()
    before = snapshot(plan)
    client.force_login(editor)
    workbook = load_workbook(io.BytesIO(client.get("/en/plans/2021/plan.xlsx").content))
    activities = workbook["activities"]
    activities["M2"] = 150  # progress
    activities["B3"] = "no-such-programme"
    activities["E4"] = "Changed title that must not be saved"
    workbook["budget"]["J2"] = "lots"
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = client.post("/en/plans/2021/import/", {"file": upload(buffer.getvalue())}).content.decode()
    assert "3 problems; nothing was changed" in page
    assert "activities, row 2, column progress: must be between 0 and 100" in page
    assert "activities, row 3, column programme: no programme has this short name" in page
    assert "budget, row 2, column amount: must be an amount" in page
    assert snapshot(plan) == before


@pytest.mark.django_db
def test_rows_are_added_changed_and_removed(editor):
    plan = make_plan(programmes=1, activities=2)
    rows = spreadsheets.export_rows(plan)
    sheets = {name: [(number, dict(zip(spreadsheets.SHEETS[name], row, strict=True)))
                     for number, row in enumerate(rows[name], start=2)] for name in rows}
    sheets["activities"][0][1]["title_ro"] = "Titlu nou"
    new_row = dict(sheets["activities"][1][1], id=None, title_ro="Activitate adăugată")
    sheets["activities"] = [sheets["activities"][0], (9, new_row)]
    typed, problems = spreadsheets.check(plan, sheets)
    assert problems == []
    spreadsheets.apply(plan, typed)
    assert sorted(Activity.objects.filter(plan=plan).values_list("title_ro", flat=True)) == [
        "Activitate adăugată", "Titlu nou"]
    assert Indicator.objects.filter(plan=plan).count() == 1 and IndicatorValue.objects.count() == 1
    assert BudgetLine.objects.filter(group__plan=plan).count() == 2


@pytest.mark.django_db
def test_not_a_spreadsheet_and_foreign_ids(client, editor):
    plan = make_plan()
    other = make_plan(year=2022)
    client.force_login(editor)
    page = client.post("/en/plans/2021/import/", {"file": upload(b"hello")}).content.decode()
    assert "This is not an XLSX spreadsheet." in page
    rows = spreadsheets.export_rows(other)
    sheets = {name: [(2 + n, dict(zip(spreadsheets.SHEETS[name], row, strict=True)))
                     for n, row in enumerate(rows[name])] for name in rows}
    _typed, problems = spreadsheets.check(plan, sheets)
    assert any(problem.column == "id" and "not a row of this plan" in problem.message for problem in problems)


@pytest.mark.django_db
@pytest.mark.parametrize("kind, status", [(None, 302), ("participant", 403), ("editor", 200)])
def test_export_and_import_are_for_editors(client, request, kind, status):
    make_plan()
    if kind:
        client.force_login(request.getfixturevalue(kind))
    for url in ("/en/plans/2021/plan.xlsx", "/en/plans/2021/activities.csv", "/en/plans/2021/import/"):
        assert client.get(url).status_code == status
    if kind == "editor":
        assert client.get("/en/plans/2021/nothing.csv").status_code == 404


@pytest.mark.django_db
def test_priorities_and_their_assessment_go_out_and_come_back(client, editor):
    from civica.accountability.models import Level, Priority

    plan = make_plan()
    client.force_login(editor)
    workbook = load_workbook(io.BytesIO(client.get("/en/plans/2021/plan.xlsx").content))
    sheet = workbook["priorities"]
    assert [cell.value for cell in sheet[1]] == spreadsheets.PRIORITY_COLUMNS
    assert [cell.value for cell in sheet[2]][5:] == ["Extinderea activității", "Growing", "large", "Am crescut.",
                                                    "We grew."]
    sheet["H2"] = "fully"
    sheet["J2"] = "Everything we promised."
    sheet.append([None, "Management", "Management", 1, 0, "Stabilitate financiară", "", "somewhat", "", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = client.post("/en/plans/2021/import/", {"file": upload(buffer.getvalue())}).content.decode()
    assert "priorities, row 3, column level: must be one of: small, partly, large, fully" in page
    sheet["H3"] = "small"
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.post("/en/plans/2021/import/", {"file": upload(buffer.getvalue())})
    first, added = Priority.objects.filter(area__plan=plan).order_by("pk")
    assert (first.level, first.narrative_en) == (Level.FULLY, "Everything we promised.")
    assert (added.area.name_ro, added.text_ro, added.level) == ("Management", "Stabilitate financiară", Level.SMALL)
    # A file from before the priorities sheet leaves them as they are.
    del workbook["priorities"]
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = client.post("/en/plans/2021/import/", {"file": upload(buffer.getvalue())}, follow=True)
    assert "The plan was imported." in response.content.decode()
    assert Priority.objects.filter(area__plan=plan).count() == 2
