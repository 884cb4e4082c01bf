import datetime

from django import template
from django.utils import formats

from civica.accountability.models import LEVEL_SYMBOLS, Level

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
