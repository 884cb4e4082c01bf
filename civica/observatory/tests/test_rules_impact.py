"""Truth table of the impact platform: who may see an organisation's own figures beside its sector's
(``observatory.view_impact``), for every role, on the organisation they represent and on another one;
and what each gets from the pages. Named ``test_rules*`` so that core's permission coverage
(``PERMISSIONS``) finds it."""

import pytest

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.network.models import Representation
from civica.network.tests.factories import MemberFactory, OrganisationFactory, member_representative
from civica.observatory.tests.factories import OrganisationValueFactory

# The core's two permissions are here too: the index tells analysts by ``observatory.manage``.
PERMISSIONS = {"observatory.view_impact", "observatory.manage", "observatory.view_raw_values"}

# representative: of the organisation; unverified_representative: the same without a verified e-mail;
# partner_representative: of a partner organisation (not a member: the platform is for every
# organisation that answers); other_representative: of another organisation.
KINDS = ["anonymous", "inactive", "unverified", "participant", "representative", "unverified_representative",
         "inactive_representative", "partner_representative", "other_representative", "moderator", "editor",
         "administrator", "analyst", "superuser"]
# Who may see the organisation's page (partner_representative looks at their own partner organisation).
ALLOWED = {"representative", "partner_representative", "analyst", "superuser"}


@pytest.fixture
def organisations(db):
    member, other = MemberFactory(slug="member"), MemberFactory(slug="other")
    partner = OrganisationFactory(slug="partner")
    for organisation in (member, partner, other):
        OrganisationValueFactory(organisation=organisation)
    return {"member": member, "partner": partner, "other": other}


def make(kind, organisations, make_user):
    member = organisations["member"]
    if kind == "representative":
        return member_representative(member)
    if kind == "unverified_representative":
        return member_representative(member, verified=False)
    if kind == "inactive_representative":
        return member_representative(member, is_active=False)
    if kind == "partner_representative":
        user = UserFactory()
        Representation.objects.create(user=user, organisation=organisations["partner"])
        return user
    if kind == "other_representative":
        return member_representative(organisations["other"])
    if kind == "analyst":
        return UserFactory(role=Role.ANALYST)
    return make_user(kind)


def own_organisation(kind, organisations):
    return organisations["partner"] if kind == "partner_representative" else organisations["member"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_view_impact(organisations, make_user, kind):
    user = make(kind, organisations, make_user)
    assert user.has_perm("observatory.view_impact", own_organisation(kind, organisations)) == (kind in ALLOWED)
    # Another organisation's figures: the analysts only (the other representative's own is "other").
    stranger = organisations["partner"] if kind == "other_representative" else organisations["other"]
    assert user.has_perm("observatory.view_impact", stranger) == (kind in {"analyst", "superuser"})
    assert user.has_perm("observatory.view_impact", None) == (kind in {"analyst", "superuser"})


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_the_analysts_permissions(organisations, make_user, kind):
    user = make(kind, organisations, make_user)
    for permission in ("observatory.manage", "observatory.view_raw_values"):
        assert user.has_perm(permission) == (kind in {"analyst", "superuser"}), permission


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_the_pages_answer_by_role(client, organisations, make_user, kind):
    user = make(kind, organisations, make_user)
    if kind not in {"anonymous", "inactive", "inactive_representative"}:
        client.force_login(user)
    slug = own_organisation(kind, organisations).slug
    for suffix in ("", "report/", "report.pdf"):
        status = client.get(f"/en/observatory/impact/{slug}/{suffix}").status_code
        if kind in {"anonymous", "inactive", "inactive_representative"}:
            expected = 302
        else:
            # Their own organisation's representative, unverified, is told why; anyone else is told nothing.
            expected = 200 if kind in ALLOWED else 403 if kind == "unverified_representative" else 404
        assert status == expected, (suffix, status)
        if status == 403:
            assert "Verify your e-mail address" in client.get(f"/en/observatory/impact/{slug}/").content.decode()
    index = client.get("/en/observatory/impact/").status_code
    assert index == (302 if kind in {"anonymous", "inactive", "inactive_representative", "representative",
                                     "unverified_representative", "partner_representative",
                                     "other_representative"} else 200)
