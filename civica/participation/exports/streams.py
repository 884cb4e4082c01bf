"""The files of a consultation's contributions, written as they are read, in constant memory.

A CSV, the ZIP of every CSV and the JSON are generators of bytes for a ``StreamingHttpResponse``: each
gives what its writer produced every ``FLUSH_ROWS`` rows, so at most one chunk of rows (``rows.CHUNK``) and
one batch of written text are in memory, whatever the consultation's size. The ZIP is written into a pipe
that cannot seek (``zipfile`` then puts each member's sizes after its data). The XLSX workbook cannot be
streamed (it is a ZIP of XML files whose sizes come first): xlsxwriter writes it row by row
(``constant_memory``) into a temporary file that the view sends and closes.

Every cell goes through ``core.exports``: a title typed as ``=HYPERLINK(…)`` stays text."""

import datetime
import json
import tempfile
import zipfile
from collections.abc import Iterator
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from civica.core.exports import csv_writer, workbook

from .rows import DATASETS, Export

FLUSH_ROWS = 200  # rows written between two chunks sent
ALL = "contributions"  # the name of the files holding every dataset (ZIP, XLSX, JSON)
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAME = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
ZIP_TYPE = "application/zip"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Pipe:
    """A file that keeps what is written until it is taken."""

    def __init__(self):
        self._parts = []

    def write(self, data):
        self._parts.append(data)
        return len(data)

    def flush(self):
        pass

    def take(self):
        taken, self._parts = self._parts, []
        return taken


def _text_cell(value):
    """A cell as CSV text: booleans as true/false, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def csv_chunks(export: Export, dataset) -> Iterator[bytes]:
    """A dataset as CSV in UTF-8 (with the byte-order mark spreadsheet programs need for diacritics)."""
    pipe = _Pipe()
    writer = csv_writer(pipe)
    writer.writerow(dataset.columns(export))
    yield "\ufeff".encode() + "".join(pipe.take()).encode()
    for number, row in enumerate(dataset.rows(export), start=1):
        writer.writerow([_text_cell(value) for value in row])
        if number % FLUSH_ROWS == 0:
            yield "".join(pipe.take()).encode()
    yield "".join(pipe.take()).encode()


def about(export: Export) -> list[tuple[str, str]]:
    """What the files are: said in the ZIP's README, the workbook's last sheet and the JSON's head."""
    process = export.process
    facts = [
        ("consultation", process.slug),
        ("title", process.translated("title")),
        ("page", settings.CIVICA_BASE_URL + process.get_absolute_url()),
        ("generated_at", timezone.now().isoformat()),
        ("audience", export.audience.value),
    ]
    if export.staff:
        facts.append(("notice", "Personal data: for the staff's work on this consultation only (GDPR). "
                                "People are codes, stable within this consultation."))
    else:
        facts += [("license", LICENCE_URL), ("license_name", LICENCE_NAME),
                  ("notice", "No personal data; nothing hidden by moderation or deleted.")]
    facts.append(("datasets", ", ".join(dataset.name for dataset in DATASETS)))
    return facts


def zip_chunks(export: Export) -> Iterator[bytes]:
    """Every dataset as a CSV in one ZIP, and a README saying what they are."""
    pipe = _Pipe()
    stamp = timezone.localtime().timetuple()[:6]
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for dataset in DATASETS:
            member = zipfile.ZipInfo(f"{dataset.name}.csv", date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(member, "w", force_zip64=True) as target:
                for chunk in csv_chunks(export, dataset):
                    target.write(chunk)
                    yield b"".join(pipe.take())
        readme = zipfile.ZipInfo("README.txt", date_time=stamp)
        archive.writestr(readme, "".join(f"{name}: {value}\n" for name, value in about(export)))
    yield b"".join(pipe.take())


def _json_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def json_chunks(export: Export) -> Iterator[bytes]:
    """Every dataset in one JSON document: ``{"about": {…}, "datasets": {name: {"columns", "rows"}}}``,
    each row an object keyed by its columns."""
    def dumps(value):
        return json.dumps(value, ensure_ascii=False)

    yield ('{"about": ' + dumps(dict(about(export))) + ', "datasets": {').encode()
    for position, dataset in enumerate(DATASETS):
        columns = dataset.columns(export)
        yield (("," if position else "") + f"\n{dumps(dataset.name)}: {{\"title\": {dumps(str(dataset.title))}, "
               f"\"columns\": {dumps(columns)}, \"rows\": [").encode()
        batch = []
        for number, row in enumerate(dataset.rows(export)):
            batch.append(("," if number else "") + "\n " + dumps(
                dict(zip(columns, map(_json_value, row), strict=True))))
            if len(batch) == FLUSH_ROWS:
                yield "".join(batch).encode()
                batch = []
        yield ("".join(batch) + "]}").encode()
    yield b"}}\n"


def _sheet_cell(value):
    # (Text needs no apostrophe here: ``core.exports.workbook`` writes every string as a string.)
    return float(value) if isinstance(value, Decimal) else value


def xlsx_file(export: Export):
    """The workbook in a temporary file, at its start: a sheet per dataset, then ``about``."""
    target = tempfile.TemporaryFile()
    book = workbook(target, {"constant_memory": True})
    for dataset in DATASETS:
        sheet = book.add_worksheet(dataset.name)
        sheet.write_row(0, 0, dataset.columns(export))
        for number, row in enumerate(dataset.rows(export), start=1):
            sheet.write_row(number, 0, [_sheet_cell(value) for value in row])
    sheet = book.add_worksheet("about")
    for number, fact in enumerate(about(export)):
        sheet.write_row(number, 0, fact)
    book.close()
    target.seek(0)
    return target
