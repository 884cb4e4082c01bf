"""Numbers, money and short dates in the active locale's format (Romanian: ``11.155.779,75 lei``,
``6 nov. 2026``; English: ``11,155,779.75 lei``, ``6 Nov 2026``); the ``money``, ``decimal`` and
``short_date`` template filters use them. Number formats per language are in ``config/formats/``."""

import datetime
from decimal import Decimal

from django.utils import timezone
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


def format_short_date(value, with_time: bool = False) -> str:
    """A date with its month abbreviated as the language writes it: "6 nov. 2026" / "6 Nov 2026";
    with ``with_time``, a moment on the site's clock: "6 nov. 2026, 14:30"."""
    from civica.core.calendar_names import MONTHS_ABBR

    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = f"{value.day} {MONTHS_ABBR[value.month - 1]} {value.year}"
    if with_time and isinstance(value, datetime.datetime):
        text += f", {value:%H:%M}"
    return text
