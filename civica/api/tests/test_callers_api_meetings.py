"""Truth table of slice a1's meetings and workshops endpoints: they read as a visitor whoever asks, so
every kind of signed-in person, scoped roles included, gets what a visitor gets: a draft meeting and its
workshop are not found, and a meeting's online link is never given, even to the editors who see drafts
on the pages and to the people registered for the meeting."""

import pytest

from civica.meetings.models import Registration
from civica.meetings.tests.factories import MeetingFactory

from .a1_data import workshop_on

KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator",
         "evaluator", "facilitator", "editor", "administrator", "superuser"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_every_caller_reads_what_a_visitor_reads(client, make_user, kind):
    published = MeetingFactory(slug="publica", online_url="https://meet.example.org/secret")
    draft = MeetingFactory(slug="ciorna", is_published=False)
    workshop = workshop_on(published, slug="cafe")
    workshop_on(draft, slug="cafe-ciorna")
    scope = workshop if kind in {"moderator", "evaluator", "facilitator"} else None
    user = make_user(kind, scope=scope)
    if kind != "anonymous":
        client.force_login(user)
        if kind not in {"inactive"}:
            Registration.objects.create(meeting=published, person=user, status="registered")
    expected = {
        "/api/v1/meetings/": 200,
        "/api/v1/meetings/publica": 200,
        "/api/v1/meetings/publica/comments": 200,
        "/api/v1/meetings/ciorna": 404,
        "/api/v1/meetings/ciorna/comments": 404,
        "/api/v1/workshops/": 200,
        "/api/v1/workshops/cafe": 200,
        "/api/v1/workshops/cafe-ciorna": 404,
    }
    for path, status in expected.items():
        assert client.get(path).status_code == status, (kind, path)
    assert [row["slug"] for row in client.get("/api/v1/meetings/").json()["results"]] == ["publica"]
    assert [row["slug"] for row in client.get("/api/v1/workshops/").json()["results"]] == ["cafe"]
    assert b"meet.example.org" not in client.get("/api/v1/meetings/publica").content
