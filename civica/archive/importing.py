"""Bulk import of works from a spreadsheet (CSV in UTF-8, or XLSX), with a dry run.

The first row names the columns (``COLUMNS``; ``inventory_number`` and ``title_ro`` are required, the
others optional — a column the file lacks leaves that field of an existing work unchanged —, unknown ones
reported and ignored). Each row is read into the fields of
``services.work_save``: an artist by name (made when new, with the birth year if given), a medium and tags
by name (made when new), years as whole numbers. A row whose inventory number exists updates that work;
otherwise a draft is made. ``check`` (the dry run) reads every row and says, per row, what would happen and
what is wrong; ``apply`` does the same in one transaction and saves only when no row is wrong, so a file is
imported whole or not at all (two imports of one file at once: the second waits for the rows the first
locked, or, for rows both create, is refused whole with a message). New works are drafts: publishing runs
the required-fields check per work."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from civica.core import refusals
from civica.core.uploads import check_size

from . import services
from .models import Artist, Medium, Tag, Work

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
COLUMNS = ("inventory_number", "title_ro", "title_en", "artist", "artist_birth_year", "year_from", "year_to",
           "date_text_ro", "date_text_en", "medium", "technique_ro", "technique_en", "dimensions", "location",
           "provenance_ro", "provenance_en", "description_ro", "description_en", "tags")
REQUIRED = ("inventory_number", "title_ro")
TEXT_LIMITS = {"inventory_number": 40, "title_ro": 250, "title_en": 250, "artist": 160, "date_text_ro": 80,
               "date_text_en": 80, "medium": 80, "technique_ro": 200, "technique_en": 200, "dimensions": 120,
               "location": 200}


@dataclass
class RowResult:
    number: int  # as the spreadsheet numbers it (the header is row 1)
    inventory_number: str
    action: str = ""  # "create" / "update"
    errors: list = field(default_factory=list)


@dataclass
class ImportReport:
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # about the file itself: nothing is imported
    warnings: list = field(default_factory=list)  # said, without stopping the import
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and all(not row.errors for row in self.rows)

    @property
    def created(self) -> int:
        return sum(row.action == "create" for row in self.rows)

    @property
    def updated(self) -> int:
        return sum(row.action == "update" for row in self.rows)


def read_table(upload) -> list[list[str]]:
    """The rows of a CSV or XLSX upload as text; a file of another kind is refused (by its content)."""
    check_size(upload, MAX_BYTES)
    upload.seek(0)
    start = upload.read(4)
    upload.seek(0)
    if start == b"PK\x03\x04":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(upload.read()), read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
            raise ValidationError(_("This XLSX file cannot be read.")) from error
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append(["" if value is None else (str(int(value)) if isinstance(value, float) and value.is_integer()
                                                   else str(value)) for value in values])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    try:
        content = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("Please upload a CSV file in UTF-8, or an XLSX file.")) from error
    if "\x00" in content:
        raise ValidationError(_("Please upload a CSV file in UTF-8, or an XLSX file."))
    try:
        dialect = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(content), dialect)][:MAX_ROWS + 2]


def _year(value, name, errors):
    if not value:
        return None
    if not value.isdigit() or not 1000 <= int(value) <= 2100:
        errors.append(_("%(column)s: “%(value)s” is not a year.") % {"column": name, "value": value[:20]})
        return None
    return int(value)


def _named(model, name, *, fields=None):
    """The row called ``name`` (case and accents as typed), made when new."""
    name = name.strip()
    lookup = {"name": name} if model is Artist else {"name_ro": name}
    existing = model.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    base = slugify(name)[:50] or model._meta.model_name
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return model.objects.create(slug=slug, **lookup, **(fields or {}))


def _row_fields(values: dict, errors: list) -> dict:
    for name in REQUIRED:
        if not values.get(name):
            errors.append(_("%(column)s is required.") % {"column": name})
    for name, limit in TEXT_LIMITS.items():
        if len(values.get(name, "")) > limit:
            errors.append(_("%(column)s is longer than %(limit)s characters.") % {"column": name, "limit": limit})
    # Only the file's columns: a column it lacks leaves that field of an existing work as it is.
    fields = {name: values[name] for name in (
        "inventory_number", "title_ro", "title_en", "date_text_ro", "date_text_en", "technique_ro", "technique_en",
        "dimensions", "location", "provenance_ro", "provenance_en", "description_ro", "description_en")
        if name in values}
    for name in ("year_from", "year_to"):
        if name in values:
            fields[name] = _year(values[name], name, errors)
    if fields.get("year_to") and not fields.get("year_from"):
        errors.append(_("year_to needs year_from."))
    elif fields.get("year_to") and fields.get("year_from") and fields["year_to"] < fields["year_from"]:
        errors.append(_("The period ends before it starts."))
    _year(values.get("artist_birth_year", ""), "artist_birth_year", errors)
    return fields


def run(upload, *, by, apply: bool) -> ImportReport:
    """Check (``apply=False``) or import a spreadsheet; see the module's docstring."""
    refusals.check(by, "archive.import_works")
    report = ImportReport()
    try:
        table = read_table(upload)
    except ValidationError as error:
        report.problems += refusals.refusal_messages(error)
        return report
    table = [row for row in table if any(cell.strip() for cell in row)]
    if not table:
        report.problems.append(_("The file has no rows."))
        return report
    header = [cell.strip().lower() for cell in table[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        report.problems.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
        return report
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        report.warnings.append(_("Columns ignored: %(columns)s.") % {"columns": ", ".join(unknown[:10])})
    if len(table) - 1 > MAX_ROWS:
        report.problems.append(_("At most %(count)s rows at a time.") % {"count": MAX_ROWS})
        return report
    parsed = []
    seen = set()
    existing = set(Work.objects.filter(inventory_number__in=[
        (row[header.index("inventory_number")] if len(row) > header.index("inventory_number") else "").strip()
        for row in table[1:]]).values_list("inventory_number", flat=True))
    for number, row in enumerate(table[1:], start=2):
        values = {name: (row[index].strip() if index < len(row) else "") for index, name in enumerate(header)
                  if name in COLUMNS}
        result = RowResult(number=number, inventory_number=values.get("inventory_number", "")[:40])
        fields = _row_fields(values, result.errors)
        if result.inventory_number in seen:
            result.errors.append(_("This inventory number is on an earlier row too."))
        seen.add(result.inventory_number)
        result.action = "update" if result.inventory_number in existing else "create"
        report.rows.append(result)
        parsed.append((result, values, fields))
    if not apply or any(result.errors for result in report.rows):
        return report
    try:
        _save(parsed, report, by=by)
    except IntegrityError:
        # Another import (or a staff member) saved one of these inventory numbers, names or tags at the same
        # moment: nothing of this file is saved; checking it again shows the rows as updates.
        report.problems.append(_("Someone saved some of these works at the same moment: nothing of this file "
                                 "was saved. Check the file again, then import it."))
        return report
    report.applied = not any(result.errors for result in report.rows)
    return report


def _save(parsed, report, *, by):
    with transaction.atomic():
        for result, values, fields in parsed:
            if values.get("artist"):
                birth = values.get("artist_birth_year")
                fields["artist"] = _named(Artist, values["artist"],
                                          fields={"birth_year": int(birth)} if birth else None)
            if values.get("medium"):
                fields["medium"] = _named(Medium, values["medium"])
            tags = [_named(Tag, name) for name in values.get("tags", "").split(";") if name.strip()] \
                if "tags" in values else None
            work = Work.objects.select_for_update().filter(inventory_number=result.inventory_number).first()
            try:
                services.work_save(by=by, work=work, tags=tags, **fields)
            except ValidationError as error:
                result.errors += refusals.refusal_messages(error)
        if any(result.errors for result in report.rows):
            transaction.set_rollback(True)
