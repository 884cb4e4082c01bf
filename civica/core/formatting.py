"""Numbers and money in the active locale's format (11.155.779,75 lei in Romanian)."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _


def format_decimal(value, decimal_places: int = 2) -> str:
    if value is None or value == "":
        return ""
    return number_format(Decimal(value), decimal_places, use_l10n=True, force_grouping=True)


def format_money(value, decimal_places: int = 2) -> str:
    if value is None or value == "":
        return ""
    # Translators: an amount of money in Romanian lei, e.g. "11.155.779,75 lei".
    return _("%(amount)s lei") % {"amount": format_decimal(value, decimal_places)}
