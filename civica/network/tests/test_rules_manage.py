"""Truth table of the network's staff screens: every role, with scoped roles on and off the
organisation's programme's call or workshop (a scope never reaches the network)."""

import pytest

from civica.network.tests.factories import MemberFactory, OrganisationFactory

PERMISSIONS = {"network.manage_network", "network.manage_representatives"}
KINDS = ["anonymous", "participant", "member_representative", "member_representative_here", "evaluator",
         "facilitator", "moderator", "moderator_scoped", "editor", "administrator", "superuser"]
EDITORS = {"editor", "administrator", "superuser"}
ADMINISTRATORS = {"administrator", "superuser"}


@pytest.fixture
def organisation(db):
    return MemberFactory()


@pytest.fixture
def make(make_user, organisation):
    def make(kind):
        if kind == "member_representative":
            return make_user(kind, scope=MemberFactory())
        if kind == "member_representative_here":
            return make_user("member_representative", scope=organisation)
        if kind in {"evaluator", "facilitator", "moderator_scoped"}:
            # Scoped roles are scoped to something else than the network: an organisation here.
            return make_user(kind.removesuffix("_scoped"), scope=OrganisationFactory())
        return make_user(kind)

    return make


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_manage_network(make, organisation, kind):
    user = make(kind)
    assert user.has_perm("network.manage_network") == (kind in EDITORS)
    assert user.has_perm("network.manage_representatives", organisation) == (kind in ADMINISTRATORS)
