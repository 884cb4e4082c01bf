"""The print shop's voucher cards: many A6 cards (front and back) in one PDF, drawn with reportlab.

A bulk issue's part holds ``BulkIssue.CARDS_PER_PART`` cards of one programme in one language, so all
that its cards have in common — on the front the organisation, the heading, the programme, the labels and
the advice; on the back the offers and venues — is laid out once, as two form XObjects (``front``,
``back``) that every page shows by reference. Each card then draws only its own: the QR code, the code as
printed, the value, the expiry (and a reference, a demo mark when it has one), and on the back the
address of its page. Measures follow ``static/css/voucher-card.css`` (the holder's WeasyPrint card):
A6, 8 mm margins, the QR code 40 mm wide, DejaVu Sans (vendored in ``static/fonts/dejavu``, with its
licence, and embedded as subsets: Romanian's ș ț ă î â print on any printer).

The QR code is drawn as vector rectangles, one a run of dark modules in a row, straight from segno's
matrix, with its quiet zone (4 modules) inside the 40 mm. Its mask is fixed (``QR_MASK``): segno otherwise scores all
eight masks for each code (3.6 ms against 0.7 ms); every mask is a valid code that readers decode, the
scoring only avoids patterns that are harder to read on poor prints, which a laser-printed card does
not need. The page's own content is a few hundred short operators, compressed. The back lists at most
``card_content.OFFERS_ON_A_CARD`` offers; what would not fit its frame (very long titles) is left off, the
card's address under it leads to them all.

What the cards say (which texts, offers and language) comes from ``card_content``: ``cards_pdf`` takes its
``Sheet`` and ``Card``s and places them."""

import io
import re
from functools import cache
from xml.sax.saxutils import escape

import segno
from django.contrib.staticfiles import finders
from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph

from .card_content import Card, Sheet

WIDTH, HEIGHT = 105 * mm, 148 * mm  # A6
MARGIN = 8 * mm
INNER = WIDTH - 2 * MARGIN
CENTRE = WIDTH / 2
QR_SIZE = 40 * mm
QR_BORDER = 4  # modules of quiet zone around the symbol, inside QR_SIZE (as the holder's card and the standard)
QR_MASK = 0
ACCENT = HexColor("#8a1c3b")
SMALL_GREY = HexColor("#333333")

_DARK = re.compile(b"\x01+")

SANS, SANS_BOLD, MONO_BOLD = "CardSans", "CardSans-Bold", "CardSansMono-Bold"
FONT_FILES = {SANS: "fonts/dejavu/DejaVuSans.ttf", SANS_BOLD: "fonts/dejavu/DejaVuSans-Bold.ttf",
              MONO_BOLD: "fonts/dejavu/DejaVuSansMono-Bold.ttf"}


@cache
def _set_up() -> None:
    # Streams compressed but not also ASCII85-armoured: reportlab's armour is pure Python and was the
    # largest cost of a part (1.6 ms a card); a binary PDF is what every printer takes. Civica draws no
    # other PDF with reportlab, so the process-wide setting changes nothing else.
    rl_config.useA85 = 0
    for name, path in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, finders.find(path)))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)


def qr_matrix(url: str) -> tuple[tuple[int, ...], ...]:
    """The QR code's modules, a row a tuple (1 dark), without the quiet zone: what the card draws."""
    return segno.make(url, error="m", mask=QR_MASK).matrix


def dark_runs(matrix) -> list[tuple[int, int, int]]:
    """``(row, column, length)`` of each horizontal run of dark modules."""
    return [(row, run.start(), run.end() - run.start())
            for row, modules in enumerate(matrix) for run in _DARK.finditer(bytes(modules))]


def _qr_operators(url: str, *, left: float, top: float) -> str:
    """The PDF operators that fill the QR code's dark runs, in module units (row 0 at ``top``)."""
    matrix = qr_matrix(url)
    module = QR_SIZE / (len(matrix) + 2 * QR_BORDER)
    origin_x, origin_y = left + QR_BORDER * module, top - QR_BORDER * module
    rectangles = " ".join(f"{column} {row} {length} 1 re" for row, column, length in dark_runs(matrix))
    return f"q 0 g {module:.4f} 0 0 {-module:.4f} {origin_x:.3f} {origin_y:.3f} cm {rectangles} f Q"


class _Layout:
    """Where the front's lines go for this sheet (the programme's name may take several lines)."""

    def __init__(self, sheet: Sheet):
        y = HEIGHT - MARGIN - 8.5
        self.organisation = y
        y -= 2 * mm + 15
        self.heading = y
        self.programme_lines = simpleSplit(sheet.programme, SANS, 10, INNER)
        self.programme = []
        y -= 1 * mm
        for _line in self.programme_lines:
            y -= 13.5
            self.programme.append(y)
        y -= 2 * mm + 11
        self.fictional = y
        y -= 3
        self.qr_top = y
        y -= QR_SIZE + 1 * mm + 11
        self.code = y
        y -= 2 * mm + 11.5
        self.rows = [y, y - 11.5, y - 23]  # value, expiry, reference
        self.advice_top = self.rows[2] - 2 * mm - 9.5
        self.advice_lines = simpleSplit(sheet.advice, SANS, 7, INNER)


