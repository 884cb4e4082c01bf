"""A voucher's QR code and printed card.

- ``qr_svg(voucher)``: the QR code (segno, SVG) of the voucher's own page (``/<lang>/vouchers/v/<code>/``, in
  the beneficiary's language): a phone's camera opens it; venue staff signed in get the button that
  takes the code to their redemption page. The code is printed under it for typing.
- ``card_html(voucher)`` / ``card_pdf(voucher)``: the card, A6 (105 × 148 mm), two pages — the front with
  the programme, the code, the QR code, the value and the expiry; the back with the offers and venues
  that accept it today — in the beneficiary's language. The view serves it through
  ``queue.responses.pdf_response`` (rendered on a worker once per version of its HTML, then kept); the
  e-mail attaches ``card_pdf``.
- ``cards_html(vouchers, language)``: many cards in one document (a part of a bulk issue, to print on a
  print shop's A6 stock), rendered by the task queue (``tasks.render_bulk_cards``)."""

import io

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from civica.core.templatetags.civica import inline_static
from civica.queue import documents

from . import selectors


def language_of(voucher) -> str:
    """The card's language: the beneficiary's, else the bulk issue's, else the site's."""
    if voucher.beneficiary_id:
        return voucher.beneficiary.language
    if voucher.bulk_issue_id:
        return voucher.bulk_issue.language
    return settings.LANGUAGE_CODE


def voucher_url(voucher, language=None) -> str:
    language = language or language_of(voucher)
    with translation.override(language):
        return settings.CIVICA_BASE_URL + reverse("vouchers:mine", args=[voucher.code])


def qr_svg(voucher, *, scale: int = 4, language=None) -> str:
    buffer = io.BytesIO()
    segno.make(voucher_url(voucher, language), error="m").save(
        buffer, kind="svg", scale=scale, xmldecl=False, svgns=True, title=voucher.display_code)
    return buffer.getvalue().decode()


def qr_data_uri(voucher, *, language=None) -> str:
    """The card's QR code as a PNG of about 290 dpi at the card's 40 mm: WeasyPrint lays a PNG out about
    three times faster than the SVG's hundreds of squares (bench/README.md, "Bulk issue"), which counts
    when a bulk issue prints thousands."""
    return segno.make(voucher_url(voucher, language), error="m").png_data_uri(scale=10)


def card_html(voucher) -> str:
    language = language_of(voucher)
    with translation.override(language):
        return render_to_string("vouchers/card.html", {
            "voucher": voucher, "programme": voucher.programme, "qr": qr_data_uri(voucher, language=language),
            "offers": selectors.offers_for(voucher.programme), "url": voucher_url(voucher, language),
            "style": inline_static("css/voucher-card.css"), "language": language,
        })


def cards_html(vouchers, *, programme, language: str) -> str:
    """One document of the cards of ``vouchers`` (all of ``programme``), in ``language``."""
    with translation.override(language):
        return render_to_string("vouchers/cards.html", {
            "cards": [{"voucher": voucher, "qr": qr_data_uri(voucher, language=language),
                       "url": voucher_url(voucher, language)} for voucher in vouchers],
            "programme": programme, "offers": list(selectors.offers_for(programme)),
            "style": inline_static("css/voucher-card.css"), "language": language,
        })


def card_pdf(voucher) -> bytes:
    return documents.render_pdf(card_html(voucher))
