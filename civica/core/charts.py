"""Charts drawn on the server as accessible SVG: plain data in, markup out (no JavaScript, no library).

Three kinds, each a function returning safe markup (an ``<svg role="img">`` with a ``<title>`` naming
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

Values may be ``int``, ``float`` or ``Decimal``; ``None``, NaN and infinities count as 0 (and show as
"—"); negative values draw as empty bars. Labels are escaped. With no rows every function returns a
short sentence instead of an empty picture. Numbers are formatted in the active language.

Colours are those of static/css/tokens.css, set as classes (``chart-bar``, ``chart-bar-second``,
``chart-text``, ``chart-axis``; styled in pages.css) with the same colours as fallback attributes, for
WeasyPrint's documents and feeds. Each chart belongs next to its data table (visible, or in a
``<details>`` right under it): the template writes the table. In templates: ``{% load charts %}`` and
``{% bar_chart rows title=... %}``, ``{% compare_chart rows title=... first=... second=... %}``,
``{% column_chart points title=... %}`` (civica/core/templatetags/charts.py).
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
