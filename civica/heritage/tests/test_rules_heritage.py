"""Truth tables of the heritage inventory: every role (a visitor, the usual accounts, a Roots youth of this
locality, of another locality and of the whole network, a moderator of this locality, editors, a
craftsperson with an account) × the inventory's permissions on a published locality, a public object, a
waiting proposal and a craftsperson with and without consent; and the staff screens by role."""

import pytest

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.heritage.tests.factories import CraftspersonFactory, HeritageObjectFactory, LocalityFactory

pytestmark = pytest.mark.django_db

PERMISSIONS = ["heritage.read_locality", "heritage.read_object", "heritage.read_person", "heritage.manage",
               "heritage.read_original", "heritage.propose", "heritage.propose_somewhere",
               "heritage.withdraw_consent", "heritage.give_consent"]

KINDS = ["anonymous", "inactive", "participant", "moderator", "analyst", "editor", "administrator", "superuser",
         "roots_here", "roots_elsewhere", "roots_network", "moderator_here", "craftsperson"]
EDITORS = {"editor", "administrator", "superuser"}
# The site's moderators (no scope) and this locality's moderators review proposals; editors are moderators too.
MODERATORS = EDITORS | {"moderator", "moderator_here"}


@pytest.fixture
def world():
    locality = LocalityFactory()
    other = LocalityFactory()
    proposer = UserFactory(role=Role.ROOTS, role__scope=locality)
    public = HeritageObjectFactory(locality=locality)
    waiting = HeritageObjectFactory(locality=locality, review_state="waiting", is_hidden=True, proposed_by=proposer)
    return {"locality": locality, "other": other, "public": public, "waiting": waiting, "proposer": proposer}


def user_of(kind, make_user, world):
    if kind == "roots_here":
        return UserFactory(role=Role.ROOTS, role__scope=world["locality"])
    if kind == "roots_elsewhere":
        return UserFactory(role=Role.ROOTS, role__scope=world["other"])
    if kind == "roots_network":
        return UserFactory(role=Role.ROOTS)
    if kind == "moderator_here":
        return UserFactory(role=Role.MODERATOR, role__scope=world["locality"])
    if kind == "craftsperson":
        return UserFactory()
    return make_user(kind)


@pytest.mark.parametrize("kind", KINDS)
def test_permissions(make_user, world, kind):
    user = user_of(kind, make_user, world)
    listed = CraftspersonFactory(locality=world["locality"], user=user if kind == "craftsperson" else None)
    listed.consent_at = listed.created_at
    listed.save()
    unlisted = CraftspersonFactory(locality=world["locality"], user=user if kind == "craftsperson" else None)
    staff, person = kind in EDITORS, kind == "craftsperson"
    roots = kind in {"roots_here", "roots_network"} or staff
    got = {
        "read_locality": user.has_perm("heritage.read_locality", world["locality"]),
        "read_public_object": user.has_perm("heritage.read_object", world["public"]),
        "read_waiting_proposal": user.has_perm("heritage.read_object", world["waiting"]),
        "review_proposal": user.has_perm("moderation.review", world["waiting"]),
        "propose_here": user.has_perm("heritage.propose", world["locality"]),
        "propose_somewhere": user.has_perm("heritage.propose_somewhere"),
        "manage": user.has_perm("heritage.manage"),
        "read_original": user.has_perm("heritage.read_original"),
        "read_listed_person": user.has_perm("heritage.read_person", listed),
        "read_unlisted_person": user.has_perm("heritage.read_person", unlisted),
        "withdraw_consent": user.has_perm("heritage.withdraw_consent", listed),
        "give_consent": user.has_perm("heritage.give_consent", unlisted),
    }
    assert got == {
        "read_locality": True, "read_public_object": True,
        "read_waiting_proposal": kind in MODERATORS,
        "review_proposal": kind in MODERATORS,
        "propose_here": roots and kind != "inactive",
        "propose_somewhere": (roots or kind == "roots_elsewhere") and kind != "inactive",
        "manage": staff, "read_original": staff,
        "read_listed_person": True, "read_unlisted_person": staff or person,
        "withdraw_consent": staff or person, "give_consent": staff or person,
    }


def test_the_proposer_reads_their_waiting_proposal(world):
    assert world["proposer"].has_perm("heritage.read_object", world["waiting"])
    assert not world["proposer"].has_perm("moderation.review", world["waiting"])


def test_an_unpublished_locality_is_staff_only(make_user):
    draft = LocalityFactory(is_published=False)
    assert not make_user("participant").has_perm("heritage.read_locality", draft)
    assert make_user("editor").has_perm("heritage.read_locality", draft)


@pytest.mark.parametrize("kind", ["anonymous", "participant", "roots_here", "moderator", "craftsperson", "editor"])
def test_staff_screens_answer_by_role(client, make_user, world, kind):
    user = user_of(kind, make_user, world)
    if kind != "anonymous":
        client.force_login(user)
    locality = world["locality"]
    for url in ["/en/heritage/manage/", f"/en/heritage/manage/localities/{locality.pk}/records/",
                f"/en/heritage/manage/localities/{locality.pk}/", "/en/heritage/manage/objects/new/",
                f"/en/heritage/manage/localities/{locality.pk}/photos/"]:
        response = client.get(url)
        if kind == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        elif kind in EDITORS:
            assert response.status_code == 200, url
        else:
            assert response.status_code == 403
            assert b"Only the centre&#x27;s editors keep the heritage inventory." in response.content


@pytest.mark.parametrize("kind", ["anonymous", "participant", "roots_here", "roots_elsewhere", "editor"])
def test_the_proposal_form_by_role(client, make_user, world, kind):
    user = user_of(kind, make_user, world)
    if kind != "anonymous":
        client.force_login(user)
    response = client.get(f"/en/heritage/localities/{world['locality'].slug}/propose/")
    if kind == "anonymous":
        assert response.status_code == 302
    elif kind in {"roots_here", "editor"}:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert b"proposed by the Roots group" in response.content
