"""The sector's median and quartiles, for an organisation to compare its own figures with (the impact
platform). Plain Python on plain data: ``selectors``/``impact`` read the values, this decides.

Only organisations of one category (``network.Category``) are compared, one year and one indicator at
a time. These figures are shown to a representative of one of those organisations, who knows their
own value, so they need more organisations than a published sum:

* the **median** from ``CIVICA_OBSERVATORY_MIN_FOR_MEDIAN`` organisations (3, never fewer than the
  publication threshold ``CIVICA_OBSERVATORY_MIN_ORGANISATIONS``). With an odd number it is one
  organisation's value (without saying whose); that is accepted at 3, and a higher setting narrows it.
* the **quartiles** from ``CIVICA_OBSERVATORY_MIN_FOR_QUARTILES`` organisations (5, never fewer than
  the median's): with 3 or 4 organisations the lower and upper quartiles are nearly the smallest and
  the largest value, which a representative of one of them could pin on the others. They are computed
  by the "exclusive" method (``statistics.quantiles``: between two values as long as the positions
  fall between them), and a quartile is withheld with the median when the median is.

Medians and quartiles are order statistics: subtracting two of them reveals no one's value, so the
differencing rules of ``disclosure`` do not apply to them."""

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from .. import disclosure

TOO_FEW_FOR_MEDIAN = "too_few_for_median"
TOO_FEW_FOR_QUARTILES = "too_few_for_quartiles"


def minimum_for_median() -> int:
    return max(disclosure.minimum_organisations(), int(settings.CIVICA_OBSERVATORY_MIN_FOR_MEDIAN))


def minimum_for_quartiles() -> int:
    return max(minimum_for_median(), int(settings.CIVICA_OBSERVATORY_MIN_FOR_QUARTILES), 2)


@dataclass(frozen=True)
class SectorFigures:
    """The sector's figures of one year from ``organisations`` values; None where withheld, and
    ``reason`` says why the median (``TOO_FEW_FOR_MEDIAN``) or only the quartiles
    (``TOO_FEW_FOR_QUARTILES``) are."""

    organisations: int
    median: Decimal | None = None
    lower_quartile: Decimal | None = None
    upper_quartile: Decimal | None = None
    reason: str = ""


def sector_figures(values: Sequence[Decimal]) -> SectorFigures:
    """The median and quartiles of ``values`` (one organisation's each), withheld below their thresholds."""
    count = len(values)
    if count < minimum_for_median():
        return SectorFigures(count, reason=TOO_FEW_FOR_MEDIAN)
    median = Decimal(statistics.median(values))
    if count < minimum_for_quartiles():
        return SectorFigures(count, median=median, reason=TOO_FEW_FOR_QUARTILES)
    lower, _median, upper = statistics.quantiles([Decimal(value) for value in values], n=4, method="exclusive")
    return SectorFigures(count, median=median, lower_quartile=Decimal(lower), upper_quartile=Decimal(upper))
