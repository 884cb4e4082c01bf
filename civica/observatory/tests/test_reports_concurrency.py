"""Publishing a report while another analyst withdraws or publishes it: the report's row is locked and its
status read again under the lock, so each move is declared from the status it finds (PostgreSQL; SQLite
serialises every writer, so there is nothing to prove)."""

from functools import partial

import pytest

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.audit.models import AuditEntry
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.core.transitions import MoveNotPossible
from civica.observatory.dashboards import services as dashboard_services
from civica.observatory.models import ReportStatus
from civica.observatory.tests.factories import ReportFactory, ReportSectionFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def test_two_analysts_publishing_at_once_publish_once():
    first, second = UserFactory(role=Role.ANALYST), UserFactory(role=Role.ANALYST)
    for attempt in range(3):
        report = ReportFactory()
        outcomes = run_together([partial(dashboard_services.report_move, report=report, to=ReportStatus.PUBLISHED,
                                         by=analyst) for analyst in (first, second)])
        report.refresh_from_db()
        assert report.status == ReportStatus.PUBLISHED, attempt
        assert sum(isinstance(outcome, MoveNotPossible) for outcome in outcomes) == 1, (attempt, outcomes)
        assert AuditEntry.objects.filter(action="observatory.report.published", target_id=report.pk).count() == 1


def test_a_section_saved_while_the_report_is_withdrawn_is_kept():
    analyst = UserFactory(role=Role.ANALYST)
    report = ReportFactory(status=ReportStatus.PUBLISHED)
    section = ReportSectionFactory(report=report)
    outcomes = run_together([
        partial(dashboard_services.report_move, report=report, to=ReportStatus.DRAFT, by=analyst),
        partial(dashboard_services.section_save, report=report, section=section, by=analyst, title_ro="Nou",
                position=1)])
    assert not any(isinstance(outcome, Exception) for outcome in outcomes), outcomes
    report.refresh_from_db()
    section.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and section.title_ro == "Nou"
