"""A voucher's QR code and printed card.

- ``qr_svg(voucher)``: the QR code (segno, SVG) of the voucher's own page (``/<lang>/vouchers/v/<code>/``, in
  the beneficiary's language): a phone's camera opens it; venue staff signed in get the button that
  takes the code to their redemption page. The code is printed under it for typing.
- ``card_html(voucher)`` / ``card_pdf(voucher)``: one holder's card, A6 (105 × 148 mm), two pages — the
  front with the programme, the code, the QR code, the value and the expiry; the back with the offers and
  venues that accept it today — in the beneficiary's language, rendered by WeasyPrint as a tagged PDF
  (PDF/UA: a screen reader reads it). The view serves it through ``queue.responses.pdf_response``
  (rendered on a worker once per version of its HTML, then kept); the e-mail attaches ``card_pdf``.
- ``part_pdf(vouchers, programme=, language=)``: a part of a bulk issue, many cards in one PDF for a print
  shop's A6 stock, rendered by the task queue (``tasks.render_bulk_cards``) with reportlab
  (``print_cards``): WeasyPrint lays out every page (54 ms of CPU a card), which made 10,000 cards nine
  minutes of two workers; the print run draws the part shared by every card once and each card's own
  lines and QR code (about 2 ms of CPU a card, half of it segno's QR code). A print shop's sheets need no
  tags; the holder's own copy does, which is why the single card stays with WeasyPrint.

What a card says comes from ``card_content`` for both (``sheet`` and ``cards_of``): the renderers only
place its strings."""

import io

import segno
from django.template.loader import render_to_string
from django.utils import translation

from civica.core.templatetags.civica import inline_static
from civica.queue import documents

from . import print_cards, selectors
from .card_content import cards_of, language_of, sheet, voucher_url


def qr_svg(voucher, *, scale: int = 4, language=None) -> str:
    buffer = io.BytesIO()
    segno.make(voucher_url(voucher, language), error="m").save(
        buffer, kind="svg", scale=scale, xmldecl=False, svgns=True, title=voucher.display_code)
    return buffer.getvalue().decode()


def qr_data_uri(url: str) -> str:
    """The card's QR code as a PNG of about 290 dpi at the card's 40 mm: WeasyPrint lays a PNG out about
    three times faster than the SVG's hundreds of squares (bench/README.md, "Bulk issue")."""
    return segno.make(url, error="m").png_data_uri(scale=10)


def card_html(voucher) -> str:
    language = language_of(voucher)
    content = sheet(voucher.programme, selectors.offers_for(voucher.programme), language)
    [card] = cards_of([voucher], language)
    with translation.override(language):
        return render_to_string("vouchers/card.html", {
            "sheet": content, "card": card, "qr": qr_data_uri(card.url),
            "style": inline_static("css/voucher-card.css"), "language": language,
        })


def card_pdf(voucher) -> bytes:
    return documents.render_pdf(card_html(voucher))


def part_pdf(vouchers, *, programme, language: str) -> bytes:
    """One PDF of the cards of ``vouchers`` (all of ``programme``), in ``language``, for the print shop."""
    return print_cards.cards_pdf(sheet(programme, selectors.offers_for(programme), language),
                                 cards_of(vouchers, language))
