"""Truth table of the calls' endpoints: whoever asks reads what a visitor reads. A draft call is not
found for anyone, even for the editors who see it on the pages and for an evaluator of that very call;
submitted applications never show before the results, whoever asks."""

import pytest
from django.utils import timezone

from civica.accounts.tests.factories import UserFactory
from civica.calls.models import Application, ApplicationStatus, CallStatus
from civica.calls.tests.factories import CallFactory

KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator",
         "evaluator", "facilitator", "editor", "administrator", "superuser"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_every_caller_reads_what_a_visitor_reads(client, make_user, kind):
    CallFactory(slug="publicat")
    evaluated = CallFactory(slug="evaluat", status=CallStatus.EVALUATION)
    draft = CallFactory(slug="ciorna", status=CallStatus.DRAFT)
    Application.objects.create(call=evaluated, applicant=UserFactory(), reference="R-1", title="Trimis",
                               status=ApplicationStatus.SUBMITTED, submitted_at=timezone.now())
    scope = draft if kind in {"moderator", "evaluator", "facilitator"} else None
    user = make_user(kind, scope=scope)
    if kind != "anonymous":
        client.force_login(user)
    expected = {"/api/v1/calls/": 200, "/api/v1/calls/publicat": 200, "/api/v1/calls/evaluat": 200,
                "/api/v1/calls/ciorna": 404}
    for path, status in expected.items():
        assert client.get(path).status_code == status, (kind, path)
    assert {row["slug"] for row in client.get("/api/v1/calls/").json()["results"]} == {"publicat", "evaluat"}
    evaluated_read = client.get("/api/v1/calls/evaluat").json()
    assert evaluated_read["funded"] is None and "Trimis" not in str(evaluated_read)
