"""The observatory's charts, drawn on the server with pygal as accessible SVG markup (no JavaScript).

``line_chart(series, *, title, unit="", decimals=0, small=False, chart_id=None)``
    A time series per group: ``series`` is ``[(name, [(year, value or None), ...]), ...]``. A ``None``
    value (withheld by the disclosure control, or missing) leaves a gap; it is never drawn as 0.
``bar_chart(rows, *, title, unit="", decimals=0, chart_id=None)``
    Horizontal bars, one per ``(label, value or None)`` row (a breakdown's groups in one year).

Both return safe markup: ``<svg role="img" aria-labelledby="…">`` whose ``<title>`` names the chart and
whose ``<desc>`` lists every figure as text (withheld ones said so), with the values printed on the
drawing and each series told apart without colour (its own dash pattern and marker size, named in the
legend). pygal's own ``<style>``, ``<script>`` and tooltips are removed: the Content Security Policy
allows no inline code, so every colour is written as a presentation attribute (also what WeasyPrint
reads in the PDF). The drawing has a ``viewBox`` and scales to its box (``width: 100%``), so it fits a
390 px screen. The same figures' markup is kept per process (``CACHED_CHARTS``). Numbers are formatted
in the active language (``core.formatting``). A chart never stands alone: the templates put its data
table right under it."""

import hashlib
import math
from decimal import Decimal
from functools import lru_cache

import pygal
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from lxml import etree
from pygal.style import Style

from civica.core.formatting import format_decimal

# The tokens' colours (static/css/tokens.css), each with at least 4.5:1 contrast on white.
COLOURS = ("#0b5c6b", "#8a1c3b", "#5b3a8c", "#7a4a00", "#1b1f24", "#2f5d1e")
# Bars are filled with a light tint of their colour (dark text stays readable on them) and outlined.
TINTS = ("#d3e6ea", "#f1d6de", "#e2d9ef", "#f3e3c8", "#e5e7eb", "#dbe9d3")
DASHES = ("", "8,4", "2,3", "10,3,2,3", "4,4", "1,2")
DOT_SIZES = (4, 5, 3.5, 5.5, 3, 6)
INK, LINE, PAPER = "#1b1f24", "#6b7280", "#ffffff"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
WIDTH = 420
# Drawing a chart costs pygal about 15 ms: the markup of the same figures in the same language is kept
# (per process; the page cache keeps whole pages besides).
CACHED_CHARTS = 1024
DESC_ITEMS = 60

_STYLE = Style(background=PAPER, plot_background=PAPER, foreground=INK, foreground_strong=INK,
               foreground_subtle=LINE, colors=COLOURS, font_family=FONT, value_font_size=11,
               label_font_size=11, major_label_font_size=11, legend_font_size=12, title_font_size=14)


def _finite(value) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def shown(value, *, decimals: int = 0, unit: str = "") -> str:
    """A figure as the pages print it: "1.234,5", "12%", "3.000 lei"; "—" when there is none."""
    if not _finite(value):
        return "—"
    text = format_decimal(value, decimals)
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}" if unit else text


def _config(chart_class, *, title, unit, decimals, height, legend):
    def formatter(value):
        return shown(value, decimals=decimals, unit=unit)

    return chart_class(
        js=[], css=[], no_prefix=True, disable_xml_declaration=True, explicit_size=False, style=_STYLE,
        width=WIDTH, height=height, title=title, print_values=True, print_zeroes=True, show_legend=legend,
        legend_at_bottom=True, legend_at_bottom_columns=1, truncate_legend=40, truncate_label=24,
        formatter=formatter, value_formatter=formatter, show_y_guides=True, show_x_guides=False,
        margin=12, margin_right=72, spacing=8, max_scale=6, min_scale=3, allow_interruptions=True,
        include_x_axis=False, no_data_text=_("No figures"))


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _series_index(element) -> int | None:
    for ancestor in (element, *element.iterancestors()):
        for name in _classes(ancestor):
            if name.startswith("color-"):
                return int(name[6:])
    return None


