"""Charts drawn on the server as accessible SVG: plain data in, markup out (no JavaScript, no library).
The site's one chart module: plans, workshops and polls use it, and the observatory too (its
dashboards' series, a breakdown's bars, the impact platform's ranges), giving it plain figures.

Why no charting library: pygal (used by the observatory before) writes an inline ``<style>`` and a
``<script>`` even with ``js=[]``, which the Content Security Policy blocks, random ids (the page cache and
tests want a stable page) and a ``<title>`` per point that screen readers read as noise; making it
accessible meant rewriting its output with lxml, at about 15 ms a chart. Drawn here, a chart costs well
under a millisecond and reads the same everywhere.

Five kinds, each a function returning safe markup (an ``<svg role="img">`` with a ``<title>`` naming
the chart and a ``<desc>`` listing every value, so a screen reader hears the figures):

``bar_chart(rows, *, title, chart_id=None, decimal_places=0, unit="", with_share=False, reference=None,
reference_label="")``
    Horizontal bars, one per row, the label above its bar and the value printed after it.
    ``rows``: ``[(label, value)]`` or ``[(label, value, shown)]`` where ``shown`` is the text printed
    instead of the formatted number (e.g. ``"42 (35%)"``). ``with_share=True`` adds each value's share
    of the sum, e.g. ``"2.449.250 lei (22%)"`` (for parts of a whole such as a budget). ``reference``
    draws one dashed line across all rows at that value, named once by ``reference_label`` (every KPI's
    target at 100%, instead of a "Target" bar repeated on each row).

``compare_chart(rows, *, title, first, second, chart_id=None, decimal_places=0, unit="")``
    Two bars per row, e.g. actual against target or executed against budgeted: ``rows`` are
    ``[(label, first_value, second_value)]``; ``first`` and ``second`` name the two series. The first
    bar is solid, the second outlined and dashed, and each value is printed with its series' name, so
    nothing is told by colour alone. A ``None`` value draws no bar and prints "—".

``column_chart(points, *, title, chart_id=None, decimal_places=0, unit="")``
    A time series as columns, oldest first: ``points`` are ``[(label, value, ...)]`` (items after the
    value are ignored). The label is printed under its column; a ``datetime.date`` label prints as a
    short date in the active language ("6 nov."). With many points only every few labels are printed.

``line_chart(series, *, title, chart_id=None, decimal_places=0, unit="", missing="", small=False)``
    One or more time series: ``series`` are ``[(name, [(label, value or None), ...])]`` (a label is a
    year or a date). A ``None`` value breaks the line (a gap, never a 0) and reads as ``missing`` in the
    description (e.g. the observatory's "withheld: fewer than 3 organisations"). Several series are
    told apart without colour: each has its own dash pattern and marker shape, named in a legend under
    the drawing; a single series prints its values (at most four, the latest always). ``small``: a
    shorter drawing (a dashboard's card).

``range_chart(rows, *, title, chart_id=None)``
    A value against a range, one row per label: ``rows`` are ``[(label, value, lower, middle, upper,
    words)]``: the range lower–upper as an outlined box, the middle as a thick mark, the value as a
    filled diamond, and ``words`` (every figure in words, e.g. "Your organisation: 120 · median 100 ·
    quartiles 80–150") printed under the row and listed in the description. Any figure but the label and
    the words may be ``None`` (not drawn): withheld quartiles draw no box.

Values may be ``int``, ``float`` or ``Decimal``; ``None``, NaN and infinities count as 0 (and show as
"—"); negative values draw as empty bars. Labels are escaped. With no rows every function returns a
short sentence instead of an empty picture. Numbers are formatted in the active language.

Colours are those of static/css/tokens.css, set as classes (``chart-bar``, ``chart-bar-second``,
``chart-text``, ``chart-axis``; styled in pages.css) with the same colours as fallback attributes, for
WeasyPrint's documents and feeds. Each chart belongs next to its data table (visible, or in a
``<details>`` right under it): the template writes the table. In templates: ``{% load charts %}`` and
``{% bar_chart rows title=... %}``, ``{% compare_chart rows title=... first=... second=... %}``,
``{% column_chart points title=... %}``, ``{% line_chart series title=... %}``,
``{% range_chart rows title=... %}`` (civica/core/templatetags/charts.py).
"""

