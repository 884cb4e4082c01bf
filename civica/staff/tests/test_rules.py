"""Truth table of the staff dashboard: who may open it (what they see on it: test_dashboard.py)."""

import pytest

from civica.calls.tests.factories import CallFactory
from civica.network.tests.factories import OrganisationFactory
from civica.participation.tests.factories import ProcessFactory

PERMISSIONS = {"staff.view_dashboard"}
KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "partner_representative",
         "evaluator", "facilitator", "moderator", "moderator_scoped", "editor", "administrator", "superuser"]
ALLOWED = set(KINDS) - {"anonymous", "inactive", "unverified", "participant", "partner_representative"}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_view_dashboard(make_user, kind):
    if kind == "partner_representative":  # represents an organisation that is not a member
        user = make_user("member_representative", scope=OrganisationFactory())
    elif kind in {"evaluator", "facilitator"}:
        user = make_user(kind, scope=CallFactory())
    elif kind == "moderator_scoped":
        user = make_user("moderator", scope=ProcessFactory())
    else:
        user = make_user(kind)
    assert user.has_perm("staff.view_dashboard") == (kind in ALLOWED)
