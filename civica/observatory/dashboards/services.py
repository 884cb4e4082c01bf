"""Writes of the dashboards' slice: the diagnosis report and its sections, by the observatory's analysts
(``observatory.manage_reports``), and its publication through ``REPORT_TRANSITIONS``. Each write locks
the report's row, re-checks under the lock, and is recorded in the audit log. (The public pages follow
on their own: every write moves the page cache's generation, core/page_cache.py.)"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.audit import services as audit_services
from civica.core import refusals, transitions

from ..models import Report, ReportSection, ReportStatus

MANAGE = "observatory.manage_reports"


def _may_manage(by) -> None:
    refusals.check(by, MANAGE, otherwise=_("The diagnosis reports are written by the observatory's analysts."))


def report_save(*, report: Report | None = None, by, **fields) -> Report:
    """Create or change a report with the form's fields."""
    _may_manage(by)
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk) if report is not None else Report()
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.full_clean()
        locked.save()
        audit_services.record(by=by, action=f"observatory.report.{'update' if report else 'create'}",
                              target=locked, summary=str(locked))
    return locked


def section_save(*, report: Report, section: ReportSection | None = None, by, indicators=(), **fields):
    """Create or change a section of ``report``; ``indicators`` must be published ones."""
    _may_manage(by)
    with transaction.atomic():
        locked_report = Report.objects.select_for_update().get(pk=report.pk)
        if section is not None:
            locked = ReportSection.objects.select_for_update().get(pk=section.pk, report=locked_report)
        else:
            locked = ReportSection(report=locked_report)
        unpublished = [indicator.code for indicator in indicators if not indicator.is_published]
        if unpublished:
            raise ValidationError({"indicators": _("Not published: %(codes)s.") % {"codes": ", ".join(unpublished)}})
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.full_clean(exclude=["report"])
        locked.save()
        locked.indicators.set(indicators)
        Report.objects.filter(pk=locked_report.pk).update(updated_at=timezone.now())
        audit_services.record(by=by, action=f"observatory.report_section.{'update' if section else 'create'}",
                              target=locked_report, summary=str(locked))
    return locked


def section_delete(*, section: ReportSection, by) -> None:
    _may_manage(by)
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=section.report_id)
        deleted, _rows = ReportSection.objects.filter(pk=section.pk, report=report).delete()
        if deleted:
            audit_services.record(by=by, action="observatory.report_section.delete", target=report,
                                  summary=str(section))


def report_move(*, report: Report, to: str, by) -> Report:
    """Publish a draft, or withdraw a published report to a draft (``REPORT_TRANSITIONS``)."""
    def record(locked):
        locked.status = to
        if to == ReportStatus.PUBLISHED:
            locked.published_at = timezone.now()

    with transaction.atomic():  # the move and its record together
        moved = transitions.move(report, to=to, by=by, record=record, fields=("status", "published_at"))
        audit_services.record(by=by, action=f"observatory.report.{to}", target=moved, summary=str(moved))
    return moved
