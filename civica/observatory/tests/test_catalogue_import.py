"""Importing values from CSV and XLSX: both conventions and the ambiguous case, refused rows with their
row and column (and nothing saved), idempotent re-import, an indicator's range, the limits, formulas not
evaluated, the dry run and the confirmation through the screens, and a fuzz of the form."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civica.observatory import importing, services
from civica.observatory.models import Breakdown, IndicatorValue, ValueOrigin, ValueStatus
from civica.observatory.numbers import ENGLISH, ROMANIAN
from civica.observatory.tests.factories import IndicatorFactory, ValueFactory, analyst


def csv_bytes(lines, delimiter=","):
    target = io.StringIO()
    csv.writer(target, delimiter=delimiter).writerows(lines)
    return target.getvalue().encode()


HEADER = ["indicator", "year", "breakdown", "group", "value", "status", "source", "note"]


@pytest.fixture
def person(db):
    return analyst()


@pytest.fixture
def spectators(db):
    return IndicatorFactory(code="spectators", breakdowns=[Breakdown.DOMAIN], minimum=Decimal(0),
                            maximum=Decimal(10_000_000))


def stored(indicator):
    return {(row.year, row.breakdown, row.group): row.value
            for row in IndicatorValue.objects.filter(indicator=indicator)}


def test_a_romanian_file_separated_by_semicolons(person, spectators):
    data = csv_bytes([HEADER, ["spectators", "2021", "", "", "1.234,5", "final", "INS", ""],
                      ["spectators", "2021", "domain", "heritage", "12.500", "", "", "estimare"],
                      ["SPECTATORS", "2022", "Cultural domain", "visual_arts", "0,5", "Provisional", "", ""]], ";")
    plan = services.values_import(data=data, convention=ROMANIAN, by=person, dry_run=False)
    assert (len(plan.added), plan.refused) == (3, [])
    assert stored(spectators) == {(2021, "", ""): Decimal("1234.5"), (2021, "domain", "heritage"): Decimal(12500),
                                  (2022, "domain", "visual_arts"): Decimal("0.5")}
    value = IndicatorValue.objects.get(indicator=spectators, year=2021, breakdown="")
    assert (value.status, value.source, value.origin, value.entered_by) == (
        ValueStatus.FINAL, "INS", ValueOrigin.IMPORTED, person)


def test_an_english_file_and_the_ambiguous_case(person, spectators):
    lines = [HEADER, ["spectators", "2021", "", "", "1,234.5"], ["spectators", "2022", "", "", "1.234"],
             ["spectators", "2023", "", "", "1,234"]]
    services.values_import(data=csv_bytes(lines), convention=ENGLISH, by=person, dry_run=False)
    assert stored(spectators) == {(2021, "", ""): Decimal("1234.5"), (2022, "", ""): Decimal("1.234"),
                                  (2023, "", ""): Decimal(1234)}


def test_the_same_ambiguous_file_read_in_romanian(person, spectators):
    lines = [HEADER, ["spectators", "2022", "", "", "1.234"], ["spectators", "2023", "", "", "1,234"]]
    services.values_import(data=csv_bytes(lines), convention=ROMANIAN, by=person, dry_run=False)
    assert stored(spectators) == {(2022, "", ""): Decimal(1234), (2023, "", ""): Decimal("1.234")}


def test_refused_rows_name_row_and_column_and_nothing_is_saved(person, spectators):
    IndicatorFactory(code="counted", computed_from="network.bookings")
    lines = [HEADER,
             ["spectators", "2021", "", "", "10"],  # row 2: fine
             ["unknown", "2021", "", "", "10"],  # row 3
             ["spectators", "20x1", "", "", "10"],  # row 4
             ["spectators", "2021", "age", "15-24", "10"],  # row 5: not broken down by age
             ["spectators", "2021", "domain", "cooking", "10"],  # row 6
             ["spectators", "2022", "", "", "1,23.4"],  # row 7
             ["spectators", "2023", "", "", "-1"],  # row 8: below the minimum
             ["spectators", "2024", "", "", "99999999"],  # row 9: above the maximum
             ["spectators", "2025", "", "", "5", "maybe"],  # row 10
             ["spectators", "2021", "", "", "11"],  # row 11: twice the same value
             ["counted", "2021", "", "", "5"],  # row 12
             ["spectators", "2026", "", "", "=1+1"]]  # row 13
    plan = services.values_import(data=csv_bytes(lines), convention=ROMANIAN, by=person, dry_run=False)
    assert [(refusal.row, refusal.column) for refusal in plan.refused] == [
        (3, "indicator"), (4, "year"), (5, "breakdown"), (6, "group"), (7, "value"), (8, "value"), (9, "value"),
        (10, "status"), (11, "indicator"), (12, "indicator"), (13, "value")]
    assert IndicatorValue.objects.count() == 0


def test_reimporting_the_same_file_changes_nothing(person, spectators, django_assert_max_num_queries):
    data = csv_bytes([HEADER, ["spectators", "2021", "", "", "10", "final", "INS", "n"],
                      ["spectators", "2022", "domain", "heritage", "3,5"]])
    services.values_import(data=data, convention=ROMANIAN, by=person, dry_run=False)
    before = list(IndicatorValue.objects.values_list("pk", "value", "updated_at", "origin").order_by("pk"))
    plan = services.values_import(data=data, convention=ROMANIAN, by=person, dry_run=False)
    assert (len(plan.added), len(plan.changed), len(plan.unchanged)) == (0, 0, 2)
    assert list(IndicatorValue.objects.values_list("pk", "value", "updated_at", "origin").order_by("pk")) == before


def test_a_changed_value_is_changed_and_a_typed_one_kept_when_equal(person, spectators):
    ValueFactory(indicator=spectators, year=2020, value=Decimal(7), origin=ValueOrigin.TYPED)
    ValueFactory(indicator=spectators, year=2021, value=Decimal(8))
    data = csv_bytes([HEADER, ["spectators", "2020", "", "", "7", "provisional"], ["spectators", "2021", "", "", "9"]])
    plan = services.values_import(data=data, convention=ROMANIAN, by=person, dry_run=True)
    assert (len(plan.added), len(plan.changed), len(plan.unchanged)) == (0, 1, 1)
    assert stored(spectators)[(2021, "", "")] == Decimal(8)  # a dry run saves nothing
    services.values_import(data=data, convention=ROMANIAN, by=person, dry_run=False)
    assert stored(spectators)[(2021, "", "")] == Decimal(9)
    assert IndicatorValue.objects.get(year=2020).origin == ValueOrigin.TYPED


def test_limits(person, spectators, monkeypatch):
    monkeypatch.setattr(importing, "MAX_ROWS", 2)
    lines = [HEADER] + [["spectators", str(year), "", "", "1"] for year in (2020, 2021, 2022)]
    with pytest.raises(importing.FileRefused, match="mai mult de"):
        services.values_import(data=csv_bytes(lines), convention=ROMANIAN, by=person, dry_run=True)
    monkeypatch.setattr(importing, "MAX_BYTES", 10)
    with pytest.raises(importing.FileRefused, match="depășește"):
        services.values_import(data=csv_bytes(lines[:2]), convention=ROMANIAN, by=person, dry_run=True)
    assert IndicatorValue.objects.count() == 0


def test_a_header_is_required(person, spectators):
    with pytest.raises(importing.FileRefused, match="lipsesc: indicator, year, value"):
        services.values_import(data=b"spectators,2021,,,5\n", convention=ROMANIAN, by=person, dry_run=True)


def xlsx_bytes(rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    target = io.BytesIO()
    book.save(target)
    return target.getvalue()


def test_an_xlsx_with_numbers_and_text_and_a_formula_never_evaluated(person, spectators):
    data = xlsx_bytes([HEADER, ["spectators", 2021, None, None, 1234.5], ["spectators", 2022, None, None, "1.234,5"],
                       ["spectators", 2023, None, None, "=B2*1000"]])
    plan = services.values_import(data=data, convention=ROMANIAN, by=person, dry_run=False)
    assert [(refusal.row, refusal.column) for refusal in plan.refused] == [(4, "value")]
    assert "formulă" in plan.refused[0].reason
    data = xlsx_bytes([HEADER, ["spectators", 2021, None, None, 1234.5], ["spectators", 2022, None, None, "1.234,5"]])
    services.values_import(data=data, convention=ROMANIAN, by=person, dry_run=False)
    assert stored(spectators) == {(2021, "", ""): Decimal("1234.5"), (2022, "", ""): Decimal("1234.5")}


def test_the_screens_dry_run_then_confirm(client, person, spectators):
    client.force_login(person)
    upload = SimpleUploadedFile("values.csv", csv_bytes([HEADER, ["spectators", "2021", "", "", "1.234,5"]]))
    page = client.post("/ro/observatory/manage/import/", {"file": upload, "convention": ROMANIAN})
    assert page.status_code == 200
    text = page.content.decode()
    assert "1.234,5" in text and IndicatorValue.objects.count() == 0
    token = page.context["token"]
    # Another token (another person's, or made up) imports nothing.
    assert client.post("/ro/observatory/manage/import/confirm/", {"token": "0" * 32}).status_code == 302
    assert IndicatorValue.objects.count() == 0
    response = client.post("/ro/observatory/manage/import/confirm/", {"token": token}, follow=True)
    assert response.status_code == 200
    assert stored(spectators) == {(2021, "", ""): Decimal("1234.5")}
    # The kept file is gone: confirming twice imports nothing more.
    client.post("/ro/observatory/manage/import/confirm/", {"token": token})
    assert IndicatorValue.objects.count() == 1


def test_the_screen_lists_refused_rows_in_the_persons_language(client, person, spectators):
    client.force_login(person)
    upload = SimpleUploadedFile("values.csv", csv_bytes([HEADER, ["spectators", "2021", "", "", "abc"]]))
    page = client.post("/ro/observatory/manage/import/", {"file": upload, "convention": ROMANIAN})
    assert page.status_code == 200
    assert page.context["token"] is None
    assert [(refusal.row, refusal.column) for refusal in page.context["refused"]] == [(2, "value")]
    assert "<td>2</td><td>value</td>" in page.content.decode()


def test_a_file_that_is_no_spreadsheet_is_refused_on_the_form(client, person, spectators):
    client.force_login(person)
    upload = SimpleUploadedFile("values.xlsx", b"PK\x03\x04 not a zip at all")
    page = client.post("/en/observatory/manage/import/", {"file": upload, "convention": ENGLISH})
    assert page.status_code == 200
    assert "cannot be read" in page.content.decode()


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=300) | st.text(alphabet=st.sampled_from("indcatoryrvlue,;\n\"=2019.5 -xé"), max_size=200)
       .map(str.encode), convention=st.sampled_from([ROMANIAN, ENGLISH, "xx", ""]))
def test_fuzz_the_import_form_never_fails(client, body, convention):
    user = analyst()
    IndicatorFactory(code=f"c{user.pk}")
    client.force_login(user)
    response = client.post("/ro/observatory/manage/import/", {
        "file": SimpleUploadedFile("f.csv", (b"indicator,year,value\n" if body[:1] == b"!" else b"") + body),
        "convention": convention})
    assert response.status_code == 200
