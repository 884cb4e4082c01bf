"""What the observatory's pages read: an indicator's series as it may be published."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import models

from . import disclosure
from .models import Breakdown, Dimension, Indicator, IndicatorValue, ValueStatus


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


# --- Dashboards and the diagnosis report (slice 4) ---------------------------------------------------
# MERGE: ``published_series_many`` takes the same steps as ``published_series`` (stated values as they
# are; organisations' values only through ``disclosure.aggregate``) for many indicators in two queries,
# so the index, a dimension's page and the report cost the same whatever their number. If the disclosure
# slice deepens ``published_series`` (complementary suppression…), route ``_publish`` through it too.


def _publish(indicator, stated_rows, organisation_rows) -> list[Point]:
    points: dict[tuple[int, str], Point] = {}
    for year, group, value, status in stated_rows:
        points[year, group] = Point(year, group, value, status)
    by_cell: dict[tuple[int, str], list] = defaultdict(list)
    statuses: dict[tuple[int, str], set] = defaultdict(set)
    for year, group, value, status in organisation_rows:
        by_cell[year, group].append(value)
        statuses[year, group].add(status)
    for cell, values in by_cell.items():
        if cell in points:
            continue
        result = disclosure.aggregate(values, how=indicator.aggregation)
        status = ValueStatus.FINAL if statuses[cell] == {ValueStatus.FINAL} else ValueStatus.PROVISIONAL
        points[cell] = Point(cell[0], cell[1], result.value, status, result.organisations)
    return [points[cell] for cell in sorted(points)]


def published_series_many(indicators, *, breakdown: str = Breakdown.TOTAL, first_year: int | None = None,
                          last_year: int | None = None) -> dict[int, list[Point]]:
    """``published_series`` of each of ``indicators`` (by id), between the years given. Two queries."""
    indicators = {indicator.pk: indicator for indicator in indicators}
    if not indicators:
        return {}
    rows = IndicatorValue.objects.filter(indicator__in=list(indicators), breakdown=breakdown)
    if first_year is not None:
        rows = rows.filter(year__gte=first_year)
    if last_year is not None:
        rows = rows.filter(year__lte=last_year)
    fields = ("indicator_id", "year", "group", "value", "status")
    stated, of_organisations = defaultdict(list), defaultdict(list)
    for indicator_id, *row in rows.stated().values_list(*fields):
        stated[indicator_id].append(row)
    for indicator_id, *row in rows.of_organisations().values_list(*fields).iterator(chunk_size=5000):
        of_organisations[indicator_id].append(row)
    return {pk: _publish(indicator, stated[pk], of_organisations[pk]) for pk, indicator in indicators.items()}


def latest_point(points: list[Point]) -> Point | None:
    """The most recent published figure of a whole-city series (a withheld one counts: it says so)."""
    return points[-1] if points else None


def group_label(breakdown: str, group: str) -> str:
    """A breakdown's group as readers name it: a domain's or category's label, an age group, an area."""
    from civica.network.models import Category

    from .models import CulturalDomain

    choices = {Breakdown.DOMAIN: CulturalDomain, Breakdown.CATEGORY: Category}.get(breakdown)
    if choices is not None and group in choices.values:
        return str(choices(group).label)
    return group


def _published_indicators():
    return (Indicator.objects.published().select_related("framework", "dimension")
            .order_by("framework__position", "framework_id", "dimension__position", "dimension_id", "position", "id"))


def dashboard_index():
    """The frameworks, each with its dimensions that have published indicators and how many. One query."""
    frameworks: dict[int, dict] = {}
    for indicator in _published_indicators():
        framework = frameworks.setdefault(indicator.framework_id, {"framework": indicator.framework,
                                                                  "dimensions": {}, "loose": []})
        if indicator.dimension_id is None:
            framework["loose"].append(indicator)
            continue
        dimension = framework["dimensions"].setdefault(indicator.dimension_id,
                                                       {"dimension": indicator.dimension, "indicators": []})
        dimension["indicators"].append(indicator)
    return [{**framework, "dimensions": list(framework["dimensions"].values())} for framework in frameworks.values()]


def dimension_dashboard(framework_slug: str, dimension_slug: str):
    """A dimension and its published indicators, each with its whole-city series. Three queries, or
    None when there is no such dimension."""
    dimension = (Dimension.objects.select_related("framework")
                 .filter(framework__slug=framework_slug, slug=dimension_slug).first())
    if dimension is None:
        return None
    indicators = list(_published_indicators().filter(dimension=dimension))
    series = published_series_many(indicators)
    return {"dimension": dimension, "framework": dimension.framework,
            "indicators": [{"indicator": indicator, "points": series[indicator.pk],
                            "latest": latest_point(series[indicator.pk])} for indicator in indicators]}


def published_indicator(code: str):
    """A published indicator with its framework and dimension, or None."""
    return _published_indicators().filter(code=code).first()


def indicator_table(indicator, *, breakdown: str = Breakdown.TOTAL, first_year: int | None = None,
                    last_year: int | None = None) -> dict:
    """The indicator's published figures as a table: the years (rows) × the groups (columns; one, the
    whole city, without a breakdown), with each group's series for the chart. Two queries."""
    points = published_series_many([indicator], breakdown=breakdown, first_year=first_year,
                                   last_year=last_year)[indicator.pk]
    years = sorted({point.year for point in points})
    groups = sorted({point.group for point in points}, key=lambda group: group_label(breakdown, group))
    cells = {(point.year, point.group): point for point in points}
    return {"years": years, "groups": [(group, group_label(breakdown, group)) for group in groups],
            "rows": [(year, [cells.get((year, group)) for group in groups]) for year in years],
            "series": [(group_label(breakdown, group) or indicator.translated("name"),
                        [(point.year, point.value) for point in points if point.group == group])
                       for group in groups],
            "points": points}


def report_with_sections(slug: str, *, published_only: bool = True):
    """A report, its sections and their indicators, and each indicator's whole-city series. Four
    queries, or None."""
    from .models import Report

    reports = Report.objects.all() if not published_only else Report.objects.published()
    report = reports.filter(slug=slug).prefetch_related(
        models.Prefetch("sections__indicators", queryset=Indicator.objects.published().select_related(
            "framework", "dimension"))).first()
    if report is None:
        return None
    sections = list(report.sections.all())
    indicators = {indicator.pk: indicator for section in sections for indicator in section.indicators.all()}
    series = published_series_many(indicators.values())
    return {"report": report, "sections": [
        {"section": section, "indicators": [{"indicator": indicator, "points": series[indicator.pk],
                                             "latest": latest_point(series[indicator.pk])}
                                            for indicator in section.indicators.all()]}
        for section in sections]}


def published_reports():
    from .models import Report

    return Report.objects.published()


def manage_reports():
    from .models import Report

    return Report.objects.annotate(section_count=models.Count("sections"))
