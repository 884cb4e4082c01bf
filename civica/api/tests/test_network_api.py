"""The network's endpoints: the directory with its filters, networks, programmes, and spaces with their
taken times as free/busy (a published meeting named, never who booked), fixed query counts, the fuzz."""


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civica.accounts.tests.factories import UserFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.network.models import BookingStatus, Organisation
from civica.network.tests.factories import (
    BookingFactory,
    MemberFactory,
    NetworkEntityFactory,
    NetworkFactory,
    OrganisationFactory,
    ProgrammeFactory,
    SpaceFactory,
    bucharest,
)

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def test_the_directory_reads_as_its_page_shows_it(client):
    member = MemberFactory(name="Asociația A", slug="a", email="contact@a.ro", description_en="We **do**.")
    partner = OrganisationFactory(name="Biblioteca B", slug="b")
    network = NetworkFactory(slug="scoli", name_en="Schools")
    NetworkEntityFactory(network=network, organisation=partner, kind="partner")
    ProgrammeFactory(organisation=member, slug="tineret", name_en="Youth")

    listed = client.get("/api/v1/organisations/?lang=en").json()["results"]
    assert [row["name"] for row in listed] == ["Asociația A", "Biblioteca B"]
    assert listed[0]["relationship_label"] == "Member" and listed[0]["dues_category"]
    assert listed[1]["networks"][0]["name"] == "Schools" and listed[1]["networks"][0]["kind"] == "partner"
    assert "contact@a.ro" not in str(listed)
    assert [row["slug"] for row in client.get("/api/v1/organisations/?relationship=partner").json()["results"]] == ["b"]
    assert [row["slug"] for row in client.get("/api/v1/organisations/?network=scoli").json()["results"]] == ["b"]
    assert [row["slug"] for row in client.get("/api/v1/organisations/?programme=tineret").json()["results"]] == ["a"]
    assert client.get("/api/v1/organisations/?network=nowhere").json()["results"] == []

    one = client.get("/api/v1/organisations/a?lang=en").json()
    assert one["description"] == "We **do**." and one["programmes"][0]["name"] == "Youth"
    assert "contact@a.ro" not in str(one)


def test_networks_and_programmes_read_as_their_pages_show_them(client):
    programme = ProgrammeFactory(slug="scoala", name_en="School", websites=["https://example.org"])
    network = NetworkFactory(slug="retea", name_en="Net", programme=programme)
    NetworkEntityFactory.create_batch(2, network=network)
    NetworkEntityFactory(network=network, kind="city", name="Cluj", is_fictional=True)
    SpaceFactory(programme=programme, slug="sala", name_en="Hall")

    networks = client.get("/api/v1/networks/?lang=en").json()["results"]
    assert networks[0]["entity_count"] == 3 and networks[0]["programme"]["name"] == "School"
    assert {row["count"] for row in networks[0]["kinds"]} == {2, 1}
    detail = client.get("/api/v1/networks/retea?lang=en").json()
    assert [entity["kind"] for entity in detail["entities"]] == ["school", "school", "city"]
    assert detail["entities"][2]["is_fictional"] is True

    programmes = client.get("/api/v1/programmes/?lang=en").json()["results"]
    assert [row["slug"] for row in programmes] == ["scoala"]
    one = client.get("/api/v1/programmes/scoala?lang=en").json()
    assert one["websites"] == ["https://example.org"] and one["spaces"][0]["name"] == "Hall"
    for path in ("/api/v1/networks/x", "/api/v1/programmes/x", "/api/v1/organisations/x", "/api/v1/spaces/x"):
        response = client.get(path)
        assert response.status_code == 404 and response["Content-Type"] == PROBLEM, path


def test_a_space_shows_when_it_is_taken_but_never_who_booked(client):
    space = SpaceFactory(slug="studio", name_en="Studio")
    booker = UserFactory(email="booker@example.org")
    BookingFactory(space=space, booked_by=booker, purpose="Petrecerea secretă",
                   organisation=MemberFactory(name="Org secretă"))
    BookingFactory(space=space, status=BookingStatus.REQUESTED, starts_at=bucharest(3, 10), ends_at=bucharest(3, 11))
    BookingFactory(space=space, status=BookingStatus.CANCELLED, starts_at=bucharest(4, 10), ends_at=bucharest(4, 11))
    MeetingFactory(space=space, title_en="Open debate", starts_at=bucharest(5, 18), ends_at=bucharest(5, 20))
    MeetingFactory(space=space, is_published=False, title_en="Draft", starts_at=bucharest(6, 18),
                   ends_at=bucharest(6, 20))

    body = client.get("/api/v1/spaces/studio?lang=en").json()
    assert [(row["kind"], row["label"]) for row in body["taken"]] == [
        ("booking", "Booked"), ("booking", "Booked, awaiting confirmation"), ("meeting", "Open debate"),
        ("meeting", "A meeting of the centre")]
    assert body["taken"][2]["meeting_url"] and body["taken"][3]["meeting_url"] is None
    for secret in ("booker@example.org", "Petrecerea", "Org secretă", "Draft"):
        assert secret not in str(body)
    later = client.get(f"/api/v1/spaces/studio?from={bucharest(20, 0).date().isoformat()}").json()
    assert later["taken"] == []
    assert [row["slug"] for row in client.get("/api/v1/spaces/").json()["results"]] == ["studio"]


