"""Writes of the observatory's catalogue: frameworks, their dimensions, indicators, and the values the
analysts state (typed in, imported from a file) or the platform counts (``refresh_computed``).

Every write but the count is the analysts' (``observatory.manage``), runs in one transaction, locks the
row it changes (a value: its indicator's row, so a value typed in and an import of the same indicator
queue up) and re-checks under the lock, and is recorded in the audit log (an import once, with its
counts). Refusals are ValidationErrors keyed by the field they are about, in the active language.
Published pages follow by themselves: every write moves the page cache's generation
(``core.page_cache``)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.audit import services as audit_services
from civica.core import refusals

from . import computed, importing
from .models import Breakdown, Dimension, Framework, Indicator, IndicatorValue, ValueOrigin, ValueStatus

MANAGE = "observatory.manage"
BATCH = 5000


def _may_manage(by) -> None:
    refusals.check(by, MANAGE, otherwise=_("The observatory's catalogue is kept by its analysts."))


def _snapshot(row, names) -> dict:
    return {name: row._meta.get_field(name).value_from_object(row) for name in names}


def _save_row(model, *, row, fields: dict, by, after_lock=None):
    _may_manage(by)
    with transaction.atomic():
        if row is not None and row.pk:
            locked = model.objects.select_for_update().get(pk=row.pk)
            before = _snapshot(locked, fields)
        else:
            locked, before = model(), None
        for name, value in fields.items():
            locked._meta.get_field(name).save_form_data(locked, value)
        if after_lock is not None:
            after_lock(locked)
        locked.full_clean()
        locked.save()
        audit_services.record(
            by=by, action=f"observatory.{model._meta.model_name}.{'create' if before is None else 'update'}",
            target=locked, summary=str(locked)[:200],
            changes=audit_services.changed_fields(before or {}, _snapshot(locked, fields)))
    return locked


def framework_save(*, framework: Framework | None = None, by, **fields) -> Framework:
    return _save_row(Framework, row=framework, fields=fields, by=by)


def dimension_save(*, dimension: Dimension | None = None, framework: Framework, by, **fields) -> Dimension:
    fields["framework"] = framework
    return _save_row(Dimension, row=dimension, fields=fields, by=by)


def indicator_save(*, indicator: Indicator | None = None, by, **fields) -> Indicator:
    """An indicator's description. A count it is made from must be one the platform keeps
    (``computed.counts``); values already typed in stay (the count overwrites its own years only)."""
    key = fields.get("computed_from", "")
    if key and key not in computed.counts:
        raise ValidationError({"computed_from": _("Unknown count.")})
    fields["breakdowns"] = sorted(set(fields.get("breakdowns") or ()))
    return _save_row(Indicator, row=indicator, fields=fields, by=by)


def _check_value(indicator: Indicator, *, year: int, breakdown: str, group: str, value: Decimal) -> None:
    if indicator.computed_from:
        raise ValidationError(_("This indicator is counted by the platform: its values cannot be typed in."))
    if breakdown and breakdown not in (indicator.breakdowns or ()):
        raise ValidationError({"breakdown": _("This indicator is not broken down by “%(name)s”.")
                               % {"name": Breakdown(breakdown).label}})
    if breakdown and not group:
        raise ValidationError({"group": _("The group is missing.")})
    if not breakdown and group:
        raise ValidationError({"group": _("A group needs a breakdown; leave it empty for the whole city.")})
    allowed = importing.groups_of(breakdown) if breakdown else None
    if allowed is not None and group not in allowed:
        raise ValidationError({"group": _("Unknown group “%(group)s” for this breakdown.") % {"group": group[:40]}})
    if indicator.minimum is not None and value < indicator.minimum:
        raise ValidationError({"value": _("The value is below the indicator's smallest possible value.")})
    if indicator.maximum is not None and value > indicator.maximum:
        raise ValidationError({"value": _("The value is above the indicator's largest possible value.")})


def value_save(*, row: IndicatorValue | None = None, indicator: Indicator, by, year: int, breakdown: str,
               group: str, value: Decimal, status: str = ValueStatus.PROVISIONAL, source: str = "",
               note: str = "") -> IndicatorValue:
    """A stated value (no organisation) of ``indicator``, added or changed, checked under the indicator's lock:
    not a counted indicator, a breakdown it has, a group of that breakdown, within its range, and one value
    per year and group."""
    _may_manage(by)
    with transaction.atomic():
        locked_indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
        _check_value(locked_indicator, year=year, breakdown=breakdown, group=group, value=value)
        clash = IndicatorValue.objects.stated().filter(indicator=locked_indicator, year=year, breakdown=breakdown,
                                                       group=group)
        if row is not None and row.pk:
            locked = IndicatorValue.objects.select_for_update().get(pk=row.pk, indicator=locked_indicator,
                                                                    organisation__isnull=True)
            clash = clash.exclude(pk=locked.pk)
            before = _snapshot(locked, ("year", "breakdown", "group", "value", "status", "source", "note"))
        else:
            locked, before = IndicatorValue(indicator=locked_indicator, origin=ValueOrigin.TYPED), None
        if clash.exists():
            raise ValidationError({"year": _("This year and group have a value already: change that one.")})
        fields = {"year": year, "breakdown": breakdown, "group": group, "value": value, "status": status,
                  "source": source, "note": note}
        for name, given in fields.items():
            setattr(locked, name, given)
        locked.origin = ValueOrigin.TYPED
        locked.entered_by = by if by.is_authenticated else None
        locked.updated_at = timezone.now()
        locked.full_clean(exclude=["indicator", "organisation", "entered_by"])
        locked.save()
        audit_services.record(by=by, action=f"observatory.value.{'create' if before is None else 'update'}",
                              target=locked, summary=f"{locked_indicator.code} {year} {group}".strip(),
                              changes=audit_services.changed_fields(before or {}, {
                                  name: str(given) if isinstance(given, Decimal) else given
                                  for name, given in fields.items()}))
    return locked


def value_delete(*, row: IndicatorValue, by) -> None:
    _may_manage(by)
    with transaction.atomic():
        locked_indicator = Indicator.objects.select_for_update().get(pk=row.indicator_id)
        if locked_indicator.computed_from:
            raise ValidationError(_("This indicator is counted by the platform: its values cannot be typed in."))
        deleted, _kinds = IndicatorValue.objects.stated().filter(pk=row.pk).delete()
        if deleted:
            audit_services.record(by=by, action="observatory.value.delete", target=locked_indicator,
                                  summary=f"{locked_indicator.code} {row.year} {row.group}".strip())


def _stored(indicator_ids) -> dict:
    return {(indicator_id, year, breakdown, group): (pk, value, status, source, note)
            for pk, indicator_id, year, breakdown, group, value, status, source, note in (
                IndicatorValue.objects.stated().filter(indicator_id__in=indicator_ids)
                .values_list("pk", "indicator_id", "year", "breakdown", "group", "value", "status", "source",
                             "note").order_by())}


def _write_rows(plan: importing.Plan, *, now, entered_by_id) -> None:
    """Insert the plan's new values and update its changed ones with one prepared statement each, run over
    batches (``executemany``): the ORM's ``bulk_create`` builds a model and prepares every field of every
    row, three times slower over 100,000 rows. The columns are ``IndicatorValue``'s own; an
    organisation's is left NULL (stated values only)."""
    meta, quote = IndicatorValue._meta, connection.ops.quote_name
    columns = ["indicator", "year", "breakdown", "group", "value", "status", "source", "note", "origin",
               "illustrative", "entered_by", "updated_at"]
    names = ", ".join(quote(meta.get_field(name).column) for name in columns)
    insert = (f"INSERT INTO {quote(meta.db_table)} ({names}) "  # noqa: S608 -- the model's own names
              f"VALUES ({', '.join(['%s'] * len(columns))})")
    changed = ["value", "status", "source", "note", "origin", "entered_by", "updated_at"]
    update = (f"UPDATE {quote(meta.db_table)} SET "  # noqa: S608 -- the model's own names
              f"{', '.join(f'{quote(meta.get_field(name).column)} = %s' for name in changed)} WHERE id = %s")
    stamp = connection.ops.adapt_datetimefield_value(now)
    origin = ValueOrigin.IMPORTED.value
    with connection.cursor() as cursor:
        for start in range(0, len(plan.added), BATCH):
            cursor.executemany(insert, [
                (row.indicator_id, row.year, row.breakdown, row.group, row.value, row.status, row.source, row.note,
                 origin, False, entered_by_id, stamp) for row in plan.added[start:start + BATCH]])
        for start in range(0, len(plan.changed), BATCH):
            cursor.executemany(update, [
                (row.value, row.status, row.source, row.note, origin, entered_by_id, stamp, pk)
                for row, pk in plan.changed[start:start + BATCH]])


