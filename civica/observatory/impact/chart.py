"""The impact platform's chart: one organisation's value of each year against its category's median and
quartiles, as ``core.charts.range_chart`` draws it (the site's one chart module): the interquartile range
as an outlined box, the median as a thick mark, the organisation's value as a filled diamond. Every
figure is also printed in words under its row ("Your organisation: 120 · median 100 · quartiles
80–150"), so nothing is told by colour or shape alone, and the page shows the same figures as a table."""

import hashlib

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from civica.core.charts import range_chart
from civica.core.formatting import format_decimal


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
    """The SVG of one ``impact.selectors.IndicatorImpact``."""
    indicator, rows = impact.indicator, impact.rows
    if not rows:
        return mark_safe("")
    title = _("%(indicator)s: your organisation beside the median and quartiles of its category") % {
        "indicator": indicator.translated("name")}
    chart_id = "impact-" + hashlib.blake2s(f"{indicator.pk}:{[(r.year, r.value) for r in rows]}".encode(),
                                           digest_size=5).hexdigest()
    return range_chart([(str(row.year), row.value, row.sector.lower_quartile, row.sector.median,
                         row.sector.upper_quartile, _words(row, indicator.decimals)) for row in rows],
                       title=title, chart_id=chart_id)
