"""The consultations' endpoints: what a visitor sees, pages that follow, refusals as problems."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civica.participation.tests.factories import IdeaFactory, ProcessFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def test_a_process_and_its_ideas_read_as_their_pages_show_them(client):
    process = ProcessFactory(slug="parcul-central", title_en="Central Park", title_ro="Parcul Central")
    quiet = IdeaFactory(process=process, title="Mai multe bănci", support_count=3)
    popular = IdeaFactory(process=process, title="Umbră la loc de joacă", support_count=9)
    IdeaFactory(process=process, title="Ascunsă", is_hidden=True, support_count=50)

    listed = client.get("/api/v1/processes/?lang=en").json()
    assert [row["title"] for row in listed["results"]] == ["Central Park"]
    assert listed["results"][0]["url"].endswith("/en/processes/parcul-central/")
    assert listed["next"] is None

    ideas = client.get("/api/v1/processes/parcul-central/ideas?lang=ro").json()
    assert [(row["title"], row["supports"]) for row in ideas["results"]] == [
        ("Umbră la loc de joacă", 9), ("Mai multe bănci", 3)]
    assert ideas["results"][0]["status_label"] == "Publicată"

    one = client.get(f"/api/v1/processes/parcul-central/ideas/{quiet.pk}", HTTP_ACCEPT_LANGUAGE="en")
    assert one.status_code == 200 and one["Content-Language"] == "en"
    assert one.json()["author"] == quiet.author.public_name
    assert one.json()["url"].endswith(f"/en/processes/parcul-central/ideas/{quiet.pk}/")
    assert popular.pk != quiet.pk


def test_what_a_visitor_may_not_read_is_not_found(client):
    draft = ProcessFactory(is_published=False)
    hidden = IdeaFactory(is_hidden=True)
    for path in (f"/api/v1/processes/{draft.slug}", f"/api/v1/processes/{draft.slug}/ideas",
                 f"/api/v1/processes/{hidden.process.slug}/ideas/{hidden.pk}",
                 "/api/v1/processes/nowhere", f"/api/v1/processes/{hidden.process.slug}/ideas/99999999999"):
        response = client.get(path + "?lang=en")
        assert response.status_code == 404, path
        assert response["Content-Type"] == PROBLEM
        assert response.json()["title"] == "Not found."
    assert client.get("/api/v1/processes/").json()["results"] == [
        row for row in client.get("/api/v1/processes/").json()["results"] if row["slug"] != draft.slug]


def test_pages_follow_with_cursors_and_a_cursor_from_elsewhere_is_refused(client):
    process = ProcessFactory(slug="mare")
    other = ProcessFactory(slug="alta")
    for supports in (5, 5, 5, 4, 3):
        IdeaFactory(process=process, support_count=supports)
    seen, url = [], "/api/v1/processes/mare/ideas?page_size=2"
    while url:
        body = client.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    expected = list(process.ideas.order_by("-support_count", "-id").values_list("id", flat=True))
    assert seen == expected

    cursor = client.get("/api/v1/processes/mare/ideas?page_size=2").json()["next"].split("cursor=")[1].split("&")[0]
    for path in (f"/api/v1/processes/{other.slug}/ideas?cursor={cursor}",
                 f"/api/v1/processes/mare/ideas?sort=newest&cursor={cursor}",
                 "/api/v1/processes/mare/ideas?cursor=bm90LWEtY3Vyc29y"):
        response = client.get(path + "&lang=ro")
        assert response.status_code == 400, path
        assert response.json()["errors"][0]["parameter"] == "cursor"
        assert "cursor" in response.json()["errors"][0]["message"].lower()


@pytest.mark.parametrize("query, parameter", [
    ("page_size=0", "page_size"), ("page_size=101", "page_size"), ("page_size=many", "page_size"),
    ("sort=random", "sort"), ("status=secret", "status"), ("category=-1", "category"),
    ("category=99999999999999999999999", "category"),
])
def test_bad_parameters_are_a_problem_naming_the_parameter_in_the_callers_language(client, query, parameter):
    ProcessFactory(slug="p")
    response = client.get(f"/api/v1/processes/p/ideas?{query}&lang=ro")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["title"] == "Unii parametri nu sunt valizi."
    assert [error["parameter"] for error in body["errors"]] == [parameter]


def test_a_read_has_an_etag_and_a_repeat_is_not_modified(client):
    idea = IdeaFactory()
    path = f"/api/v1/processes/{idea.process.slug}/ideas/{idea.pk}"
    first = client.get(path)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    idea.title = "Changed"
    idea.save()
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_reading_is_open_to_any_origin_without_credentials(client):
    response = client.get("/api/v1/processes/", HTTP_ORIGIN="https://data.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options("/api/v1/processes/", HTTP_ORIGIN="https://data.example.org",
                               HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 204 and "GET" in preflight["Access-Control-Allow-Methods"]


def test_too_many_requests_from_one_address_are_refused_with_retry_after(client, settings):
    settings.CIVICA_API_RATE_BY_ADDRESS = "3/m"
    for _ in range(3):
        assert client.get("/api/v1/processes/").status_code == 200
    refused = client.get("/api/v1/processes/?lang=en")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert refused.json()["title"] == "Too many requests."


def test_lists_take_a_fixed_number_of_queries(client):
    process = ProcessFactory(slug="numarate")
    IdeaFactory.create_batch(3, process=process)
    ProcessFactory.create_batch(2)

    def count(path):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    ideas_few, processes_few = count("/api/v1/processes/numarate/ideas"), count("/api/v1/processes/")
    IdeaFactory.create_batch(6, process=process)
    ProcessFactory.create_batch(4)
    assert count("/api/v1/processes/numarate/ideas") == ideas_few
    assert count("/api/v1/processes/") == processes_few


def test_the_openapi_document_describes_every_endpoint(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert {"/api/v1/processes/", "/api/v1/processes/{slug}", "/api/v1/processes/{slug}/ideas",
            "/api/v1/processes/{slug}/ideas/{idea_id}"} <= set(document["paths"])
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"//cdn" not in docs.content and b"https://" not in docs.content.split(b"<body")[0]
