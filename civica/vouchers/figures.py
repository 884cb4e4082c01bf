"""A voucher programme's figures (issue 22, point 7): its staff's dashboard, what is published of them, and
what feeds the centre's plan and the observatory. Reads only; every function in a fixed number of queries
(rows are grouped here, on the site's clock, so months and years are Bucharest's on every database).

- ``dashboard(programme)``: for the programme's staff and the editors: the budget (committed, used, left),
  vouchers issued and redeemed by month, redemptions by venue and by offer. Aggregates, no person.
- ``published(programme)``: what the public sees of the same on the programme's page and in its open
  data: the redemptions (people and amount) in all, by month and by venue, and the vouchers issued in all
  and by month. **No cell counts fewer than ``MIN_BENEFICIARIES`` (3) beneficiaries**, and no cell can be
  worked out from the others: each table goes through the observatory's disclosure control
  (``observatory.disclosure.protect``, a beneficiary standing for an organisation; its secondary suppression
  withholds a month or venue whose difference with the total, or with another cell, would tell fewer than
  three people's figures). The dominance rule is off: what the threshold protects is a person's being
  counted, and one voucher's value is the same for everyone.
- ``totals_at(programme, day)``: vouchers issued, vouchers redeemed, beneficiaries reached and budget used
  up to ``day`` (the plan's KPIs, through ``accountability.registry``; apps.py registers them), each None
  while it concerns fewer than three beneficiaries.
- ``by_year(years)``: the same four across every published programme, by calendar year (the observatory's
  counted indicators, ``observatory.computed.counts``); a year with fewer than three beneficiaries is left
  out. Budget used is counted for programmes in lei only (entries do not add up with lei).

A beneficiary erased at the retention date (the voucher keeps no person) counts as one person per voucher."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.core.calendar_names import MONTHS_ABBR
from civica.observatory.disclosure import protect

from .models import ProgrammeStatus, Redemption, Unit, Voucher, VoucherProgramme, VoucherStatus

MIN_BENEFICIARIES = 3
TOTAL = (0, "", "")


def _person(beneficiary_id, voucher_id):
    return beneficiary_id if beneficiary_id is not None else f"voucher-{voucher_id}"


def _month(moment) -> datetime.date:
    return timezone.localtime(moment).date().replace(day=1)


def _end_of(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min,
                                     tzinfo=timezone.get_current_timezone())


def _issued_rows(programme):
    # A re-issued card carries what its replaced one had: the replaced one is left out, not both counted.
    return (Voucher.objects.filter(programme=programme).exclude(status=VoucherStatus.REPLACED)
            .values_list("issued_at", "beneficiary_id", "pk", "value").order_by())


def _redemption_rows(programme):
    return (Redemption.objects.filter(voucher__programme=programme, reversed_at=None)
            .values_list("redeemed_at", "voucher__beneficiary_id", "voucher_id", "amount", "venue__name",
                         "offer__title_ro", "offer__title_en").order_by())


def month_label(day: datetime.date) -> str:
    """"Jun 2021" ("iun. 2021"): a month as charts and tables name it."""
    return f"{MONTHS_ABBR[day.month - 1]} {day.year}"


def _label(label) -> str:
    return month_label(label) if isinstance(label, datetime.date) else str(label)


def chart_rows(rows, what: str = "amount") -> list[tuple]:
    """``[(label, value)]`` for ``core.charts`` from the dashboard's rows (``what``: amount or count)."""
    return [(_label(row.label), getattr(row, what)) for row in rows]


def published_chart_rows(cells, what: str = "amount") -> list[tuple]:
    """The same from published cells; a withheld one draws no bar and reads "withheld"."""
    return [(_label(cell.label), None, _("withheld")) if cell.withheld
            else (_label(cell.label), cell.amount if what == "amount" else cell.people) for cell in cells]


@dataclass
class Row:
    label: object
    count: int = 0
    amount: Decimal = Decimal("0")


def _rows(grouped: dict) -> list[Row]:
    return [grouped[key] for key in sorted(grouped)]


