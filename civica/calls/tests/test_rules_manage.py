"""Truth table of the editors' screens of calls: every role (scoped evaluator and facilitator both on
this call and elsewhere) for the list and creation of calls and for setting one call up, in each state."""

import pytest

from civica.calls.models import CallStatus
from civica.calls.tests.factories import CallFactory

pytestmark = pytest.mark.django_db

PERMISSIONS = {"calls.manage_calls"}
KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "evaluator_here",
         "evaluator_elsewhere", "facilitator_here", "facilitator_elsewhere", "moderator", "editor", "administrator",
         "superuser"]
EDITORS = {"editor", "administrator", "superuser"}


def _user(make_user, kind, call):
    if kind.endswith("_here"):
        return make_user(kind.removesuffix("_here"), scope=call)
    if kind.endswith("_elsewhere"):
        return make_user(kind.removesuffix("_elsewhere"), scope=CallFactory())
    return make_user(kind)


@pytest.mark.parametrize("status", [CallStatus.DRAFT, CallStatus.PUBLISHED, CallStatus.EVALUATION])
@pytest.mark.parametrize("kind", KINDS)
def test_permissions(make_user, kind, status):
    call = CallFactory(status=status)
    user = _user(make_user, kind, call)
    assert user.has_perm("calls.manage_calls") == (kind in EDITORS)
    assert user.has_perm("calls.manage_call", call) == (kind in EDITORS)
