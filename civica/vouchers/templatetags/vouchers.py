"""``{{ value|amount:programme.unit }}``: an amount in lei or entries (amounts.py)."""

from django import template

from ..amounts import amount_text

register = template.Library()


@register.filter(name="amount")
def amount_filter(value, unit):
    return amount_text(value, unit)
