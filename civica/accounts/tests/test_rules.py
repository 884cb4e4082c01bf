"""Truth table of account permissions: each kind of user, active or not, verified or not."""

import pytest

PERMISSIONS = {"accounts.contribute", "accounts.manage_own_account", "accounts.grant_role"}

KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator", "editor",
         "administrator", "superuser"]
SIGNED_IN = set(KINDS) - {"anonymous", "inactive"}
EXPECTED = {
    # A verified e-mail address: every signed-in kind but the unverified one.
    "accounts.contribute": SIGNED_IN - {"unverified"},
    "accounts.manage_own_account": SIGNED_IN,
    "accounts.grant_role": {"administrator", "superuser"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("permission", sorted(PERMISSIONS))
@pytest.mark.parametrize("kind", KINDS)
def test_account_permissions(make_user, kind, permission):
    assert make_user(kind).has_perm(permission) == (kind in EXPECTED[permission])
