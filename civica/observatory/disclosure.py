"""Statistical disclosure control: what may be published of organisations' own values.

Plain Python on plain data (no query, no model instance), so that it can be tested by itself and
proved with random data. ``selectors`` feeds it every organisation's value of an indicator and
publishes what it allows; **every page and download of the observatory reads organisations'
figures only through ``selectors.published_series`` and ``selectors.published_table``**, which
call ``protect`` here; nothing else aggregates organisations' values for the public.

What is withheld, and why (``Aggregate.reason``):

``too_few`` — primary suppression. An aggregate of fewer than ``minimum_organisations()``
    organisations (``CIVICA_OBSERVATORY_MIN_ORGANISATIONS``, 3) is never published.
``dominated`` — the dominance rule. A sum (or mean) where one organisation makes more than
    ``dominance_share()`` (``CIVICA_OBSERVATORY_DOMINANCE_SHARE``, 0.85; 0 turns it off) of the
    whole, in absolute values: the figure is nearly that organisation's value.
``secondary`` — secondary suppression: the figure would be safe alone, but together with another
    published figure it would reveal one (or fewer than the minimum) organisation's value.

The attacks that secondary suppression covers. A *cell* is one aggregate of one year: the whole
city (the *total*) or one group of a breakdown, with each organisation's contribution to it. What an
attacker can compute from two cells is their difference, which is itself an aggregate: over the
organisations whose contributions differ between the two cells (the *difference set*). That set
must be empty (the difference says nothing of anyone) or pass the same rules as a cell (at least
the minimum of organisations, no dominant one). Checked:

1. **Total minus its published groups** (one year, one breakdown): the total less every published
   group of a breakdown is the sum of the withheld groups plus the organisations that gave no
   breakdown. Its difference set is computed from the values: an organisation is in it when it is in
   one of the two only (whatever its value, even 0) or when its total is not the sum of its published
   groups' values. When it is too small, the published group
   with the smallest value is withheld too, then the next, and the total itself if no group is left.
   This covers "a total over categories published with all but one category's figure".
2. **Any two cells of the same year** (the total and a group, two groups of two breakdowns, e.g.
   "all organisations" against a category holding all but one): the difference set of the pair. When
   it is too small, the group (rather than the total), the smaller one, is withheld.
3. **The same cell in two years** (the total of 2021 and of 2022 when the set of organisations
   changed by one): the difference of the two is the newcomer's value *plus* everyone else's change,
   which is an estimate, not a disclosure, unless the others' values did not change. The difference
   set is computed from the values (an organisation whose value stayed the same is not in it): when
   fewer than the minimum differ (only the newcomer's value), the smaller of the two, or the later
   year's, is withheld. The dominance rule is not applied here: a change dominated by one
   organisation's change tells its change, not its value.

Each check is repeated until nothing more is withheld (withholding only grows, so it ends).

Not covered, and why. Combinations of three or more cells other than rule 1 (e.g. two groups of a
breakdown against one group of another breakdown): a full audit is a linear programme (what
τ-Argus does); the observatory publishes one breakdown per page and the rules above close the
attacks of one or two subtractions. Medians are order statistics, not sums: a difference of two
medians reveals no value, so medians only get primary suppression (``sector`` holds their own,
higher thresholds for quartiles). Stated values (typed, imported, counted by the platform) are not
organisations' answers and are published as they are.
"""

import statistics
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Aggregation

TOO_FEW = "too_few"
DOMINATED = "dominated"
SECONDARY = "secondary"
# A cell's key: (year, breakdown, group); the total of a year is (year, "", "").
TOTAL = ("", "")


def minimum_organisations() -> int:
    return max(1, int(settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS))


def dominance_share() -> Decimal:
    """The share of a sum above which one organisation dominates it (0: no dominance rule)."""
    return Decimal(str(getattr(settings, "CIVICA_OBSERVATORY_DOMINANCE_SHARE", "0.85")))


