"""A plan's priorities (by area, with their four-level assessment and its narrative), activities,
indicators and budget as a spreadsheet, and back.

Export writes four sheets (plus indicator values). Import reads everything, checks every cell
and reports each problem by sheet, row and column; a file with any problem changes nothing.
Rows keep their id, so a file exported and imported again gives identical data. A file without the
priorities sheet (exported before it existed) leaves the priorities as they are."""

import datetime
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import (
    Activity,
    ActivityStatus,
    Area,
    BudgetGroup,
    BudgetKind,
    BudgetLine,
    Indicator,
    IndicatorValue,
    Level,
    Priority,
)

PRIORITY_COLUMNS = ["id", "area_ro", "area_en", "area_position", "position", "text_ro", "text_en", "level",
                    "narrative_ro", "narrative_en"]
ACTIVITY_COLUMNS = ["id", "programme", "position", "section_ro", "title_ro", "title_en", "project", "period_text",
                    "starts_on", "ends_on", "responsible", "status", "progress", "objective", "priority"]
INDICATOR_COLUMNS = ["id", "position", "name_ro", "name_en", "unit_ro", "unit_en", "target", "text_ro"]
VALUE_COLUMNS = ["id", "indicator", "date", "value", "illustrative"]
BUDGET_COLUMNS = ["id", "kind", "group_ro", "group_en", "group_stated_total", "group_position", "position",
                  "label_ro", "label_en", "amount", "executed"]
SHEETS = {"priorities": PRIORITY_COLUMNS, "activities": ACTIVITY_COLUMNS, "indicators": INDICATOR_COLUMNS,
          "indicator_values": VALUE_COLUMNS,
          "budget": BUDGET_COLUMNS}