def dashboard(programme) -> dict:
    """The staff's figures (module docstring). Two queries."""
    issued: dict = {}
    for moment, _beneficiary, _pk, value in _issued_rows(programme):
        row = issued.setdefault(_month(moment), Row(_month(moment)))
        row.count += 1
        row.amount += value
    by_month: dict = {}
    by_venue: dict = {}
    by_offer: dict = {}
    redeemed_vouchers, people = set(), set()
    english = (translation.get_language() or "").startswith("en")
    for moment, beneficiary, voucher, amount, venue, title_ro, title_en in _redemption_rows(programme):
        title = (title_en or title_ro) if english else title_ro
        for grouped, key in ((by_month, _month(moment)), (by_venue, venue), (by_offer, f"{title} — {venue}")):
            row = grouped.setdefault(key, Row(key))
            row.count += 1
            row.amount += amount
        redeemed_vouchers.add(voucher)
        people.add(_person(beneficiary, voucher))
    used = sum((row.amount for row in by_month.values()), Decimal("0"))
    budget_rows = [(_("Used: redeemed"), used), (_("Committed by vouchers, not yet used"), programme.committed - used),
                   (_("Not committed: left to issue"), programme.available)]
    shown = {
        "budget_chart": budget_rows,
        "budget": programme.budget, "committed": programme.committed, "used": used,
        "left": programme.budget - used, "available": programme.available,
        "issued": sum(row.count for row in issued.values()), "redeemed_vouchers": len(redeemed_vouchers),
        "beneficiaries": len(people), "redemptions": sum(row.count for row in by_month.values()),
        "issued_by_month": _rows(issued), "redeemed_by_month": _rows(by_month),
        "by_venue": sorted(by_venue.values(), key=lambda row: (-row.amount, str(row.label))),
        "by_offer": sorted(by_offer.values(), key=lambda row: (-row.amount, str(row.label))),
    }
    shown.update(issued_chart=chart_rows(shown["issued_by_month"], "count"),
                 redeemed_chart=chart_rows(shown["redeemed_by_month"]), venue_chart=chart_rows(shown["by_venue"]),
                 offer_chart=chart_rows(shown["by_offer"]))
    return shown


@dataclass(frozen=True)
class PublishedCell:
    label: object
    people: int | None  # None: withheld
    amount: Decimal | None

    @property
    def withheld(self) -> bool:
        return self.people is None


def withheld_text() -> str:
    return ngettext("Withheld: fewer than %(minimum)s beneficiary, or it would reveal them.",
                    "Withheld: fewer than %(minimum)s beneficiaries, or it would reveal them.",
                    MIN_BENEFICIARIES) % {"minimum": MIN_BENEFICIARIES}


def _protected(cells: dict) -> dict:
    return protect(cells, minimum=MIN_BENEFICIARIES, share=Decimal("0"))


def _published_cell(label, aggregate) -> PublishedCell:
    if aggregate.suppressed:
        return PublishedCell(label, None, None)
    return PublishedCell(label, aggregate.organisations, aggregate.value)


def published(programme) -> dict:
    """What the public sees (module docstring): ``redeemed`` and ``issued``, each with ``total`` and its
    breakdowns as lists of ``PublishedCell`` (``amount`` is the sum redeemed, or the vouchers issued). Two
    queries."""
    redeemed: dict = defaultdict(lambda: defaultdict(Decimal))
    for moment, beneficiary, voucher, amount, venue, _title_ro, _title_en in _redemption_rows(programme):
        person = _person(beneficiary, voucher)
        for key in (TOTAL, (0, "month", _month(moment)), (0, "venue", venue)):
            redeemed[key][person] += amount
    issued: dict = defaultdict(lambda: defaultdict(Decimal))
    for moment, beneficiary, voucher, _value in _issued_rows(programme):
        person = _person(beneficiary, voucher)
        for key in (TOTAL, (0, "month", _month(moment))):
            issued[key][person] += 1
    shown = {}
    for name, cells in (("redeemed", redeemed), ("issued", issued)):
        protected = _protected(cells) if cells else {}
        shown[name] = {
            "total": _published_cell(_("In all"), protected[TOTAL]) if TOTAL in protected else None,
            "by_month": [_published_cell(key[2], protected[key]) for key in sorted(protected) if key[1] == "month"],
            "by_venue": [_published_cell(key[2], protected[key]) for key in sorted(protected) if key[1] == "venue"],
        }
        shown[name]["month_chart"] = published_chart_rows(shown[name]["by_month"])
        shown[name]["venue_chart"] = published_chart_rows(shown[name]["by_venue"])
    return shown


