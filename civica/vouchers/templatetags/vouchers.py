"""``{{ value|amount:programme.unit }}``: an amount in lei or entries (amounts.py)."""

from django import template

from ..amounts import amount_text
from ..figures import month_label

register = template.Library()


@register.filter(name="amount")
def amount_filter(value, unit):
    return amount_text(value, unit)


@register.filter(name="month_label")
def month_label_filter(value):
    """``{{ statement.month|month_label }}``: "Jun 2021"."""
    return month_label(value) if value else ""
