"""Truth table of verification: every role × what the person holds already."""

import pytest
from django.utils import translation

from civica.verification import services
from civica.verification.levels import Level
from civica.verification.models import Method, Verification

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Read in English here (addresses under /en/, refusals and notices); the Romanian is the catalogue's.
    with translation.override("en"):
        yield

PERMISSIONS = ["verification.verify_residence", "verification.redeem_code", "verification.see_own",
               "verification.verify_at_desk", "verification.import_census"]
KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator", "editor",
         "administrator", "analyst", "superuser"]
HOLDS = ["nothing", "resident", "in_person"]
SIGNED_IN_ACTIVE = {"participant", "member_representative", "moderator", "editor", "administrator", "analyst",
                    "superuser"}


@pytest.mark.parametrize("holds", HOLDS)
@pytest.mark.parametrize("kind", KINDS)
def test_permissions(make_user, kind, holds):
    user = make_user(kind)
    if holds != "nothing" and kind != "anonymous":
        Verification.objects.create(user=user, level=holds, method=Method.DESK)
    person, superuser = kind in SIGNED_IN_ACTIVE, kind == "superuser"  # a superuser holds every permission
    assert user.has_perm("verification.verify_residence") == (superuser or person and holds == "nothing")
    assert user.has_perm("verification.redeem_code") == (superuser or person and holds != "in_person")
    assert user.has_perm("verification.see_own") == (kind != "anonymous")
    assert user.has_perm("verification.verify_at_desk") == (kind in {"editor", "administrator", "superuser"})
    assert user.has_perm("verification.import_census") == (kind in {"administrator", "superuser"})


@pytest.mark.parametrize("kind, reason", [
    ("anonymous", "Log in to verify your account."),
    ("unverified", "Verify your e-mail address first: open the link we sent you."),
])
def test_the_reason_of_a_refusal_is_the_first_requirement_missing(make_user, kind, reason):
    from civica.core import refusals

    assert refusals.why_not(make_user(kind), "verification.verify_residence") == reason


def test_a_level_is_read_once_per_request(make_user, django_assert_num_queries):
    from civica.verification.predicates import user_levels

    user = make_user("participant")
    services.desk_verify(user=user, by=make_user("editor"))
    user = type(user).objects.get(pk=user.pk)
    with django_assert_num_queries(2):  # the levels, the verified address
        assert user_levels(user) == {Level.EMAIL, Level.IN_PERSON}
        assert user_levels(user) == {Level.EMAIL, Level.IN_PERSON}
