"""What the impact platform reads (issue 19, point 3): one organisation's own values over the years,
each beside the median and quartiles of the organisations of its category (``sector``).

These are the only reads of one organisation's values outside the analysts' screens; the views call
them only after ``observatory.view_impact`` allowed the person for *that* organisation (its
representatives, the analysts). Nothing here returns another organisation's value: the sector's
values are read as bare numbers and leave this module only as ``sector.SectorFigures``."""

from collections import defaultdict
from dataclasses import dataclass

from civica.network.models import Organisation
from civica.network.predicates import represented_organisation_ids

from ..models import Breakdown, IndicatorValue
from . import sector


def impact_organisations(user, *, everyone: bool = False):
    """The organisations whose impact pages ``user`` may open: those they represent, or (``everyone``,
    for an analyst) every organisation with values. One query."""
    if everyone:
        return Organisation.objects.filter(pk__in=IndicatorValue.objects.of_organisations()
                                           .values("organisation_id")).order_by("name")
    return Organisation.objects.filter(pk__in=represented_organisation_ids(user)).order_by("name")


@dataclass(frozen=True)
class YearRow:
    year: int
    value: object  # Decimal: the organisation's own
    status: str
    sector: sector.SectorFigures


@dataclass(frozen=True)
class IndicatorImpact:
    indicator: object
    rows: list[YearRow]


def organisation_impact(organisation) -> list[IndicatorImpact]:
    """Every indicator the organisation has values of (the whole city's breakdown: its own total), its
    values by year beside its category's figures of that year. Two queries."""
    own = list(IndicatorValue.objects.filter(organisation=organisation, breakdown=Breakdown.TOTAL)
               .select_related("indicator__framework").order_by("indicator__framework__position",
                                                                 "indicator__position", "indicator_id", "year"))
    if not own:
        return []
    peers: dict[tuple[int, int], list] = defaultdict(list)
    for indicator_id, year, value in (
            IndicatorValue.objects.of_organisations()
            .filter(indicator_id__in={row.indicator_id for row in own}, year__in={row.year for row in own},
                    breakdown=Breakdown.TOTAL, organisation__category=organisation.category)
            .values_list("indicator_id", "year", "value")):
        peers[indicator_id, year].append(value)
    impacts: dict[int, IndicatorImpact] = {}
    for row in own:
        impact = impacts.setdefault(row.indicator_id, IndicatorImpact(row.indicator, []))
        impact.rows.append(YearRow(row.year, row.value, row.status,
                                   sector.sector_figures(peers[row.indicator_id, row.year])))
    return list(impacts.values())
