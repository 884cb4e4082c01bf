"""Truth table of account permissions: each kind of user, active or not, verified or not (rows: the
root conftest's ``make_user``). Django admin's own permissions: core/tests/test_rules.py."""

import pytest

PERMISSIONS = {"accounts.contribute", "accounts.manage_own_account", "accounts.grant_role"}

KINDS = ["anonymous", "inactive", "inactive_editor", "unverified", "participant", "member_representative",
         "moderator", "editor", "administrator", "superuser"]
SIGNED_IN = set(KINDS) - {"anonymous", "inactive", "inactive_editor"}
EXPECTED = {
    # A verified e-mail address: every signed-in kind but the unverified one.
    "accounts.contribute": SIGNED_IN - {"unverified"},
    "accounts.manage_own_account": SIGNED_IN,
    "accounts.grant_role": {"administrator", "superuser"},
    "core.access_admin": {"editor", "administrator", "superuser"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_account_permissions(make_user, kind):
    user = make_user("editor", is_active=False) if kind == "inactive_editor" else make_user(kind)
    assert {permission: user.has_perm(permission) for permission in EXPECTED} == {
        permission: kind in allowed for permission, allowed in EXPECTED.items()}
