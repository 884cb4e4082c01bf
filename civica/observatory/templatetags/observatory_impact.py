"""``{% impact_chart impact %}``: the impact platform's chart of one indicator (``impact_chart``)."""

from django import template

from civica.observatory.impact_chart import impact_chart as draw

register = template.Library()


@register.simple_tag
def impact_chart(impact):
    return draw(impact)