def _draw_front_form(canvas: Canvas, sheet: Sheet, layout: _Layout) -> None:
    canvas.beginForm("front")
    canvas.setFillColor(ACCENT)
    canvas.setFont(SANS_BOLD, 8.5)
    canvas.drawCentredString(CENTRE, layout.organisation, sheet.organisation)
    canvas.setFillColor("black")
    canvas.setFont(SANS_BOLD, 15)
    canvas.drawCentredString(CENTRE, layout.heading, sheet.heading)
    canvas.setFont(SANS, 10)
    for line, y in zip(layout.programme_lines, layout.programme, strict=True):
        canvas.drawCentredString(CENTRE, y, line)
    canvas.setFont(SANS_BOLD, 8.5)
    for label, y in ((sheet.value_label, layout.rows[0]), (sheet.expiry_label, layout.rows[1])):
        canvas.drawRightString(CENTRE - 2 * mm, y, label)
    canvas.setFillColor(SMALL_GREY)
    canvas.setFont(SANS, 7)
    for index, line in enumerate(layout.advice_lines):
        canvas.drawCentredString(CENTRE, layout.advice_top - index * 9.5, line)
    canvas.endForm()


def _draw_back_form(canvas: Canvas, sheet: Sheet) -> None:
    canvas.beginForm("back")
    body = ParagraphStyle("card", fontName=SANS, fontSize=8.5, leading=11.5, spaceAfter=1 * mm, leftIndent=4 * mm,
                          bulletIndent=1 * mm)
    story = [Paragraph(escape(sheet.offers_heading), ParagraphStyle(
        "heading", fontName=SANS_BOLD, fontSize=11, leading=14, spaceAfter=2 * mm))]
    story += [Paragraph(f"<b>{escape(offer.title)}</b> — {escape(offer.place)} ({escape(offer.terms)})", body,
                        bulletText="•") for offer in sheet.offers]
    if sheet.offers_note:
        small = ParagraphStyle("small", parent=body, fontSize=7, leading=9.5, textColor=SMALL_GREY, leftIndent=0)
        story.append(Paragraph(escape(sheet.offers_note), small if sheet.offers else ParagraphStyle(
            "note", parent=body, leftIndent=0)))
    # Above the two lines of the card's own address (drawn per card).
    frame = Frame(MARGIN, MARGIN + 2 * 9.5, INNER, HEIGHT - 2 * MARGIN - 2 * 9.5,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    frame.addFromList(story, canvas)
    canvas.endForm()


def _draw_card(canvas: Canvas, sheet: Sheet, layout: _Layout, card: Card) -> None:
    canvas.doForm("front")
    if card.is_fictional:
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.drawCentredString(CENTRE, layout.fictional, sheet.fictional_label)
    canvas.addLiteral(_qr_operators(card.url, left=CENTRE - QR_SIZE / 2, top=layout.qr_top))
    canvas.setFont(MONO_BOLD, 11)
    canvas.drawCentredString(CENTRE, layout.code, card.code)
    canvas.setFont(SANS, 8.5)
    canvas.drawString(CENTRE + 2 * mm, layout.rows[0], card.value)
    canvas.drawString(CENTRE + 2 * mm, layout.rows[1], card.expires)
    if card.reference:
        canvas.drawString(CENTRE + 2 * mm, layout.rows[2], card.reference)
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.drawRightString(CENTRE - 2 * mm, layout.rows[2], sheet.reference_label)
    canvas.showPage()
    canvas.doForm("back")
    canvas.setFillColor(SMALL_GREY)
    canvas.setFont(SANS, 7)
    canvas.drawString(MARGIN, MARGIN + 9.5, sheet.balance_label)
    canvas.drawString(MARGIN, MARGIN, card.url)
    canvas.showPage()


def cards_pdf(sheet: Sheet, cards: list[Card]) -> bytes:
    """One PDF of ``cards`` (two A6 pages each), all saying ``sheet``."""
    _set_up()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(WIDTH, HEIGHT), pageCompression=1, lang=sheet.language,
                    initialFontName=SANS)
    canvas.setTitle(f"{sheet.heading}: {sheet.programme}")
    layout = _Layout(sheet)
    _draw_front_form(canvas, sheet, layout)
    _draw_back_form(canvas, sheet)
    for card in cards:
        _draw_card(canvas, sheet, layout, card)
    canvas.save()
    return buffer.getvalue()