import datetime
import hashlib
import math

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from civica.core.calendar_names import MONTHS_ABBR
from civica.core.formatting import format_decimal, format_short_date

# The tokens' colours (tokens.css): --accent for bars, --brand for the second series, --ink for text.
ACCENT, BRAND, INK, LINE = "#0b5c6b", "#8a1c3b", "#1b1f24", "#6b7280"
# A narrow drawing, so its text stays readable when a phone scales it down (about 0.9 at 390 px).
WIDTH = 400
FONT = 15
LABEL_CHARS = 46
DESC_ROWS = 40


def _number(value) -> float:
    if value is None:
        return 0.0
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _shown(value, decimal_places, unit) -> str:
    try:
        finite = value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        finite = False
    if not finite:
        return "—"
    text = format_decimal(value, decimal_places)
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}" if unit else text


def _clip(label, limit=LABEL_CHARS) -> str:
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _chart_id(kind, title, rows) -> str:
    """Stable across renders (the page cache and tests like it), distinct for distinct charts."""
    digest = hashlib.blake2s(repr((kind, str(title), [tuple(map(str, row)) for row in rows])).encode(),
                             digest_size=5).hexdigest()
    return f"chart-{digest}"


def _text_width(texts) -> float:
    """Room for the longest of ``texts`` in bold (an estimate: no fonts on the server), at most half the width."""
    return min(max((len(text) for text in texts), default=0) * FONT * 0.62 + 8, WIDTH / 2)


def _axis_label(label) -> str:
    if isinstance(label, datetime.date):
        return f"{label.day} {MONTHS_ABBR[label.month - 1]}"
    return _clip(label, 12)


def _full_label(label) -> str:
    return format_short_date(label) if isinstance(label, datetime.date) else str(label)


def _empty() -> SafeString:
    sentence = _("Nothing to chart yet.")
    return mark_safe(f'<p class="meta chart-empty">{escape(sentence)}</p>')


