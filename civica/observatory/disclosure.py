"""Statistical disclosure control: what may be published of organisations' own values.

Plain Python on plain data. An aggregate over fewer than ``minimum_organisations()`` organisations is
never published (primary suppression). What else must be withheld so that no published figure, nor the
difference of two, reveals one organisation's value, is decided here too, for every page and download
(``selectors`` asks; nothing else aggregates organisations' values)."""

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from .models import Aggregation


def minimum_organisations() -> int:
    return max(1, int(settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS))


@dataclass(frozen=True)
class Aggregate:
    """The sector's figure from ``organisations`` values; ``value`` is None when it is withheld."""

    value: Decimal | None
    organisations: int

    @property
    def suppressed(self) -> bool:
        return self.value is None


def combine(values: Sequence[Decimal], how: str) -> Decimal:
    if how == Aggregation.SUM:
        return sum(values, Decimal(0))
    if how == Aggregation.MEDIAN:
        return Decimal(statistics.median(values))
    return sum(values, Decimal(0)) / len(values)


def aggregate(values: Sequence[Decimal], *, how: str = Aggregation.SUM, minimum: int | None = None) -> Aggregate:
    """The aggregate of one organisation's value each, or a withheld one below the threshold."""
    minimum = minimum_organisations() if minimum is None else minimum
    if len(values) < minimum:
        return Aggregate(None, len(values))
    return Aggregate(combine(values, how), len(values))
