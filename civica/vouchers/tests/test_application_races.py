"""Deciding applications under parallel requests (PostgreSQL; SQLite serialises every writer): two staff
approving the budget's last voucher at the same instant (for two applications, and twice for one) issue it
once and never pass the budget; an approval racing the applicant's withdrawal is either in before it
(approved, a voucher) or refused (withdrawn, nothing issued)."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civica.accounts.tests.factories import UserFactory
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.vouchers import services
from civica.vouchers.models import Application, ApplicationStatus, Voucher, VoucherProgramme
from civica.vouchers.tests.factories import programme_staff, setting

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def _submitted(programme):
    user = UserFactory()
    application = services.application_start(programme=programme, by=user)
    return services.application_submit(application=application, answers={}, by=user)


def _two_approvals_of_the_budgets_last_voucher_issue_it_once():
    programme, _venue, _offer = setting(accepts_applications=True, voucher_value=Decimal("100"),
                                        budget=Decimal("300"))
    for _round in range(3):
        Voucher.objects.filter(programme=programme).delete()
        VoucherProgramme.objects.filter(pk=programme.pk).update(committed=Decimal("200"))
        first, second = _submitted(programme), _submitted(programme)
        one, other = programme_staff(programme), programme_staff(programme)
        outcomes = run_together([
            lambda a=first, s=one: services.application_approve(application=a, by=s),
            lambda a=second, s=other: services.application_approve(application=a, by=s)])
        assert sum(outcome is None for outcome in outcomes) == 1
        assert all(isinstance(outcome, ValidationError) for outcome in outcomes if outcome is not None)
        assert VoucherProgramme.objects.get(pk=programme.pk).committed == Decimal("300")
        assert Voucher.objects.filter(programme=programme).count() == 1
        statuses = sorted(Application.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True))
        assert statuses == [ApplicationStatus.APPROVED, ApplicationStatus.SUBMITTED]
    # One application approved twice at once (two staff, two tabs): one voucher.
    VoucherProgramme.objects.filter(pk=programme.pk).update(committed=Decimal("0"))
    Voucher.objects.filter(programme=programme).delete()
    single = _submitted(programme)
    deciders = [programme_staff(programme), programme_staff(programme)]
    outcomes = run_together([lambda s=person: services.application_approve(application=single, by=s)
                             for person in deciders])
    assert sum(outcome is None for outcome in outcomes) == 1
    assert all(isinstance(outcome, PermissionDenied) for outcome in outcomes if outcome is not None)
    assert Voucher.objects.filter(beneficiary__application=single).count() == 1


def _an_approval_racing_a_withdrawal_is_in_before_it_or_refused():
    programme, _venue, _offer = setting(accepts_applications=True)
    for _round in range(4):
        application = _submitted(programme)
        staff = programme_staff(programme)
        outcomes = run_together([
            lambda a=application, s=staff: services.application_approve(application=a, by=s),
            lambda a=application: services.application_withdraw(application=a, by=a.applicant),
        ])
        application.refresh_from_db()
        assert sum(outcome is None for outcome in outcomes) == 1
        assert all(isinstance(outcome, PermissionDenied) for outcome in outcomes if outcome is not None)
        issued = Voucher.objects.filter(beneficiary__application=application).count()
        if outcomes[0] is None:
            assert application.status == ApplicationStatus.APPROVED and issued == 1
        else:
            assert application.status == ApplicationStatus.WITHDRAWN and issued == 0
    committed = VoucherProgramme.objects.get(pk=programme.pk).committed
    assert committed == Decimal("100") * Voucher.objects.filter(programme=programme).count()


# One test: each transactional test empties every table after it (seconds on PostgreSQL).
def test_deciding_applications_at_the_same_instant():
    _two_approvals_of_the_budgets_last_voucher_issue_it_once()
    _an_approval_racing_a_withdrawal_is_in_before_it_or_refused()