def values_import(*, data: bytes, convention: str, by, dry_run: bool) -> importing.Plan:
    """What importing the file ``data`` does (``dry_run``) or did. Every row is checked again when it is
    saved, under a lock on the indicators it names; if any is refused, nothing is saved. Rows are added
    and changed in batches of prepared statements (``_write_rows``): one file is one transaction.
    ``importing.FileRefused`` when the file cannot be read."""
    _may_manage(by)
    rows = list(importing.read_rows(data))
    codes = {str(cells.get("indicator", "")).strip().lower() for _number, cells in rows}
    with transaction.atomic():
        indicators = Indicator.objects.annotate(lower_code=Lower("code")).filter(lower_code__in=codes)
        if not dry_run:
            indicators = indicators.select_for_update()
        by_code = {indicator.code.lower(): indicator for indicator in indicators.order_by("pk")}
        plan = importing.check_rows(rows, indicators=by_code, stored=_stored([i.pk for i in by_code.values()]),
                                    convention=convention)
        if dry_run or not plan.accepted:
            return plan
        _write_rows(plan, now=timezone.now(), entered_by_id=by.pk if by.is_authenticated else None)
        audit_services.record(by=by, action="observatory.value.import",
                              summary=_("Added: %(added)d; changed: %(changed)d; unchanged: %(unchanged)d.") % {
                                  "added": len(plan.added), "changed": len(plan.changed),
                                  "unchanged": len(plan.unchanged)})
    return plan


