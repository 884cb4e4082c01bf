import calendar
import datetime

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from civica.accountability.models import LEVEL_SYMBOLS, Level
from civica.core.formatting import format_decimal
from civica.core.i18n import active_language

register = template.Library()


@register.inclusion_tag("accountability/_level.html")
def level_badge(level):
    """The assessment level as a badge with its words and a symbol (never colour alone)."""
    if not level:
        return {"level": None}
    return {"level": level, "label": Level(level).label, "symbol": LEVEL_SYMBOLS[Level(level)]}


@register.filter
def month_name(number):
    return formats.date_format(datetime.date(2000, int(number), 1), "F")


@register.filter
def in_months(activity, month):
    return int(month) in getattr(activity, "months", set())


@register.filter
def percent(value):
    return "" if value is None else f"{round(float(value) * 100)}%"


def _whole_months(start, end):
    return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]


def format_period(start, end):
    """A period in the active language's words: "October 2021", "1–10 October 2021",
    "June – October 2021", "8 April – 30 May 2021"."""
    def fmt(day, pattern):
        return formats.date_format(day, pattern)

    if (start.year, start.month) == (end.year, end.month):
        if _whole_months(start, end):
            return fmt(start, "F Y")
        if start == end:
            return fmt(start, "j F Y")
        return f"{start.day}–{end.day} {fmt(start, 'F Y')}"
    if _whole_months(start, end):
        first = fmt(start, "F") if start.year == end.year else fmt(start, "F Y")
        return f"{first} – {fmt(end, 'F Y')}"
    first = fmt(start, "j F") if start.year == end.year else fmt(start, "j F Y")
    return f"{first} – {fmt(end, 'j F Y')}"


@register.filter
def period(activity):
    """An activity's implementation period. Romanian shows it as the plan writes it; another language
    shows the dates read from it, in its own month names, or the words as written, marked Romanian."""
    text = activity.period_text
    if active_language() == "ro":
        return text
    start, end = getattr(activity, "start", None), getattr(activity, "end", None)
    if start and end:
        return format_period(start, end)
    if text:
        return format_html('<span lang="ro">{}</span> <span class="meta">({})</span>', text, _("in Romanian"))
    return ""


def _takes_de(number: int) -> bool:
    """Romanian puts "de" between a number and its noun from 20 on ("20 de campanii", "3.000 de prieteni"),
    except when the number ends in 01–19 ("101 campanii")."""
    rest = abs(number) % 100
    return number != 0 and (rest == 0 or rest >= 20)


@register.filter
def with_unit(value, indicator):
    """A number of an indicator with its unit agreeing: "1 campanie", "3 campanii", "3.000 de prieteni";
    "1 campaign", "3 campaigns". The unit is the indicator's in the active language, Romanian if none."""
    language = active_language()
    if not getattr(indicator, f"unit_{language}", ""):
        language = "ro"
    plural = getattr(indicator, f"unit_{language}")
    singular = getattr(indicator, f"unit_one_{language}", "") or plural
    number = format_decimal(value, 0)
    whole = int(value) if value is not None and value == int(value) else None
    if whole == 1:
        return f"{number} {singular}"
    if language == "ro" and whole is not None and _takes_de(whole):
        return f"{number} de {plural}"
    return f"{number} {plural}"
