"""The print shop's cards of a bulk issue (``print_cards``, reportlab) and what both card renderers say
(``card_content``): A6, two pages a card, in the issue's language with Romanian diacritics as text, the
code as printed, the offers and venues, and a QR code whose drawn modules are segno's."""

import io
from decimal import Decimal
from html import unescape

import pikepdf
import pytest
from pypdf import PdfReader

from civica.vouchers import card_content, cards, print_cards, selectors, services
from civica.vouchers.tests.factories import OfferFactory, VenueFactory, issued, programme_staff, setting

pytestmark = pytest.mark.django_db


def _bulk(count=3, language="ro"):
    programme, venue, offer = setting(voucher_value=Decimal("50"), budget=Decimal(50 * count),
                                      name_ro="Vouchere pentru țesătorii și artiști",
                                      name_en="Vouchers for weavers and artists")
    offer.title_ro, offer.title_en = "Atelier de țesut", "Weaving workshop"
    offer.save()
    batch = services.bulk_issue(programme=programme, count=count, purpose="Card test", language=language,
                                by=programme_staff(programme))
    vouchers = list(batch.vouchers.select_related("programme", "bulk_issue").order_by("pk"))
    return programme, vouchers


def _drawn_qr(page) -> list[list[int]]:
    """The QR code's modules as the page draws them: the ``re`` operators after the module-scaled ``cm``."""
    matrix, inside = {}, False
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name == "cm" and float(operands[3]) < 0:
            inside = True
        elif inside and name == "re":
            column, row, length = (int(float(value)) for value in operands[:3])
            for offset in range(length):
                matrix[row, column + offset] = 1
        elif inside and name == "f":
            break
    size = max(row for row, _column in matrix) + 1
    return [[matrix.get((row, column), 0) for column in range(size)] for row in range(size)]


def test_a_part_prints_each_card_on_two_a6_pages_in_the_issues_language_with_diacritics():
    programme, vouchers = _bulk()
    pdf = cards.part_pdf(vouchers, programme=programme, language="ro")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2 * len(vouchers)
    width, height = (float(value) for value in reader.pages[0].mediabox[2:])
    assert round(width / 72 * 25.4) == 105 and round(height / 72 * 25.4) == 148
    for index, voucher in enumerate(vouchers):
        front = reader.pages[2 * index].extract_text()
        back = reader.pages[2 * index + 1].extract_text()
        assert voucher.display_code in front and "Voucher cultural" in front
        assert "Vouchere pentru țesătorii și artiști" in front and "Valabil până la" in front
        assert "Unde îl puteți folosi" in back and "Atelier de țesut" in back and "Strada Exemplu 1" in back
        assert f"/ro/vouchers/v/{voucher.code}/" in back


def test_the_drawn_qr_code_is_segnos_code_of_the_vouchers_page():
    programme, vouchers = _bulk(count=2, language="en")
    pdf = pikepdf.open(io.BytesIO(cards.part_pdf(vouchers, programme=programme, language="en")))
    for index, voucher in enumerate(vouchers):
        url = card_content.voucher_url(voucher, "en")
        assert "/en/vouchers/v/" in url
        expected = [list(row) for row in print_cards.qr_matrix(url)]
        assert _drawn_qr(pdf.pages[2 * index]) == expected


def test_the_holders_card_and_the_print_shops_say_the_same():
    programme, venue, _offer = setting()
    for number in range(card_content.OFFERS_ON_A_CARD + 1):  # one more than a card lists
        OfferFactory(venue=venue, programmes=[programme], title_en=f"Extra {number}")
    voucher = issued(programme, language="en")
    html = unescape(cards.card_html(voucher))
    [card] = card_content.cards_of([voucher], "en")
    sheet = card_content.sheet(programme, selectors.offers_for(programme), "en")
    printed = PdfReader(io.BytesIO(print_cards.cards_pdf(sheet, [card])))
    text = "\n".join(page.extract_text() for page in printed.pages)
    assert len(sheet.offers) == card_content.OFFERS_ON_A_CARD and sheet.offers_note
    for words in (card.code, card.value, card.expires, card.reference, sheet.offers_note,
                  *(offer.title for offer in sheet.offers)):
        assert words in html and words in text
    assert "Reference" in html and "Reference" in text


def test_a_sheet_without_offers_says_where_they_are():
    programme = setting()[0]
    programme.venues.clear()
    programme.venues.add(VenueFactory())
    sheet = card_content.sheet(programme, [], "en")
    assert sheet.offers == () and sheet.offers_note == "The offers are on the voucher's page."


def test_dark_runs_cover_exactly_the_dark_modules():
    matrix = ((1, 1, 0, 1), (0, 0, 0, 0), (1, 0, 1, 1))
    assert print_cards.dark_runs(matrix) == [(0, 0, 2), (0, 3, 1), (2, 0, 1), (2, 2, 2)]
