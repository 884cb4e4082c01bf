"""An application's moves under parallel requests (PostgreSQL; SQLite serialises every writer): the
application's row is locked while its status is read and changed, so an acceptance and a withdrawal at the
same moment never both win, nor do two acceptances, nor two submissions of one organisation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from civica.accounts.tests.factories import UserFactory
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.network import services
from civica.network.models import ApplicationStatus, MembershipApplication, Organisation, Representation

pytestmark = pytest.mark.django_db(transaction=True)

DETAILS = {"category": "civil_society", "position": "Președintă", "statement": "De ce"}


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def decided_on():
    return timezone.localdate() - datetime.timedelta(days=1)


def test_accepting_and_withdrawing_at_the_same_moment_one_wins():
    editor = UserFactory(role="editor")
    outcomes_seen = set()
    for attempt in range(6):
        applicant = UserFactory()
        application = services.membership_application_submit(by=applicant, name=f"Asociația {attempt}", **DETAILS)
        services.membership_application_review(application=application, by=editor)
        calls = [
            lambda a=application: services.membership_application_accept(application=a, decided_on=decided_on(),
                                                                          note="AGM", by=editor),
            lambda a=application, p=applicant: services.membership_application_withdraw(application=a, by=p),
        ]
        if attempt % 2:
            calls.reverse()
        outcomes = run_together(calls)
        assert sum(outcome is None for outcome in outcomes) == 1, outcomes
        assert all(isinstance(outcome, ValidationError) for outcome in outcomes if outcome is not None)
        application.refresh_from_db()
        outcomes_seen.add(application.status)
        member = Organisation.objects.filter(name=f"Asociația {attempt}")
        if application.status == ApplicationStatus.ACCEPTED:
            assert member.count() == 1 and Representation.objects.filter(user=applicant).count() == 1
        else:
            assert application.status == ApplicationStatus.WITHDRAWN
            assert not member.exists() and not Representation.objects.filter(user=applicant).exists()
    assert outcomes_seen <= {ApplicationStatus.ACCEPTED, ApplicationStatus.WITHDRAWN}


def test_two_reviewers_accepting_at_once_make_one_member():
    editors = [UserFactory(role="editor") for _ in range(4)]
    application = services.membership_application_submit(by=UserFactory(), name="Asociația Unică", **DETAILS)
    services.membership_application_review(application=application, by=editors[0])
    outcomes = run_together([lambda e=editor: services.membership_application_accept(
        application=application, decided_on=decided_on(), note="AGM", by=e) for editor in editors])
    assert sum(outcome is None for outcome in outcomes) == 1
    assert Organisation.objects.filter(name="Asociația Unică").count() == 1


def test_one_person_submitting_twice_at_once_makes_one_application():
    applicant = UserFactory()
    outcomes = run_together([lambda: services.membership_application_submit(
        by=applicant, name="Asociația Dublă", **DETAILS) for _ in range(4)])
    assert sum(outcome is None for outcome in outcomes) == 1
    assert MembershipApplication.objects.filter(name="Asociația Dublă").count() == 1
