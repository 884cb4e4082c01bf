"""The dashboards' figures as ``core.charts`` draws them (the site's one chart module; its docstring says
why no charting library): a withheld figure is ``None``, drawn as a gap in a line or an empty bar, never
as 0, and said in the chart's description in the same words as the tables ("withheld: fewer than 3
organisations"). A chart never stands alone: the templates put its data table right under it.

``line_chart(series, *, title, unit="", decimals=0, small=False, chart_id=None)``
    A time series per group: ``series`` is ``[(name, [(year, value or None), ...]), ...]``.
``bar_chart(rows, *, title, unit="", decimals=0, chart_id=None)``
    Horizontal bars, one per ``(label, value or None)`` row (a breakdown's groups in one year)."""

from django.utils.translation import ngettext

from civica.core import charts

from .. import disclosure


def withheld_text() -> str:
    """What a withheld figure reads as, everywhere (never a 0)."""
    count = disclosure.minimum_organisations()
    return ngettext("withheld: fewer than %(count)s organisation", "withheld: fewer than %(count)s organisations",
                    count) % {"count": count}


def line_chart(series, *, title: str, unit: str = "", decimals: int = 0, small: bool = False,
               chart_id: str | None = None):
    return charts.line_chart(series, title=title, chart_id=chart_id, decimal_places=decimals, unit=unit,
                             missing=withheld_text(), small=small)


def bar_chart(rows, *, title: str, unit: str = "", decimals: int = 0, chart_id: str | None = None):
    missing = withheld_text()
    return charts.bar_chart([(label, value) if value is not None else (label, None, missing) for label, value in rows],
                            title=title, chart_id=chart_id, decimal_places=decimals, unit=unit)