@pytest.mark.parametrize("query", ["from=tomorrow", "from=0001-01-01", "from=2026-02-30"])
def test_a_bad_first_day_is_a_problem_naming_it(client, query):
    SpaceFactory(slug="studio")
    response = client.get(f"/api/v1/spaces/studio?{query}&lang=en")
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    assert [error["parameter"] for error in response.json()["errors"]] == ["from"]


@pytest.mark.parametrize("query, parameter", [
    ("page_size=0", "page_size"), ("category=bank", "category"), ("relationship=enemy", "relationship"),
    ("network=a%20b", "network"), ("cursor=zz", "cursor"),
])
def test_bad_directory_parameters_are_a_problem_naming_the_parameter(client, query, parameter):
    response = client.get(f"/api/v1/organisations/?{query}")
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    assert [error["parameter"] for error in response.json()["errors"]] == [parameter]


def test_the_network_lists_take_a_fixed_number_of_queries(client, assert_constant_queries):
    organisation = MemberFactory(slug="first")
    network = NetworkFactory(slug="net", programme=ProgrammeFactory(slug="prog"))
    NetworkEntityFactory(network=network, organisation=organisation)
    space = SpaceFactory(slug="room", programme=network.programme)
    BookingFactory(space=space)

    def grow():
        for index in range(3):
            other = MemberFactory()
            NetworkEntityFactory(network=NetworkFactory(programme=ProgrammeFactory()), organisation=other)
            NetworkEntityFactory(network=network, organisation=other, kind="city")
            ProgrammeFactory(organisation=organisation)
            SpaceFactory(programme=network.programme)
            BookingFactory(space=space, starts_at=bucharest(3 + index, 10), ends_at=bucharest(3 + index, 11))
            MeetingFactory(space=space, starts_at=bucharest(3 + index, 14), ends_at=bucharest(3 + index, 15))

    assert_constant_queries(client, ["/api/v1/organisations/", "/api/v1/organisations/first", "/api/v1/networks/",
                                     "/api/v1/networks/net", "/api/v1/programmes/", "/api/v1/programmes/prog",
                                     "/api/v1/spaces/", "/api/v1/spaces/room"], grow)
    assert Organisation.objects.count() > 4


NAMES = st.sampled_from(["category", "relationship", "network", "programme", "cursor", "page_size", "from", "lang"])
VALUES = st.one_of(st.text(max_size=30), st.integers(min_value=-10**20, max_value=10**20).map(str),
                   st.sampled_from(["member", "partner", "net", "prog", "2026-01-01", "9999-12-31", "0", "101", ""]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(st.tuples(NAMES, VALUES), max_size=4),
       path=st.sampled_from(["/api/v1/organisations/", "/api/v1/organisations/fuzz", "/api/v1/networks/",
                             "/api/v1/networks/fuzz", "/api/v1/programmes/fuzz", "/api/v1/spaces/",
                             "/api/v1/spaces/fuzz", "/api/v1/bodies/", "/api/v1/bodies/fuzz"]))
def test_any_query_string_on_the_network_is_answered_without_a_server_error(client, query, path):
    if not Organisation.objects.filter(slug="fuzz").exists():
        NetworkEntityFactory(network=NetworkFactory(slug="fuzz"), organisation=MemberFactory(slug="fuzz"))
        SpaceFactory(slug="fuzz", programme=ProgrammeFactory(slug="fuzz"))
    response = client.get(path, dict(query) if query else None)
    assert response.status_code < 500, (path, query, response.content[:300])
    # A NUL in the query is refused site-wide, before the API, by core's middleware (an HTML 400).
    if response.status_code >= 400 and not any("\x00" in key + value for key, value in query):
        assert response["Content-Type"] == PROBLEM


def test_the_openapi_document_describes_the_slice_a2_endpoints(client):
    document = client.get("/api/v1/openapi.json").json()
    paths = {"/api/v1/calls/", "/api/v1/calls/{slug}", "/api/v1/plans/", "/api/v1/plans/{slug}",
             "/api/v1/bodies/", "/api/v1/bodies/{slug}", "/api/v1/organisations/", "/api/v1/organisations/{slug}",
             "/api/v1/networks/", "/api/v1/networks/{slug}", "/api/v1/programmes/", "/api/v1/programmes/{slug}",
             "/api/v1/spaces/", "/api/v1/spaces/{slug}", "/api/v1/news/", "/api/v1/news/{slug}"}
    assert paths <= set(document["paths"])
    for path in paths:
        answer = document["paths"][path]["get"]["responses"]["200"]
        assert "$ref" in str(answer["content"]["application/json"]["schema"]), path
    space = document["paths"]["/api/v1/spaces/{slug}"]["get"]
    assert "from" in {parameter["name"] for parameter in space["parameters"]}
    assert document["components"]["schemas"]["Money"]["properties"]["amount"]["type"] == "string"
