"""Every CSV and XLSX the site exports goes through here, so that text typed by anyone
(an applicant's title, a poll answer, a workshop note) stays text in a spreadsheet.

- XLSX: :func:`workbook` turns off xlsxwriter's conversion of strings to formulas (and to links);
  a title "=HYPERLINK(…)" is written as the text it is.
- CSV: spreadsheet programs run a cell starting with ``= + - @``, a tab or a carriage return as a
  formula; :func:`safe_cell` puts an apostrophe before such text (OWASP's advice), and
  :func:`csv_writer` does it for every cell. Numbers are left alone (``-5`` stays a number).
"""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False}


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvWriter:
    """``csv.writer`` whose cells go through :func:`safe_cell`."""

    def __init__(self, target, **options):
        self._writer = csv.writer(target, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(target, **options) -> SafeCsvWriter:
    return SafeCsvWriter(target, **options)


def workbook(target, options=None):
    """An ``xlsxwriter.Workbook`` that writes every string as a string."""
    import xlsxwriter

    return xlsxwriter.Workbook(target, {**(options or {}), **WORKBOOK_OPTIONS})
