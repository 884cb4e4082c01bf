"""Bad input never makes a 500: a Roots youth's proposal form and the staff's locality form take any text
in any field (coordinates, LMI codes, kinds, ids), and either save a valid record or say what is wrong;
nothing invalid is saved. An approved proposal's datestamp moves, so harvesters see it appear."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.heritage.lmi import LMI_PATTERN
from civica.heritage.models import HeritageObject, Locality
from civica.heritage.tests.factories import LocalityFactory
from civica.moderation import services as moderation

pytestmark = pytest.mark.django_db

TEXT = st.one_of(st.text(max_size=40), st.sampled_from(["", "46,77", "-91", "1e400", "NaN", "CJ-II-m-A-07232",
                                                         "monument", "building", "0", "99999999999999999999"]))
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(kind=TEXT, name=TEXT, code=TEXT, latitude=TEXT, longitude=TEXT)
def test_the_proposal_form_never_fails(client, kind, name, code, latitude, longitude):
    locality = Locality.objects.first() or LocalityFactory()
    client.force_login(UserFactory(role=Role.ROOTS))
    response = client.post(f"/en/heritage/localities/{locality.slug}/propose/", {
        "kind": kind.replace("\x00", ""), "name_ro": name.replace("\x00", ""), "lmi_code": code.replace("\x00", ""),
        "latitude": latitude.replace("\x00", ""), "longitude": longitude.replace("\x00", "")})
    assert response.status_code in (200, 302)
    for saved in HeritageObject.objects.all():
        assert saved.lmi_code == "" or LMI_PATTERN.fullmatch(saved.lmi_code)
        assert saved.latitude is None or -90 <= saved.latitude <= 90


@FUZZ
@given(name=TEXT, county=TEXT, latitude=TEXT, longitude=TEXT, pk=TEXT)
def test_the_staff_forms_never_fail(client, make_user, name, county, latitude, longitude, pk):
    client.force_login(make_user("editor"))
    clean = {key: value.replace("\x00", "") for key, value in
             {"name": name, "county": county, "latitude": latitude, "longitude": longitude}.items()}
    assert client.post("/en/heritage/manage/localities/new/", clean).status_code in (200, 302)
    assert client.get("/en/heritage/manage/objects/new/", {"locality": pk}).status_code == 200


def test_an_approved_proposal_moves_its_datestamp(make_user):
    locality = LocalityFactory()
    youth = UserFactory(role=Role.ROOTS, role__scope=locality)
    from civica.heritage import services

    proposal = services.object_propose(by=youth, locality=locality, kind="building", name_ro="Școala veche")
    before = proposal.updated_at
    moderation.review_decide(target=proposal, by=make_user("moderator"), approve=True)
    proposal.refresh_from_db()
    assert proposal.updated_at > before and proposal.review_state == "approved" and not proposal.is_hidden
