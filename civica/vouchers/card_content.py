"""What a voucher's card says, as plain data: the one source of both card renderers.

A card has two kinds of content:

- ``Sheet``: what every card of a programme says in a language — the organisation, the programme, the
  labels, the advice, and the back's offers and venues (at most ``OFFERS_ON_A_CARD``). The same for all
  the cards of a print run, so the print-shop renderer draws it once per document.
- ``Card``: what one voucher's card says — its code as printed (display form), the address its QR code
  opens, its value, expiry and (for a beneficiary's card) the reference.

``sheet(programme, offers, language)`` and ``cards_of(vouchers, language)`` build them with every text
translated into the card's language and every amount and date formatted as that language writes them;
the renderers only place these strings: ``cards.card_html`` (the HTML a single card's WeasyPrint PDF is
made from: ``vouchers/_card.html``) and ``print_cards.cards_pdf`` (the print shop's PDF of a bulk issue's
part, drawn with reportlab). Neither chooses a text, an offer or a language, so the two cannot drift."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from civica.core.formatting import format_short_date

from .amounts import amount_text

ORGANISATION = "Centrul Cultural Clujean"  # a proper name: the same in every language
OFFERS_ON_A_CARD = 8


@dataclass(frozen=True)
class OfferLine:
    title: str
    place: str  # the venue, with its address when it has one
    terms: str  # the price, and until when


@dataclass(frozen=True)
class Sheet:
    language: str
    organisation: str
    heading: str
    programme: str
    fictional_label: str
    qr_label: str
    value_label: str
    expiry_label: str
    reference_label: str
    advice: str
    offers_heading: str
    offers: tuple[OfferLine, ...]
    offers_note: str  # "more on the voucher's page", or "the offers are on the page" when none is listed
    balance_label: str


@dataclass(frozen=True)
class Card:
    code: str  # as printed: groups of four
    url: str  # the holder's page, which the QR code opens
    value: str
    expires: str
    reference: str  # a beneficiary's card only
    is_fictional: bool


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


def sheet(programme, offers, language: str) -> Sheet:
    """What the cards of ``programme`` say in ``language``; ``offers`` are those usable today (the
    first ``OFFERS_ON_A_CARD`` are listed)."""
    offers = list(offers[:OFFERS_ON_A_CARD + 1])
    with translation.override(language):
        listed = tuple(_offer_line(offer, programme.unit) for offer in offers[:OFFERS_ON_A_CARD])
        if not listed:
            note = _("The offers are on the voucher's page.")
        elif len(offers) > OFFERS_ON_A_CARD:
            note = _("More offers on the voucher's page.")
        else:
            note = ""
        return Sheet(
            language=language, organisation=ORGANISATION, heading=_("Cultural voucher"),
            programme=programme.translated("name"), fictional_label=_("Fictional (demo)"),
            qr_label=_("QR code of the voucher"), value_label=_("Value"), expiry_label=_("Valid until"),
            reference_label=_("Reference"),
            advice=_("Show this card at the venue. Keep the code to yourself: whoever has it can use the voucher."),
            offers_heading=_("Where to use it"), offers=listed, offers_note=note,
            balance_label=_("Balance and offers:"))


def _offer_line(offer, unit) -> OfferLine:
    venue = offer.venue
    terms = amount_text(offer.price, unit)
    if offer.ends_on:
        terms += ", " + _("until %(date)s") % {"date": format_short_date(offer.ends_on)}
    return OfferLine(title=offer.translated("title"),
                     place=f"{venue.name}, {venue.address}" if venue.address else venue.name, terms=terms)


def cards_of(vouchers, language: str) -> list[Card]:
    """The cards of ``vouchers`` (of one programme) in ``language``."""
    with translation.override(language):
        return [_card(voucher, language) for voucher in vouchers]


def _card(voucher, language) -> Card:
    return Card(code=voucher.display_code, url=voucher_url(voucher, language),
                value=amount_text(voucher.value, voucher.programme.unit),
                expires=format_short_date(voucher.expires_on),
                reference=voucher.beneficiary.reference if voucher.beneficiary_id else "",
                is_fictional=voucher.is_fictional)
