"""What the observatory's pages read: an indicator's figures as they may be published.

**Every page and download that shows the sector's figures (dashboards, the diagnosis, open data)
reads them through ``published_series`` or ``published_table``, never from ``IndicatorValue`` rows
of organisations.** Both decide what to withhold over *all* of an indicator's cells at once (every
year, the whole city and every breakdown's groups: ``disclosure.protect``), so a figure withheld on
one page is withheld on every other page and in every download, and no two published figures,
whichever pages they are on, subtract to one organisation's value. One organisation's own values are
read by ``impact`` (its representatives and the analysts only)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from . import disclosure
from .models import Breakdown, IndicatorValue, ValueStatus


@dataclass(frozen=True)
class Point:
    """One published figure of a series: a year and a group (empty: the whole city)."""

    year: int
    group: str
    value: Decimal | None  # None: withheld (``reason`` says why)
    status: str
    # How many organisations it aggregates; 0 for a stated value.
    organisations: int = 0
    # Why it is withheld: ``disclosure.TOO_FEW``, ``DOMINATED`` or ``SECONDARY``; "" when published.
    reason: str = ""


def _published_points(indicator) -> dict[tuple[int, str, str], Point]:
    """Every cell of ``indicator`` (``(year, breakdown, group)``) as it may be published. Two queries."""
    points: dict[tuple[int, str, str], Point] = {}
    for year, breakdown, group, value, status in (IndicatorValue.objects.stated().filter(indicator=indicator)
                                                  .values_list("year", "breakdown", "group", "value", "status")):
        points[year, breakdown, group] = Point(year, group, value, status)
    cells: dict[tuple[int, str, str], dict] = defaultdict(dict)
    statuses: dict[tuple[int, str, str], set] = defaultdict(set)
    for year, breakdown, group, organisation, value, status in (
            IndicatorValue.objects.of_organisations().filter(indicator=indicator)
            .values_list("year", "breakdown", "group", "organisation_id", "value", "status")):
        cells[year, breakdown, group][organisation] = value
        statuses[year, breakdown, group].add(status)
    # A stated figure is published as it is; the organisations' values of that cell are not audited.
    protected = disclosure.protect({key: cell for key, cell in cells.items() if key not in points},
                                   how=indicator.aggregation)
    for key, result in protected.items():
        status = ValueStatus.FINAL if statuses[key] == {ValueStatus.FINAL} else ValueStatus.PROVISIONAL
        points[key] = Point(key[0], key[2], result.value, status, result.organisations, result.reason)
    return points


def published_series(indicator, *, breakdown: str = Breakdown.TOTAL) -> list[Point]:
    """Every year's figure for ``indicator`` (and group, for a breakdown), in year and group order.

    A stated value is published as it is; otherwise the organisations' values of that year and group
    make an aggregate, withheld when disclosure control says so. Two queries."""
    points = _published_points(indicator)
    return [points[key] for key in sorted(points) if key[1] == breakdown]


@dataclass(frozen=True)
class Table:
    """An indicator × years × the groups of one breakdown, with the whole city's figure of each year."""

    breakdown: str
    years: list[int]
    groups: list[str]
    # ``rows[year]``: the whole city's ``Point`` (or None) and each group's (or None), in ``groups`` order.
    totals: dict[int, Point | None] = field(default_factory=dict)
    rows: dict[int, list[Point | None]] = field(default_factory=dict)


def published_table(indicator, *, breakdown: str) -> Table:
    """``indicator``'s published figures by year for the whole city and every group of ``breakdown``
    (the same decisions as ``published_series``: one audit of every cell). Two queries."""
    points = _published_points(indicator)
    years = sorted({key[0] for key in points if key[1] in {Breakdown.TOTAL, breakdown}})
    groups = sorted({key[2] for key in points if breakdown and key[1] == breakdown})
    return Table(breakdown=breakdown, years=years, groups=groups,
                 totals={year: points.get((year, Breakdown.TOTAL, "")) for year in years},
                 rows={year: [points.get((year, breakdown, group)) for group in groups] for year in years})