OPTIONAL_SHEETS = {"priorities"}
MAX_ROWS = 5000


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self):
        return _("%(sheet)s, row %(row)s, column %(column)s: %(message)s") % {
            "sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


def export_rows(plan):
    priorities = [[p.pk, p.area.name_ro, p.area.name_en, p.area.position, p.position, p.text_ro, p.text_en, p.level,
                   p.narrative_ro, p.narrative_en]
                  for p in Priority.objects.filter(area__plan=plan).select_related("area").order_by("pk")]
    activities = [[a.pk, a.programme.slug, a.position, a.section_ro, a.title_ro, a.title_en, a.project, a.period_text,
                   a.starts_on, a.ends_on, a.responsible, a.status, a.progress, a.objective_id, a.priority_id]
                  for a in Activity.objects.filter(plan=plan).select_related("programme").order_by("pk")]
    indicators = list(Indicator.objects.filter(plan=plan).order_by("pk"))
    indicator_rows = [[i.pk, i.position, i.name_ro, i.name_en, i.unit_ro, i.unit_en, i.target, i.text_ro]
                      for i in indicators]
    value_rows = [[v.pk, v.indicator.name_ro, v.date, v.value, v.illustrative]
                  for v in IndicatorValue.objects.filter(indicator__plan=plan).select_related("indicator")
                  .order_by("pk")]
    budget_rows = [[line.pk, line.group.kind, line.group.name_ro, line.group.name_en, line.group.stated_total,
                    line.group.position, line.position, line.label_ro, line.label_en, line.amount, line.executed]
                   for line in BudgetLine.objects.filter(group__plan=plan).select_related("group").order_by("pk")]
    return {"priorities": priorities, "activities": activities, "indicators": indicator_rows,
            "indicator_values": value_rows,
            "budget": budget_rows}


def export_workbook(plan) -> bytes:
    from civica.core.exports import workbook as safe_workbook

    buffer = io.BytesIO()
    workbook = safe_workbook(buffer, {"in_memory": True, "default_date_format": "yyyy-mm-dd"})
    money = workbook.add_format({"num_format": "0.00"})
    for name, rows in export_rows(plan).items():
        sheet = workbook.add_worksheet(name)
        sheet.write_row(0, 0, SHEETS[name])
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                if isinstance(value, Decimal):
                    sheet.write_number(number, column, float(value), money)
                elif isinstance(value, datetime.date):
                    sheet.write_datetime(number, column, datetime.datetime.combine(value, datetime.time()))
                elif value is None:
                    sheet.write_blank(number, column, None)
                else:
                    sheet.write(number, column, value)
    workbook.close()
    return buffer.getvalue()


# --- Reading and checking ---------------------------------------------------------------------

class _Cells:
    def __init__(self, sheet, row_number, row, problems):
        self.sheet, self.row_number, self.row, self.problems = sheet, row_number, row, problems

    def _fail(self, column, message):
        self.problems.append(Problem(self.sheet, self.row_number, column, message))

    def text(self, column, required=False, max_length=300):
        value = self.row.get(column)
        value = "" if value is None else str(value).strip()
        if required and not value:
            self._fail(column, _("is required"))
        if len(value) > max_length:
            self._fail(column, _("is longer than %(max)s characters") % {"max": max_length})
        return value

    def integer(self, column, low=0, high=None, required=False):
        value = self.row.get(column)
        if value in (None, ""):
            if required:
                self._fail(column, _("is required"))
            return None
        try:
            number = int(Decimal(str(value)))
        except (InvalidOperation, ValueError):
            self._fail(column, _("must be a whole number"))
            return None
        if number < low or (high is not None and number > high):
            self._fail(column, _("must be between %(low)s and %(high)s") % {"low": low, "high": high or "∞"})
        return number

    def decimal(self, column, required=False):
        value = self.row.get(column)
        if value in (None, ""):
            if required:
                self._fail(column, _("is required"))
            return None
        try:
            text = str(value).strip()
            if "," in text:  # 11.155.779,75 as written in Romanian
                text = text.replace(".", "").replace(",", ".")
            return Decimal(text).quantize(Decimal("0.01"))
        except InvalidOperation:
            self._fail(column, _("must be an amount, e.g. 1234.50"))
            return None

    def date(self, column, required=False):
        value = self.row.get(column)
        if value in (None, ""):
            if required:
                self._fail(column, _("is required"))
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            self._fail(column, _("must be a date written YYYY-MM-DD"))
            return None

    def choice(self, column, choices):
        value = self.text(column, required=True)
        if value and value not in choices:
            self._fail(column, _("must be one of: %(choices)s") % {"choices": ", ".join(choices)})
        return value

    def boolean(self, column):
        value = self.row.get(column)
        return str(value).strip().lower() in {"1", "true", "yes", "da"} if value not in (None, "") else False


def read_workbook(upload):
    """Rows per sheet as dicts, or the problems that stop the import."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None, [Problem("—", 0, "—", _("This is not an XLSX spreadsheet."))]
    problems, sheets = [], {}
    for name, columns in SHEETS.items():
        if name not in workbook.sheetnames:
            if name in OPTIONAL_SHEETS:
                continue
            problems.append(Problem(name, 0, "—", _("the sheet is missing")))
            continue
        rows = workbook[name].iter_rows(values_only=True)
        header = [str(cell).strip() if cell is not None else "" for cell in next(rows, ())]
        missing = [column for column in columns if column not in header]
        if missing:
            problems.append(Problem(name, 1, ", ".join(missing), _("these columns are missing")))
            continue
        sheets[name] = []
        for number, values in enumerate(rows, start=2):
            if number > MAX_ROWS + 1:
                problems.append(Problem(name, number, "—", ngettext("at most %(max)s row", "at most %(max)s rows",
                                                                    MAX_ROWS) % {"max": MAX_ROWS}))
                break
            if values is None or all(value in (None, "") for value in values):
                continue
            sheets[name].append((number, dict(zip(header, values, strict=False))))
    return sheets, problems


def check(plan, sheets):
    """Typed rows ready to save, and every problem found."""
    from civica.network.models import Programme

    problems = []
    from .models import Objective, Priority

    programmes = {programme.slug: programme for programme in Programme.objects.all()}
    objectives = set(Objective.objects.filter(plan=plan).values_list("pk", flat=True))
    priorities = set(Priority.objects.filter(area__plan=plan).values_list("pk", flat=True))
    known = {"priorities": priorities,
             "activities": set(Activity.objects.filter(plan=plan).values_list("pk", flat=True)),
             "indicators": set(Indicator.objects.filter(plan=plan).values_list("pk", flat=True)),
             "indicator_values": set(IndicatorValue.objects.filter(indicator__plan=plan).values_list("pk", flat=True)),
             "budget": set(BudgetLine.objects.filter(group__plan=plan).values_list("pk", flat=True))}

    def row_id(cells, sheet):
        value = cells.integer("id", low=1)
        if value is not None and value not in known[sheet]:
            cells._fail("id", _("is not a row of this plan; leave it empty for a new row"))
        return value

    typed = {name: [] for name in SHEETS}
    if "priorities" not in sheets:
        typed["priorities"] = None  # an older file: the priorities stay as they are
    for number, row in sheets.get("priorities", []):
        cells = _Cells("priorities", number, row, problems)
        level = cells.text("level")
        if level and level not in Level.values:
            cells._fail("level", _("must be one of: %(choices)s") % {"choices": ", ".join(Level.values)})
        typed["priorities"].append({
            "id": row_id(cells, "priorities"), "area_ro": cells.text("area_ro", required=True, max_length=120),
            "area_en": cells.text("area_en", max_length=120),
            "area_position": cells.integer("area_position", high=10000) or 0,
            "position": cells.integer("position", high=10000) or 0,
            "text_ro": cells.text("text_ro", required=True, max_length=2000),
            "text_en": cells.text("text_en", max_length=2000), "level": level,
            "narrative_ro": cells.text("narrative_ro", max_length=10000),
            "narrative_en": cells.text("narrative_en", max_length=10000),
        })
    for number, row in sheets.get("activities", []):
        cells = _Cells("activities", number, row, problems)
        slug = cells.text("programme", required=True)
        if slug and slug not in programmes:
            cells._fail("programme", _("no programme has this short name"))
        typed["activities"].append({
            "id": row_id(cells, "activities"), "programme": programmes.get(slug),
            "position": cells.integer("position", high=10000) or 0, "section_ro": cells.text("section_ro"),
            "title_ro": cells.text("title_ro", required=True, max_length=2000),
            "title_en": cells.text("title_en", max_length=2000), "project": cells.text("project", max_length=120),
            "period_text": cells.text("period_text"), "starts_on": cells.date("starts_on"),
            "ends_on": cells.date("ends_on"), "responsible": cells.text("responsible", max_length=120),
            "status": cells.choice("status", ActivityStatus.values),
            "progress": cells.integer("progress", high=100, required=True),
            "objective_id": _link(cells, "objective", objectives), "priority_id": _link(cells, "priority", priorities),
        })
    names = set()
    for number, row in sheets.get("indicators", []):
        cells = _Cells("indicators", number, row, problems)
        item = {"id": row_id(cells, "indicators"), "position": cells.integer("position", high=10000) or 0,
                "name_ro": cells.text("name_ro", required=True, max_length=200),
                "name_en": cells.text("name_en", max_length=200), "unit_ro": cells.text("unit_ro", required=True,
                                                                                         max_length=60),
                "unit_en": cells.text("unit_en", max_length=60), "target": cells.decimal("target", required=True),
                "text_ro": cells.text("text_ro")}
        names.add(item["name_ro"])
        typed["indicators"].append(item)
    for number, row in sheets.get("indicator_values", []):
        cells = _Cells("indicator_values", number, row, problems)
        indicator = cells.text("indicator", required=True)
        if indicator and indicator not in names:
            cells._fail("indicator", _("no indicator on the indicators sheet has this name"))
        typed["indicator_values"].append({"id": row_id(cells, "indicator_values"), "indicator": indicator,
                                          "date": cells.date("date", required=True),
                                          "value": cells.decimal("value", required=True),
                                          "illustrative": cells.boolean("illustrative")})
    for number, row in sheets.get("budget", []):
        cells = _Cells("budget", number, row, problems)
        typed["budget"].append({
            "id": row_id(cells, "budget"), "kind": cells.choice("kind", BudgetKind.values),
            "group_ro": cells.text("group_ro", required=True, max_length=120),
            "group_en": cells.text("group_en", max_length=120),
            "group_stated_total": cells.decimal("group_stated_total"),
            "group_position": cells.integer("group_position", high=10000) or 0,
            "position": cells.integer("position", high=10000) or 0,
            "label_ro": cells.text("label_ro", required=True, max_length=200),
            "label_en": cells.text("label_en", max_length=200), "amount": cells.decimal("amount", required=True),
            "executed": cells.decimal("executed"),
        })
    return typed, problems


def _link(cells, column, allowed):
    value = cells.integer(column, low=1)
    if value is not None and value not in allowed:
        cells._fail(column, _("is not the id of one in this plan"))
    return value


@transaction.atomic
def apply(plan, typed):
    """Save checked rows: update rows by id, create rows without one, remove rows left out."""
    if typed["priorities"] is not None:
        areas, kept = {}, []
        for item in typed["priorities"]:
            if item["area_ro"] not in areas:
                areas[item["area_ro"]], _created = Area.objects.update_or_create(
                    plan=plan, name_ro=item["area_ro"],
                    defaults={"name_en": item["area_en"], "position": item["area_position"]})
            priority = Priority.objects.filter(pk=item["id"], area__plan=plan).first() if item["id"] else None
            priority = priority or Priority()
            priority.area = areas[item["area_ro"]]
            for key in ("position", "text_ro", "text_en", "level", "narrative_ro", "narrative_en"):
                setattr(priority, key, item[key])
            priority.save()
            kept.append(priority.pk)
        # Areas stay (an area may wait for its priorities); priorities left out are removed.
        Priority.objects.filter(area__plan=plan).exclude(pk__in=kept).delete()

    kept = []
    for item in typed["activities"]:
        fields = {key: value for key, value in item.items() if key != "id"}
        activity = Activity.objects.filter(pk=item["id"], plan=plan).first() if item["id"] else None
        if activity is None:
            activity = Activity(plan=plan)
        for key, value in fields.items():
            setattr(activity, key, value)
        activity.save()
        kept.append(activity.pk)
    Activity.objects.filter(plan=plan).exclude(pk__in=kept).delete()

    by_name, kept = {}, []
    for item in typed["indicators"]:
        indicator = Indicator.objects.filter(pk=item["id"], plan=plan).first() if item["id"] else None
        indicator = indicator or Indicator(plan=plan)
        for key, value in item.items():
            if key != "id":
                setattr(indicator, key, value)
        indicator.save()
        by_name[indicator.name_ro] = indicator
        kept.append(indicator.pk)
    Indicator.objects.filter(plan=plan).exclude(pk__in=kept).delete()
    kept = []
    for item in typed["indicator_values"]:
        value = IndicatorValue.objects.filter(pk=item["id"], indicator__plan=plan).first() if item["id"] else None
        value = value or IndicatorValue()
        value.indicator = by_name[item["indicator"]]
        value.date, value.value, value.illustrative = item["date"], item["value"], item["illustrative"]
        value.save()
        kept.append(value.pk)
    IndicatorValue.objects.filter(indicator__plan=plan).exclude(pk__in=kept).delete()

    groups, kept = {}, []
    for item in typed["budget"]:
        key = (item["kind"], item["group_ro"])
        if key not in groups:
            group, _created = BudgetGroup.objects.update_or_create(
                plan=plan, kind=item["kind"], name_ro=item["group_ro"],
                defaults={"name_en": item["group_en"], "stated_total": item["group_stated_total"],
                          "position": item["group_position"]})
            groups[key] = group
        line = BudgetLine.objects.filter(pk=item["id"], group__plan=plan).first() if item["id"] else None
        line = line or BudgetLine()
        line.group = groups[key]
        line.position, line.label_ro, line.label_en = item["position"], item["label_ro"], item["label_en"]
        line.amount, line.executed = item["amount"], item["executed"]
        line.save()
        kept.append(line.pk)
    BudgetLine.objects.filter(group__plan=plan).exclude(pk__in=kept).delete()
    BudgetGroup.objects.filter(plan=plan).exclude(pk__in=[group.pk for group in groups.values()]).delete()
