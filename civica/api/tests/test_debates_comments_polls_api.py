"""Slice a1 of the API (issue 20, point 1): a consultation's debates, the comments of an idea or a
debate with their threads, and poll results, as their pages show them to a visitor; refusals as
problems; lists in a fixed number of queries; any query string answered without a server error."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civica.accounts.tests.factories import UserFactory
from civica.comments.models import Alignment
from civica.participation.models import PollAnswer, PollResponse, Process
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

from .a1_data import comment_on, debate_in, poll_in

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def test_debates_read_as_the_consultation_page_lists_them(client):
    process = ProcessFactory(slug="strada")
    older = debate_in(process, created_at=timezone.now() - datetime.timedelta(days=2), description="De ce **nu**.")
    newer = debate_in(process, question="Parcare?", question_en="")
    hidden = debate_in(process, question="Ascunsă", is_hidden=True)

    listed = client.get("/api/v1/processes/strada/debates?lang=en").json()
    assert [(row["id"], row["question"]) for row in listed["results"]] == [
        (newer.pk, "Parcare?"), (older.pk, "Should the street be closed?")]
    assert listed["next"] is None
    one = client.get(f"/api/v1/processes/strada/debates/{older.pk}?lang=ro").json()
    assert one["question"] == "Trebuie închisă strada?" and one["description"] == "De ce **nu**."
    assert one["url"].endswith(f"/ro/processes/strada/debates/{older.pk}/")
    assert one["comments_url"].endswith(f"/api/v1/processes/strada/debates/{older.pk}/comments")
    assert client.get(f"/api/v1/processes/strada/debates/{hidden.pk}").status_code == 404


def test_an_ideas_comments_come_with_their_threads_as_the_page_shows_them(client):
    idea = IdeaFactory(process=ProcessFactory(slug="parc"))
    scope = idea.process
    first = comment_on(idea, scope=scope, author=UserFactory(display_name="Ioana Pop"), body="Mai multă umbră.")
    reply = comment_on(idea, scope=scope, parent=first, body="De acord.", upvotes=3, downvotes=1)
    last = comment_on(idea, scope=scope, parent=reply, author=None, body="Și eu.")
    last.author = None
    last.save()
    hidden = comment_on(idea, scope=scope, author=UserFactory(display_name="Ascuns Autor"), body="Jignire",
                        is_hidden=True)
    under_hidden = comment_on(idea, scope=scope, parent=hidden, body="Răspuns vizibil")
    comment_on(idea, scope=scope, body="Șters", is_deleted=True)

    body = client.get(f"/api/v1/processes/parc/ideas/{idea.pk}/comments?lang=en").json()
    assert body["comments"] == 6 and body["next"] is None
    top = body["results"]
    assert [row["state"] for row in top] == ["published", "hidden", "deleted"]
    assert top[0]["author"] == "Ioana Pop" and top[0]["body"] == "Mai multă umbră."
    assert top[0]["url"].endswith(f"/processes/parc/ideas/{idea.pk}/#comment-{first.pk}")
    assert top[0]["replies"][0]["id"] == reply.pk and top[0]["replies"][0]["upvotes"] == 3
    assert top[0]["replies"][0]["replies"][0]["author"] == "Deleted participant"
    assert top[0]["replies"][0]["replies"][0]["depth"] == 2
    # Hidden and deleted comments keep their place, with nothing of what they said or who said it.
    assert [top[1][key] for key in ("author", "body", "upvotes", "downvotes")] == [None] * 4
    assert top[1]["replies"][0]["id"] == under_hidden.pk and top[1]["replies"][0]["body"] == "Răspuns vizibil"
    assert top[2]["body"] is None and top[2]["author"] is None
    text = client.get(f"/api/v1/processes/parc/ideas/{idea.pk}/comments").content.decode()
    assert "Jignire" not in text and "Ascuns Autor" not in text and "Șters" not in text


def test_a_debates_comments_say_which_side_they_take(client):
    process = ProcessFactory(slug="dezbatere")
    debate = debate_in(process)
    comment_on(debate, scope=process, alignment=Alignment.IN_FAVOUR)
    comment_on(debate, scope=process, alignment=Alignment.AGAINST)
    body = client.get(f"/api/v1/processes/dezbatere/debates/{debate.pk}/comments").json()
    assert [row["alignment"] for row in body["results"]] == ["for", "against"]


def test_threads_page_with_cursors_in_both_orders(client):
    idea = IdeaFactory(process=ProcessFactory(slug="multe"))
    start = timezone.now() - datetime.timedelta(hours=1)
    made = [comment_on(idea, scope=idea.process, created_at=start + datetime.timedelta(minutes=n % 3))
            for n in range(7)]
    for sort, expected in (("oldest", sorted(made, key=lambda c: (c.created_at, c.pk))),
                           ("newest", sorted(made, key=lambda c: (c.created_at, c.pk), reverse=True))):
        seen, url = [], f"/api/v1/processes/multe/ideas/{idea.pk}/comments?sort={sort}&page_size=3"
        while url:
            body = client.get(url).json()
            seen += [row["id"] for row in body["results"]]
            url = body["next"]
        assert seen == [comment.pk for comment in expected], sort


def test_comments_of_what_a_visitor_may_not_read_are_not_found(client):
    hidden_idea = IdeaFactory(is_hidden=True)
    draft = ProcessFactory(is_published=False)
    draft_idea = IdeaFactory(process=draft)
    process = ProcessFactory(slug="vizibila")
    hidden_debate = debate_in(process, is_hidden=True)
    other = debate_in(ProcessFactory())
    for path in (f"/api/v1/processes/{hidden_idea.process.slug}/ideas/{hidden_idea.pk}/comments",
                 f"/api/v1/processes/{draft.slug}/ideas/{draft_idea.pk}/comments",
                 f"/api/v1/processes/{draft.slug}/debates", f"/api/v1/processes/{draft.slug}/polls",
                 f"/api/v1/processes/vizibila/debates/{hidden_debate.pk}/comments",
                 f"/api/v1/processes/vizibila/debates/{other.pk}", "/api/v1/processes/vizibila/debates/0",
                 "/api/v1/processes/vizibila/debates/99999999999999999999", "/api/v1/processes/vizibila/polls/5",
                 "/api/v1/processes/vizibila/ideas/99999999999999999999/comments"):
        response = client.get(path + "?lang=en")
        assert response.status_code in (404, 400), path
        assert response["Content-Type"] == PROBLEM, path
    assert client.get(f"/api/v1/processes/vizibila/debates/{other.pk}").status_code == 404


def _answer(poll, person, *, choice_position, scale, text=""):
    response = PollResponse.objects.create(poll=poll, respondent=person)
    questions = {question.kind: question for question in poll.questions.all()}
    PollAnswer.objects.create(response=response, question=questions["single"],
                              choice=questions["single"].choices.get(position=choice_position))
    for rank, choice in enumerate(questions["ranking"].choices.all(), start=1):
        PollAnswer.objects.create(response=response, question=questions["ranking"], choice=choice, rank=rank)
    PollAnswer.objects.create(response=response, question=questions["scale"], value=scale)
    if text:
        PollAnswer.objects.create(response=response, question=questions["text"], text=text)
    poll.response_count += 1
    poll.save(update_fields=["response_count"])


def test_poll_results_are_given_where_the_poll_page_shows_them(client):
    process = ProcessFactory(slug="sondaje")
    hidden_until_close = poll_in(process)
    immediate = poll_in(process, results_visibility="immediately")
    closed = poll_in(process, closed=True)
    for poll in (hidden_until_close, immediate, closed):
        _answer(poll, UserFactory(display_name="Respondenta Ana"), choice_position=0, scale=4, text="Mai multă umbră")
        _answer(poll, UserFactory(), choice_position=0, scale=2)
        _answer(poll, UserFactory(), choice_position=1, scale=3)

    listed = client.get("/api/v1/processes/sondaje/polls?lang=en").json()["results"]
    assert {row["id"]: (row["state"], row["results_shown"]) for row in listed} == {
        hidden_until_close.pk: ("open", False), immediate.pk: ("open", True), closed.pk: ("closed", True)}

    waiting = client.get(f"/api/v1/processes/sondaje/polls/{hidden_until_close.pk}").json()
    assert waiting["results"] is None and waiting["responses"] == 3
    assert waiting["results_shown_from"] is not None

    shown = client.get(f"/api/v1/processes/sondaje/polls/{immediate.pk}?lang=en").json()
    assert shown["title"] == "Priorities"
    single, ranking, scale, text = shown["results"]
    assert single["text"] == "Where?" and single["respondents"] == 3
    assert [(row["text"], row["count"], round(row["share"], 2)) for row in single["choices"]] == [
        ("Park", 2, 0.67), ("Library", 1, 0.33)]
    assert [(row["text"], row["points"]) for row in ranking["ranking"]] == [("Educație", 6), ("Cultură", 3)]
    assert scale["scale"]["mean"] == 3.0 and [row["count"] for row in scale["scale"]["distribution"]] == [0, 1, 1, 1, 0]
    assert text["texts"] == ["Mai multă umbră"] and text["choices"] is None
    assert client.get(f"/api/v1/processes/sondaje/polls/{closed.pk}").json()["results"] is not None
    assert "Respondenta" not in client.get(f"/api/v1/processes/sondaje/polls/{immediate.pk}").content.decode()


@pytest.mark.parametrize("path, parameter", [
    ("debates?page_size=0", "page_size"), ("debates?page_size=101", "page_size"), ("debates?cursor=xyz", "cursor"),
    ("polls?page_size=many", "page_size"), ("ideas/{idea}/comments?sort=best", "sort"),
    ("ideas/{idea}/comments?page_size=-3", "page_size"), ("debates/{debate}/comments?cursor=bm90", "cursor"),
])
def test_bad_parameters_are_a_problem_naming_the_parameter(client, path, parameter):
    idea = IdeaFactory(process=ProcessFactory(slug="p"))
    debate = debate_in(idea.process)
    response = client.get("/api/v1/processes/p/" + path.format(idea=idea.pk, debate=debate.pk) + "&lang=ro")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response["Content-Language"] == "ro"
    assert [error["parameter"] for error in response.json()["errors"]] == [parameter]


def test_a_cursor_of_another_thread_is_refused(client):
    process = ProcessFactory(slug="doua")
    first, second = IdeaFactory(process=process), IdeaFactory(process=process)
    for _ in range(3):
        comment_on(first, scope=process)
    next_url = client.get(f"/api/v1/processes/doua/ideas/{first.pk}/comments?page_size=2").json()["next"]
    cursor = next_url.split("cursor=")[1].split("&")[0]
    response = client.get(f"/api/v1/processes/doua/ideas/{second.pk}/comments?page_size=2&cursor={cursor}")
    assert response.status_code == 400 and response.json()["errors"][0]["parameter"] == "cursor"


def test_lists_take_a_fixed_number_of_queries(client):
    process = ProcessFactory(slug="numarate")
    idea = IdeaFactory(process=process)
    debate = debate_in(process)

    def grow(n):
        for _ in range(n):
            debate_in(process)
            poll_in(process, results_visibility="immediately")
            top = comment_on(idea, scope=process)
            comment_on(idea, scope=process, parent=comment_on(idea, scope=process, parent=top))
            comment_on(debate, scope=process, alignment=Alignment.AGAINST)

    def count(path):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        return len(queries)

    paths = ["/api/v1/processes/numarate/debates", "/api/v1/processes/numarate/polls",
             f"/api/v1/processes/numarate/ideas/{idea.pk}/comments",
             f"/api/v1/processes/numarate/debates/{debate.pk}/comments"]
    grow(2)
    few = [count(path) for path in paths]
    grow(5)
    assert [count(path) for path in paths] == few


def test_the_openapi_document_describes_these_endpoints(client):
    paths = set(client.get("/api/v1/openapi.json").json()["paths"])
    assert {"/api/v1/processes/{slug}/debates", "/api/v1/processes/{slug}/debates/{debate_id}",
            "/api/v1/processes/{slug}/ideas/{idea_id}/comments",
            "/api/v1/processes/{slug}/debates/{debate_id}/comments",
            "/api/v1/processes/{slug}/polls", "/api/v1/processes/{slug}/polls/{poll_id}"} <= paths


NAMES = st.sampled_from(["sort", "cursor", "page_size", "lang", "other"])
VALUES = st.one_of(st.text(max_size=40), st.integers(min_value=-10**30, max_value=10**30).map(str),
                   st.sampled_from(["oldest", "newest", "best", "ro", "en", "0", "100", "101", "", "%00", "NaN"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(st.tuples(NAMES, VALUES), max_size=4),
       path=st.sampled_from(["/api/v1/processes/fuzz/debates", "/api/v1/processes/fuzz/debates/1",
                             "/api/v1/processes/fuzz/debates/1/comments", "/api/v1/processes/fuzz/ideas/1/comments",
                             "/api/v1/processes/fuzz/polls", "/api/v1/processes/fuzz/polls/1",
                             "/api/v1/processes/fuzz/debates/-1/comments", "/api/v1/processes/fuzz/polls/x"]))
def test_any_query_string_is_answered_without_a_server_error(client, query, path):
    if not Process.objects.filter(slug="fuzz").exists():
        process = ProcessFactory(slug="fuzz")
        idea = IdeaFactory(process=process)
        comment_on(idea, scope=process)
        comment_on(debate_in(process), scope=process)
        poll_in(process, results_visibility="immediately")
    response = client.get(path, dict(query) if query else None)
    assert response.status_code < 500, (path, query, response.content[:300])
    if response.status_code >= 400:
        assert response["Content-Type"] == PROBLEM
