"""Slice a1 of the API (issue 20, point 1): meetings with the list page's filters and their iCal links,
a meeting's comments, and world-café workshops' reports, as their pages show them to a visitor;
refusals as problems; lists in a fixed number of queries; any query string answered without a 5xx."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civica.accounts.tests.factories import UserFactory
from civica.meetings.models import Meeting, MeetingFormat, MeetingKind, Registration, WhenKnown
from civica.meetings.tests.factories import MeetingFactory
from civica.network.tests.factories import SpaceFactory
from civica.participation.tests.factories import ProcessFactory

from .a1_data import comment_on, workshop_on

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
DAY = datetime.timedelta(days=1)


def test_meetings_are_listed_with_the_pages_filters_and_ical_links(client):
    now = timezone.now()
    hall = SpaceFactory(slug="sala-mare", name_ro="Sala Mare", name_en="Great Hall")
    soon = MeetingFactory(slug="curand", starts_at=now + DAY, ends_at=now + DAY * 1.1, space=hall,
                          kind=MeetingKind.WORKSHOP, title_en="Soon")
    later = MeetingFactory(slug="mai-tarziu", starts_at=now + 3 * DAY, ends_at=now + 3.1 * DAY,
                           format=MeetingFormat.ONLINE, place="", address="")
    past = MeetingFactory(slug="trecut", starts_at=now - 40 * DAY, ends_at=now - 39.9 * DAY,
                          when_known=WhenKnown.MONTH)
    cancelled = MeetingFactory(slug="anulat", starts_at=now + 2 * DAY, ends_at=now + 2.1 * DAY,
                               cancelled_at=now, cancellation_reason_ro="Ploaie")
    MeetingFactory(slug="ciorna", is_published=False)

    def slugs(query=""):
        return [row["slug"] for row in client.get(f"/api/v1/meetings/?{query}").json()["results"]]

    assert slugs() == ["mai-tarziu", "anulat", "curand", "trecut"]
    assert slugs("when=upcoming") == ["curand", "anulat", "mai-tarziu"]
    assert slugs("when=past") == ["trecut"]
    assert slugs("kind=workshop") == ["curand"]
    assert slugs("format=online") == ["mai-tarziu"]
    assert slugs("space=sala-mare") == ["curand"]
    assert slugs("space=nowhere") == []

    body = client.get("/api/v1/meetings/?when=upcoming&lang=en").json()
    assert body["calendar_url"].endswith("/en/meetings/feed.ics")
    first = body["results"][0]
    assert (first["title"], first["place"], first["space"], first["kind_label"]) == (
        "Soon", "Great Hall", "Great Hall", "Workshop")
    assert first["ical_url"].endswith("/en/meetings/curand/event.ics")
    assert first["url"].endswith("/en/meetings/curand/")
    assert client.get(first["ical_url"]).status_code == 200
    statuses = {row["slug"]: row["status"] for row in client.get("/api/v1/meetings/").json()["results"]}
    assert statuses["anulat"] == "cancelled" and statuses["curand"] == "published"
    known_by_month = client.get("/api/v1/meetings/trecut").json()
    assert known_by_month["ical_url"] is None and known_by_month["ends_at"] is None
    assert known_by_month["when_known"] == "month"
    assert client.get("/api/v1/meetings/anulat?lang=ro").json()["cancellation_reason"] == "Ploaie"
    assert later.pk and past.pk and soon.pk and cancelled.pk


def test_a_meeting_reads_as_its_page_shows_it_to_a_visitor(client):
    draft_process = ProcessFactory(is_published=False)
    meeting = MeetingFactory(slug="adunare", capacity=3, online_url="https://meet.example.org/secret",
                             format=MeetingFormat.HYBRID, process=draft_process, minutes_ro="Am hotărât.",
                             latitude="46.770000", longitude="23.590000")
    for _ in range(2):
        Registration.objects.create(meeting=meeting, person=UserFactory(display_name="Persoana Inscrisa"),
                                    status="registered")
    workshop_on(meeting, slug="cafe-adunare")
    response = client.get("/api/v1/meetings/adunare?lang=ro")
    body = response.json()
    assert (body["capacity"], body["places_left"], body["minutes"]) == (3, 1, "Am hotărât.")
    assert (body["latitude"], body["longitude"]) == (46.77, 23.59)
    assert body["process"] is None and body["process_url"] is None  # a draft consultation is not named
    assert body["workshop_url"].endswith("/api/v1/workshops/cafe-adunare")
    assert body["comments_url"].endswith("/api/v1/meetings/adunare/comments")
    text = response.content.decode()
    assert "meet.example.org" not in text and "Persoana" not in text and "@" not in text
    assert client.get("/api/v1/meetings/nowhere?lang=en").json()["title"] == "Not found."


def test_drafts_are_not_found(client):
    draft = MeetingFactory(is_published=False)
    workshop_on(draft, slug="cafe-ciorna")
    for path in (f"/api/v1/meetings/{draft.slug}", f"/api/v1/meetings/{draft.slug}/comments",
                 "/api/v1/workshops/cafe-ciorna", "/api/v1/workshops/nowhere"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == PROBLEM
    assert client.get("/api/v1/workshops/").json()["results"] == []


def test_a_meetings_comments_read_as_on_its_page(client):
    meeting = MeetingFactory(slug="cu-comentarii")
    first = comment_on(meeting, author=UserFactory(display_name="Radu"), body="Vin și eu.")
    comment_on(meeting, parent=first, body="Și eu.")
    comment_on(meeting, body="Ascuns", is_hidden=True)
    body = client.get("/api/v1/meetings/cu-comentarii/comments").json()
    assert body["comments"] == 3
    assert [(row["author"], row["body"], len(row["replies"])) for row in body["results"]] == [
        ("Radu", "Vin și eu.", 1), (None, None, 0)]


def test_a_workshops_report_reads_as_the_report_page(client):
    meeting = MeetingFactory(slug="cafenea", title_en="World café", title_ro="Cafenea")
    workshop_on(meeting, slug="cafe")
    listed = client.get("/api/v1/workshops/?lang=en").json()["results"]
    assert [(row["slug"], row["title"]) for row in listed] == [("cafe", "World café")]
    assert listed[0]["report_url"].endswith("/en/workshops/cafe/report/")
    response = client.get("/api/v1/workshops/cafe?lang=en")
    report = response.json()
    assert report["questions"] == ["How?"]
    assert (report["tables"], report["rounds_held"], report["contributions"], report["contributors"]) == (2, 1, 2, 2)
    assert [(theme["label"], theme["contributions"], theme["representative_notes"]) for theme in report["themes"]] == [
        ("Spații", 1, ["Ateliere ieftine"]), ("Bani", 1, [])]
    assert report["action_plan"] == [{"title": "Deschidem atelierul", "description": "", "owner": "CIIC",
                                      "due_on": "2027-03-01", "themes": ["Spații"]}]
    assert report["meeting_url"].endswith("/api/v1/meetings/cafenea")
    assert "Secret Author" not in response.content.decode()


@pytest.mark.parametrize("path, parameter", [
    ("/api/v1/meetings/?when=soon", "when"), ("/api/v1/meetings/?kind=party", "kind"),
    ("/api/v1/meetings/?format=paper", "format"), ("/api/v1/meetings/?space=a%20b", "space"),
    ("/api/v1/meetings/?page_size=500", "page_size"), ("/api/v1/meetings/?cursor=abc", "cursor"),
    ("/api/v1/workshops/?page_size=0", "page_size"), ("/api/v1/workshops/?cursor=abc", "cursor"),
    ("/api/v1/meetings/m/comments?sort=best", "sort"),
])
def test_bad_parameters_are_a_problem_naming_the_parameter(client, path, parameter):
    MeetingFactory(slug="m")
    response = client.get(path + "&lang=ro")
    assert response.status_code == 400, path
    assert response["Content-Type"] == PROBLEM and response["Content-Language"] == "ro"
    assert [error["parameter"] for error in response.json()["errors"]] == [parameter]


def test_a_cursor_of_another_filter_is_refused(client):
    for _ in range(3):
        MeetingFactory(kind=MeetingKind.CONFERENCE)
    cursor = client.get("/api/v1/meetings/?page_size=2").json()["next"].split("cursor=")[1].split("&")[0]
    response = client.get(f"/api/v1/meetings/?kind=conference&page_size=2&cursor={cursor}")
    assert response.status_code == 400 and response.json()["errors"][0]["parameter"] == "cursor"


def test_pages_of_meetings_follow_each_other(client):
    now = timezone.now()
    for n in range(5):
        MeetingFactory(starts_at=now + (n % 2) * DAY, ends_at=now + (n % 2) * DAY + datetime.timedelta(hours=1))
    for when, ordering in (("upcoming", ("starts_at", "id")), ("", ("-starts_at", "-id"))):
        seen, url = [], f"/api/v1/meetings/?when={when}&page_size=2" if when else "/api/v1/meetings/?page_size=2"
        while url:
            body = client.get(url).json()
            seen += [row["slug"] for row in body["results"]]
            url = body["next"]
        assert seen == list(Meeting.objects.order_by(*ordering).values_list("slug", flat=True)), when


def test_lists_take_a_fixed_number_of_queries(client):
    commented = MeetingFactory(slug="numarata")

    def grow(n):
        for _ in range(n):
            meeting = MeetingFactory(space=SpaceFactory())
            workshop_on(meeting, slug=f"cafe-{meeting.pk}")
            top = comment_on(commented)
            comment_on(commented, parent=comment_on(commented, parent=top))

    def count(path):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        return len(queries)

    paths = ["/api/v1/meetings/", "/api/v1/meetings/?when=upcoming", "/api/v1/workshops/",
             "/api/v1/meetings/numarata/comments"]
    grow(2)
    few = [count(path) for path in paths]
    grow(4)
    assert [count(path) for path in paths] == few
    workshop = client.get("/api/v1/workshops/").json()["results"][0]["slug"]
    report_few = count(f"/api/v1/workshops/{workshop}")
    assert report_few <= 12


def test_the_openapi_document_describes_these_endpoints(client):
    paths = set(client.get("/api/v1/openapi.json").json()["paths"])
    assert {"/api/v1/meetings/", "/api/v1/meetings/{slug}", "/api/v1/meetings/{slug}/comments",
            "/api/v1/workshops/", "/api/v1/workshops/{slug}"} <= paths


NAMES = st.sampled_from(["when", "kind", "format", "space", "sort", "cursor", "page_size", "lang", "other"])
VALUES = st.one_of(st.text(max_size=40), st.integers(min_value=-10**30, max_value=10**30).map(str),
                   st.sampled_from(["upcoming", "past", "workshop", "online", "sala", "oldest", "ro", "en", "0",
                                    "100", "101", "", "%00", "NaN"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(st.tuples(NAMES, VALUES), max_size=4),
       path=st.sampled_from(["/api/v1/meetings/", "/api/v1/meetings/fuzz", "/api/v1/meetings/fuzz/comments",
                             "/api/v1/workshops/", "/api/v1/workshops/fuzz-cafe", "/api/v1/meetings/x%20y"]))
def test_any_query_string_is_answered_without_a_server_error(client, query, path):
    if not Meeting.objects.filter(slug="fuzz").exists():
        meeting = MeetingFactory(slug="fuzz", space=SpaceFactory(slug="sala"))
        workshop_on(meeting, slug="fuzz-cafe")
        comment_on(meeting)
    response = client.get(path, dict(query) if query else None)
    assert response.status_code < 500, (path, query, response.content[:300])
    if response.status_code >= 400:
        assert response["Content-Type"] == PROBLEM
