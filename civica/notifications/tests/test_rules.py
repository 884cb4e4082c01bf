"""Truth table of following: anyone with an active account may follow (a verified address is not needed:
following writes nothing others see)."""

import pytest

from civica.accounts.tests.factories import UserFactory

PERMISSIONS = {"notifications.follow"}

KINDS = ["anonymous", "inactive", "unverified", "participant", "moderator", "editor", "administrator"]
SIGNED_IN = set(KINDS) - {"anonymous", "inactive"}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_follow(make_user, kind):
    user = make_user(kind)
    # What is followed does not matter to the permission; a person stands for any target.
    assert user.has_perm("notifications.follow", UserFactory()) == (kind in SIGNED_IN)