def refresh_computed(*, by=None, years=None) -> dict[str, int]:
    """Count again every indicator made from one of the platform's counts (``computed_from``), for
    ``years`` (default: from the first year the count has data to this one), and store the counts as the
    indicators' whole-city values (origin "counted", final for past years, provisional for this one).
    ``by`` None: the periodic task. Returns how many values were added or changed per indicator code."""
    if by is not None:
        _may_manage(by)
    this_year = timezone.localdate().year
    changed: dict[str, int] = {}
    indicators = list(Indicator.objects.exclude(computed_from="").filter(computed_from__in=list(computed.counts)))
    results: dict[str, dict[int, Decimal]] = {}
    for key in {indicator.computed_from for indicator in indicators}:
        results[key] = computed.counts[key].by_year(years)
    with transaction.atomic():
        for indicator in Indicator.objects.select_for_update().filter(pk__in=[i.pk for i in indicators]).order_by("pk"):
            counted = results[indicator.computed_from]
            wanted = sorted(years) if years is not None else (
                list(range(min(counted), this_year + 1)) if counted else [])
            stored = {year: row for row in IndicatorValue.objects.stated().filter(
                indicator=indicator, breakdown=Breakdown.TOTAL, year__in=wanted) for year in [row.year]}
            count = 0
            now = timezone.now()
            for year in wanted:
                value = counted.get(year, Decimal(0))
                status = ValueStatus.PROVISIONAL if year >= this_year else ValueStatus.FINAL
                row = stored.get(year)
                if row is None:
                    IndicatorValue.objects.create(indicator=indicator, year=year, value=value, status=status,
                                                  origin=ValueOrigin.COMPUTED, updated_at=now)
                    count += 1
                elif row.value != value or row.status != status or row.origin != ValueOrigin.COMPUTED:
                    row.value, row.status, row.origin, row.updated_at = value, status, ValueOrigin.COMPUTED, now
                    row.save(update_fields=["value", "status", "origin", "updated_at"])
                    count += 1
            changed[indicator.code] = count
    return changed
