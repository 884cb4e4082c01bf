"""``{% load charts %}``: the server-drawn SVG charts of civica/core/charts.py as template tags
(``bar_chart``, ``compare_chart``, ``column_chart``, ``line_chart``, ``range_chart``; the same arguments,
given by name)."""

from django import template

from civica.core import charts

register = template.Library()


@register.simple_tag(name="bar_chart")
def bar_chart_tag(rows, **options):
    return charts.bar_chart(rows, **options)


@register.simple_tag(name="compare_chart")
def compare_chart_tag(rows, **options):
    return charts.compare_chart(rows, **options)


@register.simple_tag(name="column_chart")
def column_chart_tag(points, **options):
    return charts.column_chart(points, **options)


@register.simple_tag(name="line_chart")
def line_chart_tag(series, **options):
    return charts.line_chart(series, **options)


@register.simple_tag(name="range_chart")
def range_chart_tag(rows, **options):
    return charts.range_chart(rows, **options)
