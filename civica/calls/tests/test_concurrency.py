"""An application's draft saves, submissions, withdrawals and reopenings under parallel requests
(two tabs, a double click): the row is locked and its status checked again under the lock
(PostgreSQL; SQLite serialises every writer, so there is nothing to prove)."""


import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from civica.calls import services
from civica.calls.models import Application, ApplicationStatus, Submission
from civica.calls.tests.factories import CallFactory
from civica.calls.tests.test_applications import PDF, complete_data
from civica.core.tests.concurrency import run_together, skip_unless_postgresql

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield




def _ready_draft(participant):
    call = CallFactory()
    client = Client()
    client.force_login(participant)
    client.post(f"/en/calls/{call.slug}/apply/")
    url = f"/en/calls/{call.slug}/application/"
    client.post(url, complete_data(portfolio=SimpleUploadedFile("p.pdf", PDF, "application/pdf")))
    return Application.objects.get(call=call, applicant=participant), url


def test_a_draft_save_racing_a_submission_never_loses_it(participant):
    application, url = _ready_draft(participant)
    for round_number in range(8):
        # Both requests read the application as a draft before either writes.
        for_save = Application.objects.get(pk=application.pk)
        for_submit = Application.objects.get(pk=application.pk)
        outcomes = run_together([
            lambda saving=for_save, title=f"Round {round_number}": services.application_save_draft(
                application=saving, by=participant, title=title, amount_requested=15000, answers=saving.answers),
            lambda submitting=for_submit: services.application_submit(application=submitting, by=participant),
        ])
        assert outcomes[1] is None, outcomes
        assert outcomes[0] is None or isinstance(outcomes[0], PermissionDenied)
        application.refresh_from_db()
        versions = list(Submission.objects.filter(application=application).values_list("version", flat=True))
        assert application.status == ApplicationStatus.SUBMITTED
        assert application.version == round_number + 1 == max(versions) == len(versions)
        services.application_reopen(application=application, by=participant)
    # A later submission still works, through the page as well.
    client = Client()
    client.force_login(participant)
    response = client.post(url, {**complete_data(), "submit": "1"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED and application.version == 9


def test_parallel_submissions_give_one_version(participant):
    application, _url = _ready_draft(participant)
    copies = [Application.objects.get(pk=application.pk) for _ in range(6)]
    outcomes = run_together([lambda copy=copy: services.application_submit(application=copy, by=participant)
                             for copy in copies])
    assert sum(outcome is None for outcome in outcomes) == 1
    assert all(outcome is None or isinstance(outcome, PermissionDenied) for outcome in outcomes), outcomes
    assert list(Submission.objects.filter(application=application).values_list("version", flat=True)) == [1]
