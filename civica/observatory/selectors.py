"""What the observatory's pages read: an indicator's series as it may be published."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from . import disclosure
from .models import Breakdown, IndicatorValue, ValueStatus


@dataclass(frozen=True)
class Point:
    """One published figure of a series: a year and a group (empty: the whole city)."""

    year: int
    group: str
    value: Decimal | None  # None: withheld (too few organisations)
    status: str
    # How many organisations it aggregates; 0 for a stated value.
    organisations: int = 0


def published_series(indicator, *, breakdown: str = Breakdown.TOTAL) -> list[Point]:
    """Every year's figure for ``indicator`` (and group, for a breakdown), in year and group order.

    A stated value is published as it is; otherwise the organisations' values of that year and group
    make an aggregate, withheld below the disclosure threshold. Two queries."""
    points: dict[tuple[int, str], Point] = {}
    for year, group, value, status in (IndicatorValue.objects.stated()
                                       .filter(indicator=indicator, breakdown=breakdown)
                                       .values_list("year", "group", "value", "status")):
        points[year, group] = Point(year, group, value, status)
    by_cell: dict[tuple[int, str], list] = defaultdict(list)
    statuses: dict[tuple[int, str], set] = defaultdict(set)
    for year, group, value, status in (IndicatorValue.objects.of_organisations()
                                       .filter(indicator=indicator, breakdown=breakdown)
                                       .values_list("year", "group", "value", "status")):
        by_cell[year, group].append(value)
        statuses[year, group].add(status)
    for cell, values in by_cell.items():
        if cell in points:
            continue
        result = disclosure.aggregate(values, how=indicator.aggregation)
        status = ValueStatus.FINAL if statuses[cell] == {ValueStatus.FINAL} else ValueStatus.PROVISIONAL
        points[cell] = Point(cell[0], cell[1], result.value, status, result.organisations)
    return [points[cell] for cell in sorted(points)]


# --- The analysts' screens (catalogue slice) -------------------------------------------------------

def manage_catalogue() -> dict:
    """The frameworks with their dimensions, and every indicator with its framework, dimension and how
    many stated values it has. Three queries whatever the numbers."""
    from django.db.models import Count, Prefetch, Q

    from .models import Dimension, Framework, Indicator

    frameworks = list(Framework.objects.prefetch_related(Prefetch("dimensions", Dimension.objects.order_by(
        "position", "id"))))
    indicators = list(Indicator.objects.select_related("framework", "dimension")
                      .annotate(stated_count=Count("values", filter=Q(values__organisation__isnull=True))))
    return {"frameworks": frameworks, "indicators": indicators}


def manage_values(indicator) -> list:
    """An indicator's stated values (no organisation), by year, breakdown and group, with who entered
    them. One query."""
    return list(IndicatorValue.objects.stated().filter(indicator=indicator).select_related("entered_by")
                .order_by("-year", "breakdown", "group"))
