"""Truth table of slice a1's consultation endpoints (debates, comments, polls): they read as a visitor
whoever asks, so every kind of signed-in person, scoped roles included, gets what a visitor gets: a
hidden debate is not found, a hidden comment keeps only its place in the thread, and a poll's results
wait for its closing, even for the moderators and editors who see more on the pages."""

import pytest

from civica.participation.tests.factories import IdeaFactory, ProcessFactory

from .a1_data import comment_on, debate_in, poll_in

KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator",
         "evaluator", "facilitator", "editor", "administrator", "superuser"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_every_caller_reads_what_a_visitor_reads(client, make_user, kind):
    process = ProcessFactory(slug="publicata")
    draft = ProcessFactory(slug="ciorna", is_published=False)
    idea = IdeaFactory(process=process)
    shown, hidden = debate_in(process), debate_in(process, is_hidden=True)
    comment_on(idea, scope=process, body="Vizibil")
    comment_on(idea, scope=process, body="Ascuns", is_hidden=True)
    waiting = poll_in(process)
    draft_debate = debate_in(draft)
    scope = process if kind in {"moderator", "evaluator", "facilitator"} else None
    user = make_user(kind, scope=scope)
    if kind != "anonymous":
        client.force_login(user)
    expected = {
        "/api/v1/processes/publicata/debates": 200,
        f"/api/v1/processes/publicata/debates/{shown.pk}": 200,
        f"/api/v1/processes/publicata/debates/{shown.pk}/comments": 200,
        f"/api/v1/processes/publicata/debates/{hidden.pk}": 404,
        f"/api/v1/processes/publicata/debates/{hidden.pk}/comments": 404,
        f"/api/v1/processes/publicata/ideas/{idea.pk}/comments": 200,
        "/api/v1/processes/publicata/polls": 200,
        f"/api/v1/processes/publicata/polls/{waiting.pk}": 200,
        "/api/v1/processes/ciorna/debates": 404,
        f"/api/v1/processes/ciorna/debates/{draft_debate.pk}": 404,
        "/api/v1/processes/ciorna/polls": 404,
    }
    for path, status in expected.items():
        assert client.get(path).status_code == status, (kind, path)
    assert [row["id"] for row in client.get("/api/v1/processes/publicata/debates").json()["results"]] == [shown.pk]
    thread = client.get(f"/api/v1/processes/publicata/ideas/{idea.pk}/comments").json()["results"]
    assert [row["body"] for row in thread] == ["Vizibil", None], kind
    assert client.get(f"/api/v1/processes/publicata/polls/{waiting.pk}").json()["results"] is None, kind
