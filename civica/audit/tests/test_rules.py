"""Truth table of the audit log: only administrators read it, scoped roles included."""

import pytest

pytestmark = pytest.mark.django_db

PERMISSIONS = ["audit.read_log"]
KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "evaluator",
         "facilitator", "moderator", "editor", "administrator", "superuser"]


@pytest.mark.parametrize("kind", KINDS)
def test_permissions(make_user, kind):
    # A scoped role on some object (which one does not matter: the log is not scoped).
    from civica.accounts.tests.factories import UserFactory

    user = make_user(kind, scope=UserFactory()) if kind in {"evaluator", "facilitator"} else make_user(kind)
    assert user.has_perm("audit.read_log") == (kind in {"administrator", "superuser"})
