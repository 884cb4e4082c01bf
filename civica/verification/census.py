"""Reading a census CSV into keyed hashes, line by line, keeping no identifier.

The file is UTF-8 (a BOM is fine), comma or semicolon separated, with a header naming the identifier
column (``identifier``, ``cnp`` or ``id``) and the birth date column (``birth_date``, ``data_nasterii`` or
``born``); dates as ``YYYY-MM-DD`` or ``DD.MM.YYYY``. A bad line is reported by its number and what is
wrong with it, never by its content, and the file is refused as a whole (a census half imported would
turn residents away). Two lines of one resident count once."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _

from .hashing import census_digest, normalise_identifier

IDENTIFIER_COLUMNS = ("identifier", "cnp", "id")
BIRTH_DATE_COLUMNS = ("birth_date", "data_nasterii", "born")
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")
MAX_IDENTIFIER = 32
# Problems listed to the staff; past these the count alone.
PROBLEMS_SHOWN = 20


@dataclass
class Reading:
    digests: set = field(default_factory=set)
    lines: int = 0
    duplicates: int = 0
    problems: list = field(default_factory=list)  # (line number, message)
    problem_count: int = 0

    def problem(self, line, message):
        self.problem_count += 1
        if len(self.problems) < PROBLEMS_SHOWN:
            self.problems.append((line, message))


def parse_date(value: str) -> date | None:
    for format_ in DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), format_).date()
        except ValueError:
            continue
    return None


def valid_identifier(value: str) -> bool:
    normalised = normalise_identifier(value)
    return 0 < len(normalised) <= MAX_IDENTIFIER and normalised.isascii() and normalised.isalnum()


def _column(header, names):
    lowered = [(name or "").strip().lower() for name in header]
    return next((lowered.index(name) for name in names if name in lowered), None)


def read(data: bytes) -> Reading:
    """The census in ``data`` as digests, with the problems that refuse it."""
    reading = Reading()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        reading.problem(0, _("The file is not UTF-8 text: save it as CSV UTF-8."))
        return reading
    if "\x00" in text:
        reading.problem(0, _("The file is not a CSV file."))
        return reading
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(rows, None)
    except csv.Error:
        header = None
    identifier_at = _column(header or [], IDENTIFIER_COLUMNS)
    born_at = _column(header or [], BIRTH_DATE_COLUMNS)
    if identifier_at is None or born_at is None:
        reading.problem(1, _("The first line must name the columns: identifier (or cnp) and birth_date."))
        return reading
    line = 1
    try:
        for row in rows:
            line += 1
            if not any(cell.strip() for cell in row):
                continue
            reading.lines += 1
            if len(row) <= max(identifier_at, born_at):
                reading.problem(line, _("Too few columns."))
                continue
            identifier, born = row[identifier_at], parse_date(row[born_at])
            if not valid_identifier(identifier):
                reading.problem(line, _("The identifier is empty, too long or has characters other than "
                                        "letters and digits."))
                continue
            if born is None:
                reading.problem(line, _("The birth date is not a date (YYYY-MM-DD or DD.MM.YYYY)."))
                continue
            digest = census_digest(identifier, born)
            if digest in reading.digests:
                reading.duplicates += 1
            reading.digests.add(digest)
    except csv.Error:
        reading.problem(line, _("The line cannot be read as CSV."))
    if not reading.problem_count and not reading.digests:
        reading.problem(0, _("The file lists no resident."))
    return reading
