"""The observatory's published indicators as live sources of plan KPIs (issue 19, point 5).

A plan's indicator (``accountability.Indicator.live_source``) may take its actual value from an
observatory indicator: its key is ``observatory.<code>``, and its value at a date is the published
city total (no breakdown) of the latest year up to that date's year, as the public pages show it
(``selectors.published_series``: a withheld aggregate counts as no value). Only published indicators
are offered. Registered as a provider in ``apps.ready``: the indicators are rows, asked for on demand."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext

from civica.accountability.registry import LiveSource

from .models import Indicator
from .selectors import published_series

PREFIX = "observatory."


def published_total_at(indicator, day: datetime.date) -> Decimal | None:
    """The published whole-city figure of the latest year up to ``day``'s year, or None."""
    found = [point.value for point in published_series(indicator)
             if not point.group and point.year <= day.year and point.value is not None]
    return found[-1] if found else None


def indicator_sources() -> dict[str, LiveSource]:
    """``{"observatory.<code>": LiveSource}`` for every published indicator. One query."""
    sources = {}
    for indicator in Indicator.objects.published().only("pk", "code", "name_ro", "name_en", "aggregation"):
        label = gettext("Observatory: %(code)s %(name)s") % {"code": indicator.code,
                                                              "name": indicator.translated("name")}
        sources[PREFIX + indicator.code] = LiveSource(
            label, lambda day, indicator=indicator: published_total_at(indicator, day))
    return sources