@dataclass(frozen=True)
class Aggregate:
    """The sector's figure from ``organisations`` values; ``value`` is None when it is withheld, and
    ``reason`` then says why (``TOO_FEW``, ``DOMINATED``, ``SECONDARY``)."""

    value: Decimal | None
    organisations: int
    reason: str = ""

    @property
    def suppressed(self) -> bool:
        return self.value is None


def reason_text(reason: str) -> str:
    """What a page or download says in place of a withheld figure (the same words everywhere)."""
    if reason == TOO_FEW:
        minimum = minimum_organisations()
        return ngettext("Withheld: fewer than %(minimum)s organisation answered.",
                        "Withheld: fewer than %(minimum)s organisations answered.", minimum) % {"minimum": minimum}
    if reason == DOMINATED:
        return _("Withheld: one organisation makes nearly all of this figure.")
    if reason == SECONDARY:
        return _("Withheld: with the figures published beside it, it would reveal one organisation's answer.")
    return ""


def combine(values: Sequence[Decimal], how: str) -> Decimal:
    if how == Aggregation.SUM:
        return sum(values, Decimal(0))
    if how == Aggregation.MEDIAN:
        return Decimal(statistics.median(values))
    return sum(values, Decimal(0)) / len(values)


def reveals(contributions: Sequence[Decimal], *, minimum: int, share: Decimal) -> str:
    """Why an aggregate of these contributions (one an organisation, zeros left out) may not be
    published: ``TOO_FEW``, ``DOMINATED``, or "" when it may."""
    if len(contributions) < minimum:
        return TOO_FEW
    if share and len(contributions) > 1:
        sizes = [abs(float(value)) for value in contributions]
        whole = sum(sizes)
        if whole and max(sizes) > float(share) * whole:
            return DOMINATED
    return ""


def aggregate(values: Sequence[Decimal], *, how: str = Aggregation.SUM, minimum: int | None = None) -> Aggregate:
    """The aggregate of one organisation's value each, or a withheld one below the threshold (primary
    suppression only: a figure published alone; a table goes through ``protect``)."""
    minimum = minimum_organisations() if minimum is None else minimum
    if len(values) < minimum:
        return Aggregate(None, len(values), TOO_FEW)
    return Aggregate(combine(values, how), len(values))


class _Cell:
    """A cell's values with what the audit asks of them again and again: the sum of their sizes, and the
    organisations from the largest size down."""

    __slots__ = ("values", "whole", "ranked")

    def __init__(self, values: Mapping):
        self.values = values
        self.whole = sum(abs(value) for value in values.values())
        self.ranked = sorted(((abs(value), organisation) for organisation, value in values.items()),
                             key=lambda pair: pair[0], reverse=True)

    def largest_outside(self, common) -> float:
        for size, organisation in self.ranked:
            if organisation not in common:
                return size
        return 0.0


def difference_set(first: Mapping, second: Mapping) -> dict:
    """The difference ``first - second`` as an aggregate: ``{organisation: contribution}`` for every
    organisation in one of the two only (whatever its value: the difference is an aggregate over it)
    and every organisation in both whose values differ (one in both with the same value cancels out)."""
    differences = {organisation: first[organisation] for organisation in first.keys() - second.keys()}
    differences.update({organisation: -second[organisation] for organisation in second.keys() - first.keys()})
    differences.update({organisation: first[organisation] - second[organisation]
                        for organisation in first.keys() & second.keys()
                        if first[organisation] != second[organisation]})
    return differences


def _reveals_difference(first: _Cell, second: _Cell, *, minimum: int, share: float) -> bool:
    """Whether ``difference_set(first, second)`` is not empty and fails ``reveals``, without building it:
    set operations in C, then a loop over the organisations in both only."""
    common = first.values.keys() & second.values.keys()
    count = len(first.values) + len(second.values) - 2 * len(common)
    if not share and count >= minimum:
        return False
    changed, common_first, common_second = [], 0.0, 0.0
    for organisation in common:
        a, b = first.values[organisation], second.values[organisation]
        common_first += abs(a)
        common_second += abs(b)
        if a != b:
            changed.append(abs(a - b))
            if not share and count + len(changed) >= minimum:
                return False
    count += len(changed)
    if count == 0:
        return False
    if count < minimum:
        return True
    if not share or count < 2:
        return False
    whole = first.whole - common_first + second.whole - common_second + sum(changed)
    largest = max(first.largest_outside(common), second.largest_outside(common), max(changed, default=0.0))
    return bool(whole) and largest > share * whole