def _paint(svg) -> None:
    """Presentation attributes instead of pygal's stylesheet (see the module's docstring)."""
    for element in svg.iter():
        if not isinstance(element.tag, str):
            continue
        tag, classes, index = etree.QName(element).localname, _classes(element), _series_index(element)
        colour = COLOURS[index % len(COLOURS)] if index is not None else INK
        if tag == "text":
            element.set("fill", INK)
            element.set("font-size", "14" if "title" in classes else "12" if "value" in classes else "11")
            around = set().union(*(_classes(ancestor) for ancestor in element.iterancestors()))
            if "title" in classes:
                element.set("font-weight", "bold")
            if classes & {"title", "centered", "no_data"} or {"axis", "x"} <= around:
                element.set("text-anchor", "middle")
            elif {"axis", "y"} <= around:
                element.set("text-anchor", "end")
            elif element.get("text-anchor") == "left":  # pygal's value labels: not a valid anchor
                element.set("text-anchor", "start")
        elif tag == "rect" and "background" in classes:
            element.set("fill", PAPER)
        elif tag == "path" and "guide" in classes:
            element.set("stroke", "#d1d5db")
            element.set("stroke-dasharray", "3,3")
            element.set("fill", "none")
        elif tag == "path" and "line" in classes and index is not None:
            element.set("stroke", colour)
            element.set("stroke-width", "2.5")
            element.set("fill", "none")
            if DASHES[index % len(DASHES)]:
                element.set("stroke-dasharray", DASHES[index % len(DASHES)])
        elif tag == "path" and "line" in classes:
            element.set("stroke", LINE)
            element.set("fill", "none")
        elif tag == "circle" and index is not None:
            element.set("fill", colour)
            element.set("r", str(DOT_SIZES[index % len(DOT_SIZES)]))
        elif tag == "rect" and index is not None:  # a bar, or a legend's box
            element.set("fill", TINTS[index % len(TINTS)] if index % 2 == 0 else PAPER)
            element.set("stroke", colour)
            element.set("stroke-width", "2")
            if DASHES[index % len(DASHES)]:
                element.set("stroke-dasharray", DASHES[index % len(DASHES)])


def _tidy(svg) -> None:
    """Drop what the CSP forbids or a reader need not hear: styles, scripts, tooltips, comments and the
    inner titles and descriptions pygal gives each point (the chart's own ``<desc>`` lists them)."""
    for element in list(svg.iter()):
        if not isinstance(element.tag, str):
            element.getparent().remove(element)
            continue
        name = etree.QName(element).localname
        if name in ("style", "script", "defs") or "tooltip-overlay" in _classes(element):
            element.getparent().remove(element)
    for element in list(svg.iter("{*}title", "{*}desc")):
        if element.getparent() is not svg:
            element.getparent().remove(element)
    for element in svg.iter():
        if isinstance(element.tag, str):
            for name in ("style", "id"):  # (ids would repeat with two charts on a page)
                element.attrib.pop(name, None)