def _enough(people: set) -> bool:
    return len(people) >= MIN_BENEFICIARIES


def totals_at(programme, day: datetime.date) -> dict:
    """``issued``, ``redeemed``, ``beneficiaries``, ``used`` up to the end of ``day`` (module docstring).
    Two queries."""
    end = _end_of(day)
    issued_people, issued = set(), 0
    for _moment, beneficiary, voucher, _value in _issued_rows(programme).filter(issued_at__lt=end):
        issued += 1
        issued_people.add(_person(beneficiary, voucher))
    people, vouchers, used = set(), set(), Decimal("0")
    for _moment, beneficiary, voucher, amount, *_rest in _redemption_rows(programme).filter(redeemed_at__lt=end):
        people.add(_person(beneficiary, voucher))
        vouchers.add(voucher)
        used += amount
    reached = _enough(people)
    return {"issued": Decimal(issued) if _enough(issued_people) else None,
            "redeemed": Decimal(len(vouchers)) if reached else None,
            "beneficiaries": Decimal(len(people)) if reached else None,
            "used": used if reached else None}


def _years_range(years):
    if years is None:
        return {}
    if not years:
        return None
    zone = timezone.get_current_timezone()
    return {"gte": datetime.datetime(min(years), 1, 1, tzinfo=zone),
            "lt": datetime.datetime(max(years) + 1, 1, 1, tzinfo=zone)}


def by_year(what: str, years) -> dict[int, Decimal]:
    """``what`` (``issued``, ``redeemed``, ``beneficiaries``, ``lei_used``) by calendar year across the
    published programmes; a year with fewer than three beneficiaries is left out. One query."""
    bounds = _years_range(years)
    if bounds is None:
        return {}
    public = VoucherProgramme.objects.exclude(status=ProgrammeStatus.DRAFT).values("pk")
    people: dict = defaultdict(set)
    figures: dict = defaultdict(Decimal)
    if what == "issued":
        vouchers = Voucher.objects.filter(programme__in=public).exclude(status=VoucherStatus.REPLACED)
        if bounds:
            vouchers = vouchers.filter(issued_at__gte=bounds["gte"], issued_at__lt=bounds["lt"])
        for moment, beneficiary, voucher in vouchers.values_list("issued_at", "beneficiary_id", "pk").order_by():
            year = timezone.localtime(moment).year
            people[year].add(_person(beneficiary, voucher))
            figures[year] += 1
    else:
        redemptions = Redemption.objects.filter(voucher__programme__in=public, reversed_at=None)
        if bounds:
            redemptions = redemptions.filter(redeemed_at__gte=bounds["gte"], redeemed_at__lt=bounds["lt"])
        vouchers: dict = defaultdict(set)
        rows = redemptions.values_list("redeemed_at", "voucher__beneficiary_id", "voucher_id", "amount",
                                       "voucher__programme__unit").order_by()
        for moment, beneficiary, voucher, amount, unit in rows:
            year = timezone.localtime(moment).year
            people[year].add(_person(beneficiary, voucher))
            vouchers[year].add(voucher)
            if unit == Unit.LEI:
                figures[year] += amount
        if what == "redeemed":
            figures = {year: Decimal(len(found)) for year, found in vouchers.items()}
        elif what == "beneficiaries":
            figures = {year: Decimal(len(found)) for year, found in people.items()}
    wanted = None if years is None else set(years)
    return {year: Decimal(value) for year, value in figures.items()
            if _enough(people[year]) and (wanted is None or year in wanted)}
