"""Reading indicator values from a CSV or XLSX file, and deciding, row by row, what an import would do.

Plain Python on rows: ``read_rows`` turns a file into ``(row number, {column: text})``, ``check_rows``
compares them with what is stored and says what would be added, changed or left unchanged, and which
rows are refused, with the row number (as the spreadsheet numbers it: the header is row 1), the column
and the reason in the active language. ``services.values_import`` runs it for the dry run and again,
under a lock, to save: if any row is refused nothing is saved.

The columns (a header row, in any order, case ignored): ``indicator`` (the code), ``year``,
``breakdown`` (empty for the whole city), ``group``, ``value``, ``status`` (empty: provisional),
``source``, ``note``. Only stated values are imported (no organisation: organisations' values come
from collection campaigns); an indicator counted by the platform (``computed_from``) is refused.

Limits: ``MAX_BYTES`` per file and ``MAX_ROWS`` rows. A CSV may be separated by commas, semicolons or
tabs (the header says which), in UTF-8 (with or without a byte-order mark). In an XLSX only the first
sheet is read, and a formula is never evaluated: a cell holding one is refused (its cached result could
be anything). Numbers written as text are read by ``numbers.parse_number`` in the convention chosen on
the form; numbers stored as numbers in an XLSX need no convention."""

import csv
import datetime
import functools
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from .models import AGE_GROUPS, Breakdown, CulturalDomain, IndicatorValue, ValueStatus
from .numbers import MAX_DECIMALS, NumberError, parse_number

COLUMNS = ("indicator", "year", "breakdown", "group", "value", "status", "source", "note")
REQUIRED = ("indicator", "year", "value")
TEXT_COLUMNS = ("indicator", "breakdown", "group", "status", "source", "note")
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 200_000
FIRST_YEAR, LAST_YEAR = 1900, 2100
CSV, XLSX = "csv", "xlsx"
XLSX_SIGNATURE = b"PK\x03\x04"
MAX_LENGTHS = {"group": IndicatorValue._meta.get_field("group").max_length,
               "source": IndicatorValue._meta.get_field("source").max_length,
               "note": IndicatorValue._meta.get_field("note").max_length}


class FileRefused(ValueError):
    """The whole file cannot be read (its type, size, header): ``str(error)`` says why."""


@dataclass(frozen=True)
class Refusal:
    row: int
    column: str
    reason: str


@dataclass(frozen=True)
class Row:
    """A row that passed: the key of the value and what it would store."""

    row: int
    indicator_id: int
    year: int
    breakdown: str
    group: str
    value: Decimal
    status: str
    source: str
    note: str

    @property
    def key(self) -> tuple:
        return (self.indicator_id, self.year, self.breakdown, self.group)


@dataclass
class Plan:
    """What an import would do: rows to add, to change (with the stored value's id), left unchanged."""

    added: list[Row] = field(default_factory=list)
    changed: list[tuple[Row, int]] = field(default_factory=list)
    unchanged: list[Row] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.added) + len(self.changed) + len(self.unchanged)

    @property
    def accepted(self) -> bool:
        return not self.refused


def kind_of(head: bytes) -> str:
    """The file's type from its first bytes: an XLSX is a ZIP; anything else is read as CSV text."""
    return XLSX if head.startswith(XLSX_SIGNATURE) else CSV


def _header(cells) -> dict[int, str]:
    names = [str(cell or "").strip().lower() for cell in cells]
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise FileRefused(_("The first row must name the columns; missing: %(names)s.")
                          % {"names": ", ".join(missing)})
    return {index: name for index, name in enumerate(names) if name in COLUMNS}


