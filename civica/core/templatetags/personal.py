"""``{% personal "name" arg … %}``: where a part that belongs to one person goes (core/personal_parts.py)."""

from django import template

from civica.core.personal_parts import mark

register = template.Library()


@register.simple_tag
def personal(name, *args):
    return mark(name, *args)
