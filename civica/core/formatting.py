"""Numbers, money and short dates in the active locale's format (Romanian: ``11.155.779,75 lei``,
``6 nov. 2026``; English: ``11,155,779.75 lei``, ``6 Nov 2026``); the ``money``, ``decimal`` and
``short_date`` template filters use them. Number formats per language are in ``config/formats/``. The
machine-readable value of a ``<time datetime>`` (``html_datetime``) is here too."""

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


def html_datetime(value, precision: str = "") -> str:
    """The value of a ``<time datetime="…">`` attribute that the HTML standard accepts: a date
    (``2026-11-06``) as it is, a moment on the site's clock to the second with its offset
    (``2026-11-06T14:30:05+02:00``: HTML allows at most three digits of a second, Python's
    ``isoformat()`` and Django's ``date:"c"`` write six). ``precision`` "day" or "month" keeps only the
    day (``2026-11-06``) or the month (``2026-11``), for what is known no closer."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        if not precision:
            return value.isoformat(timespec="seconds")
        value = value.date()
    if precision == "month":
        return f"{value:%Y-%m}"
    return value.isoformat()
