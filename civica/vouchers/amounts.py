"""An amount in a programme's unit, as people read it: "30,00 lei" or "2 entries" (three plural forms in
Romanian, through ngettext)."""

from decimal import Decimal

from django.utils.translation import ngettext

from civica.core.formatting import format_decimal, format_money

from .models import Unit


def amount_text(value, unit: str) -> str:
    if value is None:
        return ""
    if unit == Unit.ENTRIES:
        value = Decimal(value)
        if value == value.to_integral_value():
            count = int(value)
            return ngettext("%(count)s entry", "%(count)s entries", count) % {"count": count}
        return ngettext("%(count)s entry", "%(count)s entries", 2) % {"count": format_decimal(value)}
    return format_money(value)