def _markup(chart, *, title: str, description: str, chart_id: str | None) -> SafeString:
    svg = chart.render_tree()
    _tidy(svg)
    _paint(svg)
    # The same figures make the same markup (a PDF's version is the hash of its HTML); a page showing the
    # same chart twice names each (``chart_id``), as ids must differ.
    chart_id = chart_id or "observatory-chart-" + hashlib.sha256(f"{title}\n{description}".encode()).hexdigest()[:12]
    for child in svg.findall("{*}title"):
        svg.remove(child)
    title_element = etree.Element("title", id=f"{chart_id}-title")
    title_element.text = title
    desc_element = etree.Element("desc", id=f"{chart_id}-desc")
    desc_element.text = description
    svg.insert(0, desc_element)
    svg.insert(0, title_element)
    svg.set("id", chart_id)
    svg.set("role", "img")
    svg.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
    svg.set("class", "observatory-chart")
    svg.set("font-family", FONT)
    svg.set("width", "100%")
    svg.set("preserveAspectRatio", "xMidYMid meet")
    markup = etree.tostring(svg, encoding="unicode")
    # Inline SVG in HTML needs no namespace prefixes; lxml writes the default one only.
    return mark_safe(markup.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', ""))  # noqa: S308 -- built above, text escaped by lxml


def _minimum() -> int:
    from .disclosure import minimum_organisations

    return minimum_organisations()


def withheld_text() -> str:
    """What a withheld figure reads as, everywhere (never a 0)."""
    count = _minimum()
    return ngettext("withheld: fewer than %(count)s organisation", "withheld: fewer than %(count)s organisations",
                    count) % {"count": count}


def _describe(items: list[str]) -> str:
    if len(items) > DESC_ITEMS:
        items = [*items[:DESC_ITEMS], _("and %(count)s more, in the table below") % {"count": len(items) - DESC_ITEMS}]
    return "; ".join(items) + "."


def _empty(title: str) -> SafeString:
    return mark_safe(f'<p class="observatory-chart-empty">{escape(title)}: {escape(_("no figures yet."))}</p>')  # noqa: S308


def line_chart(series, *, title: str, unit: str = "", decimals: int = 0, small: bool = False,
               chart_id: str | None = None) -> SafeString:
    """The chart of one or more time series (module docstring)."""
    key = tuple((str(name), tuple((year, None if value is None else str(value)) for year, value in points))
                for name, points in series)
    return _line_chart(key, title=str(title), unit=unit, decimals=decimals, small=small, chart_id=chart_id,
                       language=get_language(), minimum=_minimum())


@lru_cache(maxsize=CACHED_CHARTS)
def _line_chart(series, *, title, unit, decimals, small, chart_id, language, minimum) -> SafeString:
    series = [(name, [(year, None if value is None else Decimal(value)) for year, value in points])
              for name, points in series]
    years = sorted({year for _name, points in series for year, _value in points})
    if not years:
        return _empty(title)
    many = len(series) > 1
    chart = _config(pygal.Line, title=None if small else title, unit=unit, decimals=decimals,
                    height=(170 if small else 260) + (18 * len(series) if many else 0), legend=many)
    chart.x_labels = [str(year) for year in years]
    if len(years) > 6:  # every label would overlap its neighbours at 390 px
        chart.config.x_labels_major_count = 4
        chart.config.show_minor_x_labels = False
    items = []
    for name, points in series[:len(COLOURS)]:
        by_year = {year: value for year, value in points}
        values = [float(by_year[year]) if _finite(by_year.get(year)) else None for year in years]
        chart.add(name, values)
        for year in years:
            if year in by_year:
                value = by_year[year]
                figure = shown(value, decimals=decimals, unit=unit) if _finite(value) else withheld_text()
                items.append(f"{name} {year}: {figure}" if many else f"{year}: {figure}")
    return _markup(chart, title=title, description=_describe(items), chart_id=chart_id)


def bar_chart(rows, *, title: str, unit: str = "", decimals: int = 0, chart_id: str | None = None) -> SafeString:
    """Horizontal bars, one per ``(label, value or None)`` row (module docstring)."""
    key = tuple((str(label), None if value is None else str(value)) for label, value in rows)
    return _bar_chart(key, title=str(title), unit=unit, decimals=decimals, chart_id=chart_id,
                      language=get_language(), minimum=_minimum())


@lru_cache(maxsize=CACHED_CHARTS)
def _bar_chart(rows, *, title, unit, decimals, chart_id, language, minimum) -> SafeString:
    rows = [(label, None if value is None else Decimal(value)) for label, value in rows]
    if not rows:
        return _empty(title)
    chart = _config(pygal.HorizontalBar, title=title, unit=unit, decimals=decimals,
                    height=80 + 34 * len(rows), legend=False)
    chart.x_labels = [label for label, _value in rows]
    chart.add(title, [float(value) if _finite(value) else None for _label, value in rows])
    items = [f"{label}: {shown(value, decimals=decimals, unit=unit) if _finite(value) else withheld_text()}"
             for label, value in rows]
    return _markup(chart, title=title, description=_describe(items), chart_id=chart_id)