def protect(cells: Mapping[tuple, Mapping[Hashable, Decimal]], *, how: str = Aggregation.SUM,
            minimum: int | None = None, share: Decimal | None = None) -> dict[tuple, Aggregate]:
    """What may be published of ``cells``: ``{(year, breakdown, group): {organisation: value}}``, the
    total of a year being ``(year, "", "")``. Returns an ``Aggregate`` for every cell (the module's
    docstring says what is withheld and why)."""
    minimum = minimum_organisations() if minimum is None else minimum
    share = dominance_share() if share is None else share
    # The audit compares and sums floats (several times faster than decimals). Two values that differ
    # by less than a float tells apart count as equal: the organisation then leaves a difference set,
    # which can only withhold more, never less.
    numeric = {key: {organisation: float(value) for organisation, value in contributions.items()}
               for key, contributions in cells.items()}
    share = float(share)
    withheld: dict[tuple, str] = {}
    for key, contributions in numeric.items():
        reason = reveals(list(contributions.values()), minimum=minimum, share=share)
        if reason:
            withheld[key] = reason
    if how != Aggregation.MEDIAN:
        _secondary(numeric, withheld, minimum=minimum, share=share)
    result = {}
    for key, contributions in cells.items():
        if key in withheld:
            result[key] = Aggregate(None, len(contributions), withheld[key])
        else:
            result[key] = Aggregate(combine(list(contributions.values()), how), len(contributions))
    return result


def _size(cells, key) -> tuple:
    """The order in which cells are given up: groups before totals, small before large, later years
    before earlier ones."""
    contributions = cells[key].values
    return (key[1:] == TOTAL, abs(sum(contributions.values())), len(contributions), -key[0], key)


def _secondary(values, withheld: dict, *, minimum: int, share: float) -> None:
    cells = {key: _Cell(contributions) for key, contributions in values.items()}
    by_year: dict = defaultdict(list)
    by_place: dict = defaultdict(list)
    for key in cells:
        by_year[key[0]].append(key)
        by_place[key[1:]].append(key)

    def give_up(first, second):
        withheld[min(first, second, key=lambda key: _size(cells, key))] = SECONDARY

    changed = True
    while changed:
        changed = False
        # 1. The total of a year minus the published groups of one breakdown.
        for year, keys in by_year.items():
            total = (year, *TOTAL)
            if total not in cells or total in withheld:
                continue
            for breakdown in sorted({key[1] for key in keys if key[1]}):
                while total not in withheld:
                    published = [key for key in keys if key[1] == breakdown and key not in withheld]
                    parts: dict = defaultdict(float)
                    for key in published:
                        for organisation, value in cells[key].values.items():
                            parts[organisation] += value
                    if not _reveals_difference(cells[total], _Cell(parts), minimum=minimum, share=share):
                        break
                    victim = min(published, key=lambda key: _size(cells, key)) if published else total
                    withheld[victim] = SECONDARY
                    changed = True
        # 2. Two cells of the same year. Two cells without an organisation in common (two groups of one
        # breakdown) are skipped: their difference is both, safe when each of them is.
        for keys in by_year.values():
            for index, first in enumerate(keys):
                for second in keys[index + 1:]:
                    if (first in withheld or second in withheld
                            or cells[first].values.keys().isdisjoint(cells[second].values)):
                        continue
                    if _reveals_difference(cells[first], cells[second], minimum=minimum, share=share):
                        give_up(first, second)
                        changed = True
        # 3. The same cell in two years: only the count of organisations whose value changed (a change
        # dominated by one organisation's change reveals a change, not a value).
        for keys in by_place.values():
            for index, first in enumerate(keys):
                for second in keys[index + 1:]:
                    if first in withheld or second in withheld:
                        continue
                    if _reveals_difference(cells[first], cells[second], minimum=minimum, share=0.0):
                        give_up(first, second)
                        changed = True
