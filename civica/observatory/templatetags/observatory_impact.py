"""``{% impact_chart impact %}``: the impact platform's chart of one indicator (``impact.chart``)."""

from django import template

from civica.observatory.impact.chart import impact_chart as draw

register = template.Library()


@register.simple_tag
def impact_chart(impact):
    return draw(impact)
