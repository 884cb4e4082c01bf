"""Truth table of the bodies' staff screens: every role, for the permission and for each screen
(anonymous visitors are sent to log in, others without the right get a 403, editors get the screen)."""

import pytest

from civica.governance.tests.body_factories import BodyFactory, SeatFactory, TermFactory
from civica.network.tests.factories import OrganisationFactory

PERMISSIONS = {"governance.manage_bodies"}
KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator",
         "evaluator", "facilitator", "editor", "administrator", "superuser"]
EDITORS = {"editor", "administrator", "superuser"}


@pytest.fixture
def make(make_user):
    def make(kind):
        if kind in {"evaluator", "facilitator"}:
            return make_user(kind, scope=OrganisationFactory())
        return make_user(kind)

    return make


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_manage_bodies(make, kind):
    assert make(kind).has_perm("governance.manage_bodies") == (kind in EDITORS)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_the_staff_screens_answer_by_role(client, make, kind):
    body = BodyFactory(slug="board")
    seat = SeatFactory(body=body)
    term = TermFactory(seat=seat)
    urls = ["/en/network/bodies/manage/", "/en/network/bodies/manage/new/", "/en/network/bodies/manage/board/",
            "/en/network/bodies/manage/board/seats/new/", f"/en/network/bodies/manage/board/seats/{seat.pk}/",
            f"/en/network/bodies/manage/board/seats/{seat.pk}/terms/new/",
            f"/en/network/bodies/manage/board/terms/{term.pk}/end/", "/en/network/bodies/manage/board/meetings/new/",
            "/en/network/bodies/manage/board/decisions/new/", "/en/network/bodies/manage/board/objectives/new/"]
    user = make(kind)
    if kind not in {"anonymous", "inactive"}:
        client.force_login(user)
    for url in urls:
        status = client.get(url).status_code
        expected = 302 if kind in {"anonymous", "inactive"} else 200 if kind in EDITORS else 403
        assert status == expected, (url, status)
    # The public pages are for everyone.
    assert client.get("/en/network/bodies/").status_code == 200
    assert client.get("/en/network/bodies/board/").status_code == 200