def _svg(chart_id, height, title, description, body, kind) -> SafeString:
    return mark_safe(
        f'<svg class="chart chart-{kind}" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" font-size="{FONT}">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"{body}</svg>")


def _text(x, y, content, *, anchor="start", css="chart-text", bold=False) -> str:
    weight = ' font-weight="700"' if bold else ""
    return (f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{INK}"{weight}>'
            f"{escape(content)}</text>")


def _description(pairs) -> str:
    listed = "; ".join(f"{label}: {value}" for label, value in pairs[:DESC_ROWS])
    return listed + ("; …" if len(pairs) > DESC_ROWS else "")


def bar_chart(rows, *, title, chart_id=None, decimal_places=0, unit="", with_share=False, reference=None,
              reference_label="") -> SafeString:
    rows = [tuple(row) for row in rows or ()]
    if not rows:
        return _empty()
    chart_id = chart_id or _chart_id("bar", title, rows)
    values = [_number(row[1]) for row in rows]
    shown = [row[2] if len(row) > 2 else _shown(row[1], decimal_places, unit) for row in rows]
    total = sum(value for value in values if value > 0)
    if with_share and total:
        shown = [f"{text} ({round(max(value, 0.0) / total * 100)}%)" for text, value in zip(shown, values, strict=True)]
    top = max(values + [_number(reference), 0.0]) or 1.0
    room = WIDTH - _text_width(shown)  # the longest bar leaves room for its value
    row_height, body = 46, []
    offset = 24 if reference is not None else 0  # room above the rows for the reference's name
    height = len(rows) * row_height + offset
    if reference is not None:
        x = max(_number(reference), 0.0) / top * room
        name = f"{reference_label}: {_shown(reference, decimal_places, unit)}" if reference_label else \
            _shown(reference, decimal_places, unit)
        body.append(_text(x, FONT, name, anchor="end" if x > WIDTH / 2 else "start"))
        body.append(f'<line class="chart-reference" x1="{x:.1f}" y1="{offset - 4}" x2="{x:.1f}" y2="{height}" '
                    f'stroke="{BRAND}" stroke-width="2" stroke-dasharray="5 3"></line>')
    for index, (row, value, text) in enumerate(zip(rows, values, shown, strict=True)):
        y = index * row_height + offset
        width = max(value, 0.0) / top * room
        body.append(_text(0, y + FONT, _clip(row[0])))
        body.append(f'<rect class="chart-bar" x="0" y="{y + 20}" width="{width:.1f}" height="18" '
                    f'fill="{ACCENT}"></rect>')
        body.append(_text(width + 6, y + 34, text, bold=True))
    described = [(row[0], text) for row, text in zip(rows, shown, strict=True)]
    if reference is not None:
        described.insert(0, (reference_label or _("Reference"), _shown(reference, decimal_places, unit)))
    return _svg(chart_id, height, title, _description(described), "".join(body), "bar")


def compare_chart(rows, *, title, first, second, chart_id=None, decimal_places=0, unit="") -> SafeString:
    rows = [tuple(row) for row in rows or ()]
    if not rows:
        return _empty()
    chart_id = chart_id or _chart_id("compare", title, rows)
    top = max([_number(row[1]) for row in rows] + [_number(row[2]) for row in rows] + [0.0]) or 1.0
    room = WIDTH - _text_width([f"{first}: {_shown(row[1], decimal_places, unit)}" for row in rows]
                               + [f"{second}: {_shown(row[2], decimal_places, unit)}" for row in rows])
    row_height, body, described = 66, [], []
    for index, (label, first_value, second_value) in enumerate(rows):
        y = index * row_height
        first_text = f"{first}: {_shown(first_value, decimal_places, unit)}"
        second_text = f"{second}: {_shown(second_value, decimal_places, unit)}"
        first_width = max(_number(first_value), 0.0) / top * room
        second_width = max(_number(second_value), 0.0) / top * room
        body.append(_text(0, y + FONT, _clip(label)))
        body.append(f'<rect class="chart-bar" x="0" y="{y + 20}" width="{first_width:.1f}" height="16" '
                    f'fill="{ACCENT}"></rect>')
        body.append(_text(first_width + 6, y + 33, first_text, bold=True))
        if second_width:
            body.append(f'<rect class="chart-bar-second" x="1" y="{y + 41}" width="{max(second_width - 2, 0):.1f}" '
                        f'height="14" fill="#ffffff" stroke="{BRAND}" stroke-width="2" stroke-dasharray="5 3"></rect>')
        body.append(_text(second_width + 6, y + 53, second_text))
        described.append((label, f"{first_text}, {second_text}"))
    return _svg(chart_id, len(rows) * row_height, title, _description(described), "".join(body), "compare")


def column_chart(points, *, title, chart_id=None, decimal_places=0, unit="") -> SafeString:
    points = [tuple(point) for point in points or ()]
    if not points:
        return _empty()
    chart_id = chart_id or _chart_id("column", title, points)
    values = [_number(point[1]) for point in points]
    shown = [_shown(point[1], decimal_places, unit) for point in points]
    top = max(values + [0.0]) or 1.0
    plot_top, plot_bottom, height = 24, 190, 220
    slot = WIDTH / len(points)
    bar = max(min(slot * 0.7, 60), 1)
    every = math.ceil(len(points) / 6)  # at most six labels under the axis, and values over ten columns
    body = [f'<line class="chart-axis" x1="0" y1="{plot_bottom}" x2="{WIDTH}" y2="{plot_bottom}" '
            f'stroke="{LINE}"></line>']
    for index, (point, value, text) in enumerate(zip(points, values, shown, strict=True)):
        centre = slot * index + slot / 2
        column = max(value, 0.0) / top * (plot_bottom - plot_top)
        body.append(f'<rect class="chart-bar" x="{centre - bar / 2:.1f}" y="{plot_bottom - column:.1f}" '
                    f'width="{bar:.1f}" height="{column:.1f}" fill="{ACCENT}"></rect>')
        if len(points) <= 10 or index % every == 0:
            body.append(_text(centre, plot_bottom - column - 5, text, anchor="middle", bold=True))
        if index % every == 0:
            body.append(_text(centre, height - 8, _axis_label(point[0]), anchor="middle"))
    return _svg(chart_id, height, title,
                _description([(_full_label(point[0]), text) for point, text in zip(points, shown, strict=True)]),
                "".join(body), "column")


# Series of a line chart are told apart without colour: each has its own dash pattern and marker.
SERIES_COLOURS = (ACCENT, BRAND, "#5b3a8c", "#7a4a00", INK, "#2f5d1e")
DASHES = ("", "8 4", "2 3", "10 3 2 3", "4 4", "1 3")
MARKERS = ("circle", "square", "diamond", "triangle", "circle", "square")


def _finite(value) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _marker(index, x, y) -> str:
    colour, kind = SERIES_COLOURS[index % len(SERIES_COLOURS)], MARKERS[index % len(MARKERS)]
    size = 4.5 + (index // len(MARKERS)) * 1.5
    fill = "#ffffff" if index >= len(MARKERS) else colour  # the second round of shapes is outlined
    common = f'class="chart-marker" fill="{fill}" stroke="{colour}" stroke-width="2"'
    if kind == "circle":
        return f'<circle {common} cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}"></circle>'
    if kind == "square":
        return (f'<rect {common} x="{x - size:.1f}" y="{y - size:.1f}" width="{2 * size:.1f}" '
                f'height="{2 * size:.1f}"></rect>')
    step = size + 1
    if kind == "diamond":
        return (f'<path {common} d="M{x:.1f} {y - step:.1f} l{step:.1f} {step:.1f} l{-step:.1f} {step:.1f} '
                f'l{-step:.1f} {-step:.1f} z"></path>')
    return f'<path {common} d="M{x:.1f} {y - step:.1f} l{step:.1f} {2 * size:.1f} l{-2 * step:.1f} 0 z"></path>'


def line_chart(series, *, title, chart_id=None, decimal_places=0, unit="", missing="", small=False) -> SafeString:
    series = [(str(name), [tuple(point[:2]) for point in points]) for name, points in series or ()]
    labels = sorted({point[0] for _name, points in series for point in points})
    if not labels:
        return _empty()
    chart_id = chart_id or _chart_id("line", title, [(name, *points) for name, points in series])
    missing = missing or "—"
    numbers = [_number(value) for _name, points in series for _label, value in points if _finite(value)]
    low, high = min(numbers + [0.0]), max(numbers + [0.0])
    high = high if high > low else low + 1.0
    plot_top, plot_bottom = 24, 120 if small else 190
    legend = 24 * len(series) if len(series) > 1 else 0
    height = plot_bottom + 30 + legend
    slot = (WIDTH - 16) / len(labels)

    def x(index):
        return 8 + slot * index + slot / 2

    def y(value):
        return plot_bottom - (_number(value) - low) / (high - low) * (plot_bottom - plot_top)

    every = math.ceil(len(labels) / 6)  # at most six labels under the axis
    body = [f'<line class="chart-axis" x1="0" y1="{y(0):.1f}" x2="{WIDTH}" y2="{y(0):.1f}" stroke="{LINE}"></line>']
    described = []
    for index, (name, points) in enumerate(series):
        by_label = dict(points)
        colour, dashes = SERIES_COLOURS[index % len(SERIES_COLOURS)], DASHES[index % len(DASHES)]
        runs, run = [], []
        for position, label in enumerate(labels):  # a missing figure breaks the line: never drawn as 0
            if _finite(by_label.get(label)):
                run.append((x(position), y(by_label[label])))
            elif run:
                runs.append(run)
                run = []
        runs.append(run)
        dash = f' stroke-dasharray="{dashes}"' if dashes else ""
        for run in runs:
            if len(run) > 1:
                path = " ".join(f"{'M' if n == 0 else 'L'}{px:.1f} {py:.1f}" for n, (px, py) in enumerate(run))
                body.append(f'<path class="chart-line" d="{path}" fill="none" stroke="{colour}" stroke-width="2.5"'
                            f"{dash}></path>")
        shown_at = [position for position, label in enumerate(labels) if _finite(by_label.get(label))]
        for position in shown_at:
            body.append(_marker(index, x(position), y(by_label[labels[position]])))
        if len(series) == 1 and shown_at:  # the values at most four times, the latest always
            step = math.ceil(len(labels) / 4)
            for position in shown_at:
                if position % step == 0 or position == shown_at[-1]:
                    text = _shown(by_label[labels[position]], decimal_places, unit)
                    half = len(text) * FONT * 0.31  # kept inside the drawing at both ends
                    body.append(_text(min(max(x(position), half), WIDTH - half), y(by_label[labels[position]]) - 9,
                                      text, anchor="middle", bold=True))
        for label in labels:
            if label in by_label:
                figure = _shown(by_label[label], decimal_places, unit) if _finite(by_label[label]) else missing
                described.append((f"{name} {_full_label(label)}" if len(series) > 1 else _full_label(label), figure))
        if legend:
            top = plot_bottom + 30 + index * 24
            body.append(f'<line class="chart-line" x1="0" y1="{top + 10}" x2="36" y2="{top + 10}" stroke="{colour}" '
                        f'stroke-width="2.5"{dash}></line>')
            body.append(_marker(index, 18, top + 10))
            body.append(_text(44, top + 15, _clip(name)))
    for position, label in enumerate(labels):
        if position % every == 0:
            body.append(_text(x(position), plot_bottom + 22, _axis_label(label), anchor="middle"))
    return _svg(chart_id, height, title, _description(described), "".join(body), "line")


def range_chart(rows, *, title, chart_id=None) -> SafeString:
    rows = [tuple(row) for row in rows or ()]
    if not rows:
        return _empty()
    chart_id = chart_id or _chart_id("range", title, rows)
    numbers = [_number(figure) for row in rows for figure in row[1:5] if _finite(figure)]
    low, high = min(numbers + [0.0]), max(numbers + [0.0])
    span, row_height, margin = (high - low) or 1.0, 64, 12

    def x(value):
        return margin + (_number(value) - low) / span * (WIDTH - 2 * margin)

    body = []
    for index, (label, value, lower, middle, upper, words) in enumerate(rows):
        top = index * row_height
        centre = top + 30
        body.append(_text(0, top + FONT, _clip(label), bold=True))
        body.append(f'<line class="chart-axis" x1="{margin}" y1="{centre}" x2="{WIDTH - margin}" y2="{centre}" '
                    f'stroke="{LINE}"></line>')
        if _finite(lower) and _finite(upper):
            left, right = x(lower), x(upper)
            body.append(f'<rect class="chart-bar-second" x="{left:.1f}" y="{centre - 8}" '
                        f'width="{max(right - left, 1):.1f}" height="16" fill="#ffffff" stroke="{BRAND}" '
                        f'stroke-width="2" stroke-dasharray="5 3"></rect>')
        if _finite(middle):
            body.append(f'<line class="chart-reference" x1="{x(middle):.1f}" y1="{centre - 11}" '
                        f'x2="{x(middle):.1f}" y2="{centre + 11}" stroke="{BRAND}" stroke-width="4"></line>')
        if _finite(value):
            body.append(f'<path class="chart-bar" d="M{x(value):.1f} {centre - 8} l8 8 l-8 8 l-8 -8 z" '
                        f'fill="{ACCENT}" stroke="{INK}"></path>')
        body.append(f'<text class="chart-text" x="0" y="{top + 58}" fill="{INK}" font-size="13">{escape(words)}</text>')
    return _svg(chart_id, len(rows) * row_height, title, _description([(row[0], row[5]) for row in rows]),
                "".join(body), "range")
