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

from django.db import models

from . import disclosure, points_cache
from .models import Breakdown, Dimension, Indicator, IndicatorValue, ValueStatus


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


STATED_COLUMNS = ("year", "breakdown", "group", "value", "status")
ORGANISATION_COLUMNS = ("year", "breakdown", "group", "organisation_id", "value", "status")


def _points_from_rows(indicator, stated_rows, organisation_rows) -> dict[tuple[int, str, str], Point]:
    """Every cell (``(year, breakdown, group)``) as it may be published, from ``STATED_COLUMNS`` and
    ``ORGANISATION_COLUMNS`` rows of one indicator."""
    points: dict[tuple[int, str, str], Point] = {}
    for year, breakdown, group, value, status in stated_rows:
        points[year, breakdown, group] = Point(year, group, value, status)
    cells: dict[tuple[int, str, str], dict] = defaultdict(dict)
    statuses: dict[tuple[int, str, str], set] = defaultdict(set)
    for year, breakdown, group, organisation, value, status in organisation_rows:
        cells[year, breakdown, group][organisation] = value
        statuses[year, breakdown, group].add(status)
    # A stated figure is published as it is; the organisations' values of that cell are not audited.
    protected = disclosure.protect({key: cell for key, cell in cells.items() if key not in points},
                                   how=indicator.aggregation)
    for key, result in protected.items():
        status = ValueStatus.FINAL if statuses[key] == {ValueStatus.FINAL} else ValueStatus.PROVISIONAL
        points[key] = Point(key[0], key[2], result.value, status, result.organisations, result.reason)
    return points


def _audit(indicators) -> dict[int, dict[tuple[int, str, str], Point]]:
    """Every cell of each of ``indicators`` as it may be published (``{pk: {cell: Point}}``). Two queries.

    The organisations' values of a cell that has a stated value are left in the database (that cell is
    published as stated; ``_points_from_rows`` would not audit them): on a dashboard whose whole-city
    figures are stated, the rows read are the stated ones only."""
    indicators = {indicator.pk: indicator for indicator in indicators}
    if not indicators:
        return {}
    rows = IndicatorValue.objects.filter(indicator__in=list(indicators))
    stated, of_organisations = defaultdict(list), defaultdict(list)
    for indicator_id, *row in rows.stated().values_list("indicator_id", *STATED_COLUMNS):
        stated[indicator_id].append(row)
    cell_is_stated = IndicatorValue.objects.stated().filter(
        indicator=models.OuterRef("indicator"), year=models.OuterRef("year"),
        breakdown=models.OuterRef("breakdown"), group=models.OuterRef("group"))
    for indicator_id, *row in (rows.of_organisations().filter(~models.Exists(cell_is_stated))
                               .values_list("indicator_id", *ORGANISATION_COLUMNS).iterator(chunk_size=5000)):
        of_organisations[indicator_id].append(row)
    return {pk: _points_from_rows(indicator, stated[pk], of_organisations[pk]) for pk, indicator in indicators.items()}


def _published_points_many(indicators) -> dict[int, dict[tuple[int, str, str], Point]]:
    """``_audit`` of ``indicators``, kept in the cache until their values change (``points_cache``):
    no query for the indicators kept, two for the others."""
    return points_cache.points_many(indicators, _audit)


def _published_points(indicator) -> dict[tuple[int, str, str], Point]:
    """Every cell of ``indicator`` as it may be published. Two queries, none when kept."""
    return _published_points_many([indicator])[indicator.pk]


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


# --- Dashboards and the diagnosis report (slice 4) ---------------------------------------------------
# ``published_series_many`` takes the same steps as ``published_series`` for many indicators in two
# queries, so the index, a dimension's page and the report cost the same whatever their number.


def published_series_many(indicators, *, breakdown: str = Breakdown.TOTAL, first_year: int | None = None,
                          last_year: int | None = None) -> dict[int, list[Point]]:
    """``published_series`` of each of ``indicators`` (by id), between the years given. Two queries (none
    when every indicator's audit is kept: ``points_cache``).

    Each indicator is audited whole (every year and breakdown, as ``published_series`` does) before
    the years and the breakdown are picked, so a figure withheld on one page is withheld here too."""
    indicators = {indicator.pk: indicator for indicator in indicators}
    audited = _published_points_many(indicators.values())
    series = {}
    for pk, points in audited.items():
        series[pk] = [points[key] for key in sorted(points) if key[1] == breakdown
                      and (first_year is None or key[0] >= first_year) and (last_year is None or key[0] <= last_year)]
    return series


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
