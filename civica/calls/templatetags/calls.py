import datetime
from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import date_format

from civica.calls.application_form import TABLE_ROWS, TEAM_ROWS
from civica.core.formatting import format_decimal, format_money

register = template.Library()


@register.simple_tag
def table_rows(form, field):
    """The bound fields of a budget table or a team list, one tuple a row."""
    if field.kind == "budget_table":
        return [(form[f"{field.key}__item_{row}"], form[f"{field.key}__amount_{row}"]) for row in range(TABLE_ROWS)]
    return [(form[f"{field.key}__name_{row}"], form[f"{field.key}__role_{row}"]) for row in range(TEAM_ROWS)]


@register.filter
def get_bound(form, name):
    return form[name]


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def join_if_list(value):
    return "; ".join(str(item) for item in value) if isinstance(value, list) else value


@register.filter
def is_blank(value):
    """An answer left empty: nothing, an empty text or an empty list (shown as "—", never "None")."""
    return value is None or value == "" or value == []


def _decimal(value):
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


@register.filter
def answer_display(value, kind=""):
    """A stored answer as a reader expects it, in the page's language: amounts "25.000 lei",
    dates "1 februarie 2027" (Romanian) or "1 February 2027" (English), lists joined. A value
    kept as typed in a draft that is not what its kind expects is shown as typed."""
    if is_blank(value) or value == "None":
        return "—"
    if kind == "declaration":
        return "✓" if value is True else str(value)
    if kind in ("money", "number"):
        number = _decimal(value)
        if number is not None:
            places = 0 if number == number.to_integral_value() else 2
            return format_money(number, places) if kind == "money" else format_decimal(number, places)
    if kind == "date" and isinstance(value, str):
        try:
            return date_format(datetime.date.fromisoformat(value), "j F Y")
        except ValueError:
            pass
    return join_if_list(value)