def _csv_rows(data: bytes) -> Iterator[tuple[int, dict]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRefused(_("The file is not text in UTF-8: save it as “CSV UTF-8” and try again.")) from error
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = _header(next(reader, []))
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        yield number, {name: cells[index].strip() if index < len(cells) else "" for index, name in header.items()}


def _cell_text(cell):
    """A cell of a sheet as the import reads it: numbers stay numbers, a formula stays its text."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, (int, float, Decimal)):
        return cell
    if isinstance(cell, (datetime.date, datetime.datetime)):
        return cell.isoformat()
    return str(cell).strip()


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, dict]]:
    from openpyxl import load_workbook

    try:
        # data_only=False: a formula is read as its text (and refused), never as a result.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # a damaged or foreign ZIP: openpyxl raises many kinds
        raise FileRefused(_("The spreadsheet cannot be read; save it again as XLSX or CSV.")) from error
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = _header(next(rows, ()))
        for number, cells in enumerate(rows, start=2):
            if all(cell is None or str(cell).strip() == "" for cell in cells):
                continue
            yield number, {name: _cell_text(cells[index]) if index < len(cells) else ""
                           for index, name in header.items()}
    finally:
        book.close()


def read_rows(data: bytes) -> Iterator[tuple[int, dict]]:
    """Every non-empty row of the file after its header; ``FileRefused`` when it cannot be read or is
    too large (``MAX_BYTES``, ``MAX_ROWS``)."""
    if len(data) > MAX_BYTES:
        raise FileRefused(_("The file is larger than %(megabytes)d MB; split it.") % {
            "megabytes": MAX_BYTES // (1024 * 1024)})
    reader = _xlsx_rows(data) if kind_of(data[:4]) == XLSX else _csv_rows(data)
    for count, item in enumerate(reader, start=1):
        if count > MAX_ROWS:
            raise FileRefused(_("The file has more than %(rows)s rows; split it.") % {"rows": f"{MAX_ROWS:,}"})
        yield item


def _labels(choices) -> dict[str, str]:
    """Every way a choice may be written: its value and its label in both languages, lower case."""
    known = {}
    for language in ("ro", "en"):
        with translation.override(language):
            for value, label in choices:
                known[str(label).lower()] = value
    for value, _label in choices:
        known[value] = value
    return known


@functools.cache
def groups_of(breakdown: str) -> frozenset | None:
    """The groups a breakdown allows (None: any name, as areas of the city). Kept: asked once a row."""
    from civica.network.models import Category

    if breakdown == Breakdown.DOMAIN:
        return frozenset(CulturalDomain.values)
    if breakdown == Breakdown.AGE:
        return frozenset(AGE_GROUPS)
    if breakdown == Breakdown.CATEGORY:
        return frozenset(Category.values)
    return None


def _read_number(text, convention) -> Decimal:
    if isinstance(text, bool):
        raise NumberError(_("“%(text)s” is not a number.") % {"text": text})
    if isinstance(text, (int, Decimal)):
        return Decimal(text)
    if isinstance(text, float):
        value = Decimal(repr(text))
        if -value.as_tuple().exponent > MAX_DECIMALS:
            raise NumberError(_("At most %(decimals)d decimals, please.") % {"decimals": MAX_DECIMALS})
        return value
    if text.startswith("="):
        raise NumberError(_("A formula is not evaluated: write its result."))
    return parse_number(text, convention=convention)


def _check_row(number, cells, *, indicators, convention, statuses, breakdowns):
    """``(Row, None)`` or ``(None, Refusal)`` for one row of the file."""

    def refuse(column, reason):
        return None, Refusal(number, column, reason)

    text = {}
    for name in TEXT_COLUMNS:
        cell = cells.get(name, "")
        if cell.__class__ is not str:
            cell = str(cell)
        elif cell[:1] == "=":
            return refuse(name, _("A formula is not evaluated: write its result."))
        text[name] = cell.strip()
    code = text["indicator"]
    if not code:
        return refuse("indicator", _("The indicator's code is missing."))
    indicator = indicators.get(code.lower())
    if indicator is None:
        return refuse("indicator", _("There is no indicator with the code “%(code)s”.") % {"code": code[:40]})
    if indicator.computed_from:
        return refuse("indicator", _("This indicator is counted by the platform: its values cannot be imported."))
    year_cell = cells.get("year", "")
    if isinstance(year_cell, float) and year_cell.is_integer():
        year_cell = int(year_cell)
    year_text = str(year_cell).strip()
    if not year_text.isascii() or not year_text.isdigit() or not FIRST_YEAR <= int(year_text) <= LAST_YEAR:
        return refuse("year", _("The year must be a number from %(first)d to %(last)d.")
                      % {"first": FIRST_YEAR, "last": LAST_YEAR})
    breakdown = breakdowns.get(text["breakdown"].lower())
    if breakdown is None:
        return refuse("breakdown", _("Unknown breakdown “%(name)s”.") % {"name": text["breakdown"][:40]})
    group = text["group"]
    if breakdown == Breakdown.TOTAL:
        if group:
            return refuse("group", _("A group needs a breakdown; leave it empty for the whole city."))
    else:
        if breakdown not in (indicator.breakdowns or ()):
            return refuse("breakdown", _("This indicator is not broken down by “%(name)s”.")
                          % {"name": Breakdown(breakdown).label})
        if not group:
            return refuse("group", _("The group is missing."))
        allowed = groups_of(breakdown)
        if allowed is not None and group not in allowed:
            return refuse("group", _("Unknown group “%(group)s” for this breakdown.") % {"group": group[:40]})
    for name, limit in MAX_LENGTHS.items():
        if len(text[name] if name != "group" else group) > limit:
            return refuse(name, _("At most %(count)d characters.") % {"count": limit})
    raw_value = cells.get("value", "")
    if raw_value == "" or raw_value is None:
        return refuse("value", _("A number is needed."))
    try:
        value = _read_number(raw_value, convention)
    except NumberError as error:
        return refuse("value", str(error))
    if indicator.minimum is not None and value < indicator.minimum:
        return refuse("value", _("The value is below the indicator's smallest possible value."))
    if indicator.maximum is not None and value > indicator.maximum:
        return refuse("value", _("The value is above the indicator's largest possible value."))
    status = statuses.get(text["status"].lower()) if text["status"] else ValueStatus.PROVISIONAL
    if status is None:
        return refuse("status", _("The status is “provisional” or “final”."))
    return Row(number, indicator.pk, int(year_text), breakdown, group, value, status,
               text["source"], text["note"]), None


def check_rows(rows: Iterable[tuple[int, dict]], *, indicators: dict, stored: dict, convention: str) -> Plan:
    """What importing ``rows`` would do. ``indicators``: code (lower case) → ``Indicator``; ``stored``:
    ``(indicator id, year, breakdown, group)`` → ``(id, value, status, source, note)`` of the stated
    values already kept. A key twice in the file is refused the second time."""
    plan = Plan()
    statuses = _labels(ValueStatus.choices)
    breakdowns = {**_labels(Breakdown.choices), "": Breakdown.TOTAL}
    seen: dict[tuple, int] = {}
    for number, cells in rows:
        row, refusal = _check_row(number, cells, indicators=indicators, convention=convention,
                                  statuses=statuses, breakdowns=breakdowns)
        if refusal is not None:
            plan.refused.append(refusal)
            continue
        if row.key in seen:
            plan.refused.append(Refusal(number, "indicator", _("The same value is already given in row %(row)d.")
                                        % {"row": seen[row.key]}))
            continue
        seen[row.key] = number
        kept = stored.get(row.key)
        if kept is None:
            plan.added.append(row)
        elif (kept[1] == row.value and kept[2] == row.status and kept[3] == row.source and kept[4] == row.note):
            plan.unchanged.append(row)
        else:
            plan.changed.append((row, kept[0]))
    return plan
