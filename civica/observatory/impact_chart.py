"""The impact platform's chart: one organisation's value of each year against its category's median and
quartiles, drawn on the server as a small accessible SVG.

Why not pygal (installed): its SVG carries an inline ``<style>`` and a ``<script>`` block even with
``js=[]``, which the site's Content Security Policy blocks (no inline code: the chart then loses its
colours), random element ids (the page cache and tests want a stable page), and a ``<title>`` per
point for tooltips that screen readers read as noise; making it accessible meant rewriting its output.
This is the same shape as ``core.charts`` (``role="img"``, a ``<title>`` and a ``<desc>`` listing
every figure, colours as classes with fallbacks, readable at 390 px and in WeasyPrint's PDF).

One row per year: a scale line, the interquartile range as an outlined box (Q1–Q3), the median as a
thick vertical mark, and the organisation's value as a filled diamond. Every figure is also printed
in words under the row ("Your organisation: 120 · median 100 · quartiles 80–150"), so nothing is told
by colour or shape alone, and the page shows the same figures as a table."""

import hashlib

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from civica.core.charts import ACCENT, BRAND, FONT, INK, LINE, WIDTH
from civica.core.formatting import format_decimal

ROW = 64
MARGIN = 12


def _x(value, low, high) -> float:
    span = (high - low) or 1
    return MARGIN + float(value - low) / float(span) * (WIDTH - 2 * MARGIN)


def _words(row, decimals) -> str:
    own = _("Your organisation: %(value)s") % {"value": format_decimal(row.value, decimals)}
    figures = row.sector
    if figures.median is None:
        return f"{own} · " + _("sector figures withheld")
    text = f"{own} · " + _("median %(value)s") % {"value": format_decimal(figures.median, decimals)}
    if figures.lower_quartile is not None:
        text += " · " + _("quartiles %(lower)s–%(upper)s") % {
            "lower": format_decimal(figures.lower_quartile, decimals),
            "upper": format_decimal(figures.upper_quartile, decimals)}
    return text


def impact_chart(impact) -> SafeString:
    """The SVG of one ``impact_selectors.IndicatorImpact``."""
    indicator, rows = impact.indicator, impact.rows
    if not rows:
        return mark_safe("")
    decimals = indicator.decimals
    numbers = [row.value for row in rows]
    for row in rows:
        numbers += [figure for figure in (row.sector.lower_quartile, row.sector.median, row.sector.upper_quartile)
                    if figure is not None]
    low, high = min(min(numbers), 0), max(numbers)
    title = _("%(indicator)s: your organisation beside the median and quartiles of its category") % {
        "indicator": indicator.translated("name")}
    chart_id = "impact-" + hashlib.blake2s(f"{indicator.pk}:{[(r.year, r.value) for r in rows]}".encode(),
                                           digest_size=5).hexdigest()
    body, described = [], []
    for index, row in enumerate(rows):
        y = index * ROW
        middle = y + 30
        words = _words(row, decimals)
        described.append(f"{row.year}: {words}")
        body.append(f'<text class="chart-text" x="0" y="{y + FONT}" fill="{INK}" font-weight="700">{row.year}</text>')
        body.append(f'<line class="chart-axis" x1="{MARGIN}" y1="{middle}" x2="{WIDTH - MARGIN}" y2="{middle}" '
                    f'stroke="{LINE}"></line>')
        figures = row.sector
        if figures.lower_quartile is not None:
            left, right = _x(figures.lower_quartile, low, high), _x(figures.upper_quartile, low, high)
            body.append(f'<rect class="chart-bar-second" x="{left:.1f}" y="{middle - 8}" '
                        f'width="{max(right - left, 1):.1f}" height="16" fill="#ffffff" '
                        f'stroke="{BRAND}" stroke-width="2" '
                        f'stroke-dasharray="5 3"></rect>')
        if figures.median is not None:
            x = _x(figures.median, low, high)
            body.append(f'<line class="chart-reference" x1="{x:.1f}" y1="{middle - 11}" x2="{x:.1f}" '
                        f'y2="{middle + 11}" stroke="{BRAND}" stroke-width="4"></line>')
        x = _x(row.value, low, high)
        body.append(f'<path class="chart-bar" d="M{x:.1f} {middle - 8} l8 8 l-8 8 l-8 -8 z" fill="{ACCENT}" '
                    f'stroke="{INK}"></path>')
        body.append(f'<text class="chart-text" x="0" y="{y + 58}" fill="{INK}" font-size="13">{escape(words)}</text>')
    height = len(rows) * ROW
    return mark_safe(
        f'<svg class="chart chart-impact" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" font-size="{FONT}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape("; ".join(described))}</desc>{"".join(body)}</svg>')
