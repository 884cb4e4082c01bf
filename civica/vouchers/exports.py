"""The vouchers' documents and downloads (issue 22, point 7).

- ``statement_html(statement, lines)`` / ``statement_xlsx(statement, lines)``: a settlement statement as a
  document (A4, WeasyPrint through ``queue.responses.pdf_response``, styled by ``css/document.css``) and as
  a workbook (``core.exports.workbook``: text stays text, never a formula). Each line: date, offer, amount,
  the voucher's code masked; never the beneficiary. Written in the reader's language.
- ``figures_rows(programme)`` / ``figures_csv`` / ``figures_xlsx``: the programme's published figures
  (``figures.published``: a withheld cell is an empty value with its reason) as open data, CC BY 4.0."""

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core.exports import csv_writer, workbook
from civica.core.templatetags.civica import inline_static

from . import figures

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAME = "CC BY 4.0"
FIGURE_COLUMNS = ["programme", "figure", "breakdown", "group", "beneficiaries", "value", "unit", "note"]


def statement_html(statement, lines) -> str:
    return render_to_string("vouchers/statement_document.html", {
        "statement": statement, "programme": statement.programme, "lines": lines,
        "style": inline_static("css/document.css"), "made_at": timezone.now(),
    })


def statement_xlsx(statement, lines) -> bytes:
    """One sheet: a heading block, then one row a line (amounts as numbers), then the totals."""
    target = io.BytesIO()
    book = workbook(target, {"in_memory": True})
    sheet = book.add_worksheet(_("Statement")[:31])
    bold = book.add_format({"bold": True})
    money = book.add_format({"num_format": "#,##0.00"})
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    unit = statement.programme.get_unit_display()
    heading = [
        (_("Settlement statement"), str(statement.programme.translated("name"))),
        (_("Venue"), statement.venue.name),
        (_("Month"), statement.month.strftime("%Y-%m")),
        (_("Status"), statement.status_label()),
        (_("Unit"), str(unit)),
    ]
    if statement.is_fictional:
        heading.append((_("Fictional (demo)"), _("yes")))
    for row, (name, value) in enumerate(heading):
        sheet.write(row, 0, name, bold)
        sheet.write_string(row, 1, value)
    first = len(heading) + 1
    sheet.write_row(first, 0, [_("Date"), _("Offer"), _("Voucher"), _("Amount"), _("Note")], bold)
    row = first
    for row, line in enumerate(lines, start=first + 1):
        sheet.write_datetime(row, 0, timezone.localtime(line.when).replace(tzinfo=None), when)
        sheet.write_string(row, 1, str(line.offer.translated("title")))
        sheet.write_string(row, 2, line.code)
        sheet.write_number(row, 3, float(line.amount), money)
        sheet.write_string(row, 4, _("Reversal: %(reason)s") % {"reason": line.note} if line.is_reversal else "")
    row += 2
    for name, value in ((_("Redemptions"), statement.reimbursed), (_("Reversals deducted"), -statement.deducted),
                        (_("To reimburse"), statement.net)):
        sheet.write(row, 2, name, bold)
        sheet.write_number(row, 3, float(value), money)
        row += 1
    sheet.set_column(0, 0, 17)
    sheet.set_column(1, 1, 40)
    sheet.set_column(2, 2, 24)
    sheet.set_column(3, 3, 12)
    sheet.set_column(4, 4, 40)
    book.close()
    return target.getvalue()


def figures_rows(programme) -> list[list]:
    """The published figures as rows of ``FIGURE_COLUMNS`` (values as numbers, None when withheld)."""
    shown = figures.published(programme)
    name = programme.translated("name")
    unit_of = {"redeemed": str(programme.get_unit_display()), "issued": _("vouchers")}
    labels = {"redeemed": _("Redeemed"), "issued": _("Vouchers issued")}
    rows = []
    for figure in ("redeemed", "issued"):
        cells = []
        if shown[figure]["total"] is not None:
            cells.append(("", "", shown[figure]["total"]))
        cells += [(_("month"), cell.label.strftime("%Y-%m"), cell) for cell in shown[figure]["by_month"]]
        cells += [(_("venue"), cell.label, cell) for cell in shown[figure].get("by_venue", [])]
        for breakdown, group, cell in cells:
            rows.append([name, str(labels[figure]), str(breakdown), group, cell.people,
                         None if cell.amount is None else float(cell.amount), unit_of[figure],
                         figures.withheld_text() if cell.withheld else ""])
    return rows


def figures_csv(programme, target) -> None:
    writer = csv_writer(target)
    writer.writerow(FIGURE_COLUMNS)
    writer.writerows(["" if cell is None else cell for cell in row] for row in figures_rows(programme))


def figures_xlsx(programme) -> bytes:
    target = io.BytesIO()
    book = workbook(target, {"in_memory": True})
    data = book.add_worksheet("data")
    data.write_row(0, 0, FIGURE_COLUMNS)
    for number, row in enumerate(figures_rows(programme), start=1):
        for column, cell in enumerate(row):
            if cell is None:
                data.write_blank(number, column, None)
            else:
                data.write(number, column, cell)
    about = book.add_worksheet("about")
    for number, pair in enumerate((("programme", programme.translated("name")), ("license", LICENCE_URL),
                                   ("fictional", "yes" if programme.is_fictional else "no"),
                                   ("threshold", f"{figures.MIN_BENEFICIARIES} beneficiaries"))):
        about.write_row(number, 0, pair)
    book.close()
    return target.getvalue()

