"""Truth table of the catalogue's screens: every role, for the permission and for each screen
(anonymous and inactive visitors are sent to log in, others without ``observatory.manage`` get a 403 that
says why, analysts get the screen). An editor or an administrator is not an analyst."""

import pytest

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.network.tests.factories import OrganisationFactory
from civica.observatory.tests.factories import (
    DimensionFactory,
    IndicatorFactory,
    ValueFactory,
    analyst,
)
from civica.participation.tests.factories import ProcessFactory

PERMISSIONS = {"observatory.manage": {"analyst", "superuser"}}
KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator",
         "scoped_moderator", "evaluator", "facilitator", "editor", "administrator", "analyst", "superuser"]
ANALYSTS = PERMISSIONS["observatory.manage"]


@pytest.fixture
def make(make_user):
    def make(kind):
        if kind == "analyst":
            return analyst()
        if kind == "scoped_moderator":
            return UserFactory(role=Role.MODERATOR, role__scope=ProcessFactory())
        if kind in {"evaluator", "facilitator"}:
            return make_user(kind, scope=OrganisationFactory())
        return make_user(kind)

    return make


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("permission", sorted(PERMISSIONS))
def test_permission(make, kind, permission):
    assert make(kind).has_perm(permission) == (kind in PERMISSIONS[permission])


def _urls():
    dimension = DimensionFactory(framework__slug="c2030")
    indicator = IndicatorFactory(code="c2030-1", framework=dimension.framework, dimension=dimension)
    value = ValueFactory(indicator=indicator, year=2021)
    base = "/en/observatory/manage/"
    reads = [base, f"{base}frameworks/new/", f"{base}frameworks/c2030/", f"{base}frameworks/c2030/dimensions/new/",
             f"{base}frameworks/c2030/dimensions/{dimension.pk}/", f"{base}indicators/new/",
             f"{base}indicators/c2030-1/", f"{base}indicators/c2030-1/values/", f"{base}indicators/c2030-1/values/new/",
             f"{base}indicators/c2030-1/values/{value.pk}/", f"{base}import/"]
    writes = [f"{base}indicators/c2030-1/values/{value.pk}/delete/", f"{base}import/confirm/"]
    return reads, writes, value


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_the_screens_answer_by_role(client, make, kind):
    reads, writes, value = _urls()
    user = make(kind)
    if kind not in {"anonymous", "inactive"}:
        client.force_login(user)
    expected = 302 if kind in {"anonymous", "inactive"} else 200 if kind in ANALYSTS else 403
    for url in reads:
        response = client.get(url)
        assert response.status_code == expected, (url, response.status_code)
        if expected == 403:
            assert "kept by its analysts" in response.content.decode()
    for url in writes:
        status = client.post(url).status_code
        assert status == (302 if kind in ANALYSTS or expected == 302 else 403), (url, status)
    # Only an analyst's post deletes the value.
    assert value.__class__.objects.filter(pk=value.pk).exists() == (kind not in ANALYSTS)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["editor", "analyst"])
def test_the_staff_dashboard_links_the_observatory_for_analysts_only(client, make, kind):
    client.force_login(make(kind))
    page = client.get("/en/staff/").content.decode()
    assert ("/en/observatory/manage/" in page) == (kind == "analyst")
