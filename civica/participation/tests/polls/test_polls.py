import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.participation.models import Choice, Phase, Poll, PollResponse, Question
from civica.participation.polls import services as poll_services
from civica.participation.tests.factories import ProcessFactory


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def make_poll(**options):
    process = ProcessFactory()
    poll = Poll.objects.create(process=process, phase=process.phases.get(kind="ideas"), title="Priorities",
                               **options)
    single = Question.objects.create(poll=poll, position=1, kind=Question.Kind.SINGLE, text="Where?")
    for n, text in enumerate(["Park", "Library"]):
        Choice.objects.create(question=single, position=n, text=text)
    multiple = Question.objects.create(poll=poll, position=2, kind=Question.Kind.MULTIPLE, max_choices=2,
                                       text="What more?")
    for n, text in enumerate(["Bikes", "Concerts", "Benches"]):
        Choice.objects.create(question=multiple, position=n, text=text)
    ranking = Question.objects.create(poll=poll, position=3, kind=Question.Kind.RANKING, text="Order")
    for n, text in enumerate(["Education", "Jobs", "Culture"]):
        Choice.objects.create(question=ranking, position=n, text=text)
    Question.objects.create(poll=poll, position=4, kind=Question.Kind.SCALE, text="How involved?")
    Question.objects.create(poll=poll, position=5, kind=Question.Kind.TEXT, text="Anything else?", required=False)
    return poll


def answers(poll, **overrides):
    questions = {question.kind: question for question in poll.questions.all()}
    choices = {question.kind: list(question.choices.all()) for question in poll.questions.all()}
    data = {
        f"q{questions['single'].pk}": choices["single"][0].pk,
        f"q{questions['multiple'].pk}": [choices["multiple"][0].pk, choices["multiple"][2].pk],
        f"q{questions['scale'].pk}": 4,
        f"q{questions['text'].pk}": "More shade, please",
    }
    for place, choice in enumerate(choices["ranking"], start=1):
        data[f"q{questions['ranking'].pk}_c{choice.pk}"] = place
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_answer_once_and_see_results_immediately(client, participant):
    poll = make_poll(results_visibility=Poll.ResultsVisibility.IMMEDIATELY)
    client.force_login(participant)
    response = client.post(poll.get_absolute_url(), answers(poll), follow=True)
    page = response.content.decode()
    assert "your answers are recorded" in page
    assert "You have answered this poll." in page
    assert "<th scope=\"row\">Park</th><td>1</td>" in page
    assert "More shade, please" in page
    response = client.post(poll.get_absolute_url(), answers(poll), follow=True)
    assert "You have already answered this poll." in response.content.decode()
    assert PollResponse.objects.count() == 1
    assert Poll.objects.get(pk=poll.pk).response_count == 1


@pytest.mark.django_db
def test_results_are_charted_with_their_values_above_their_tables(client, participant):
    poll = make_poll(results_visibility=Poll.ResultsVisibility.IMMEDIATELY)
    client.force_login(participant)
    page = client.post(poll.get_absolute_url(), answers(poll), follow=True).content.decode()
    results = page[page.index('id="results-title"'):]
    # Single, multiple, ranking and scale questions have a chart each; free text has none.
    assert results.count('role="img"') == 4
    assert results.count("<svg") == 4 and "NaN" not in results
    assert ">1 (100%)</text>" in results and ">0 (0%)</text>" in results  # Park, Library
    assert '<title id="poll-chart-' in results and ">Where?</title>" in results
    where = results[results.index(">Where?</title>"):]
    assert where.index("</svg>") < where.index("<table")  # the figures right under the chart


@pytest.mark.django_db
def test_no_chart_before_anyone_answers(client):
    poll = make_poll(results_visibility=Poll.ResultsVisibility.IMMEDIATELY)
    page = client.get(poll.get_absolute_url()).content.decode()
    results = page[page.index('id="results-title"'):]
    assert "<svg" not in results and "0 people answered" in results


@pytest.mark.django_db
def test_results_wait_for_the_close_when_the_editor_says_so(client, participant):
    poll = make_poll(results_visibility=Poll.ResultsVisibility.AFTER_CLOSE)
    client.force_login(participant)
    client.post(poll.get_absolute_url(), answers(poll))
    page = client.get(poll.get_absolute_url()).content.decode()
    assert "Results are shown when the poll closes." in page
    Phase.objects.filter(pk=poll.phase_id).update(ends_at=timezone.now() - datetime.timedelta(minutes=1),
                                                  starts_at=timezone.now() - datetime.timedelta(days=3))
    page = client.get(poll.get_absolute_url()).content.decode()
    assert "Results" in page and "<th scope=\"row\">Park</th>" in page
    assert "This poll is closed." not in page  # already answered: no refusal shown
    client.force_login(UserFactory())
    assert "This poll is closed." in client.get(poll.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_invalid_answers_are_explained_and_kept(client, participant):
    poll = make_poll()
    multiple = poll.questions.get(kind="multiple")
    ranking = poll.questions.get(kind="ranking")
    too_many = [choice.pk for choice in multiple.choices.all()]
    first, second, _third = ranking.choices.all()
    data = answers(poll, **{f"q{multiple.pk}": too_many, f"q{ranking.pk}_c{first.pk}": 1,
                            f"q{ranking.pk}_c{second.pk}": 1})
    client.force_login(participant)
    page = client.post(poll.get_absolute_url(), data).content.decode()
    assert "Choose at most 2." in page
    assert "Give each choice a different place, from 1 to 3." in page
    assert "More shade, please" in page
    assert not PollResponse.objects.exists()


@pytest.mark.django_db
def test_anonymous_polls_take_one_answer_per_browser(client):
    poll = make_poll(allow_anonymous=True)
    page = client.get(poll.get_absolute_url()).content.decode()
    assert "Answers to this poll are anonymous" in page
    client.post(poll.get_absolute_url(), answers(poll))
    client.post(poll.get_absolute_url(), answers(poll))
    assert PollResponse.objects.filter(respondent__isnull=True).count() == 1
    from django.test import Client

    Client().post(poll.get_absolute_url(), answers(poll))
    assert PollResponse.objects.count() == 2


@pytest.mark.django_db
def test_non_anonymous_polls_need_a_verified_account(client, unverified):
    poll = make_poll()
    assert (f'href="/en/accounts/login/?next={poll.get_absolute_url()}">Log in to answer this poll'
            in client.get(poll.get_absolute_url()).content.decode())
    client.post(poll.get_absolute_url(), answers(poll))
    client.force_login(unverified)
    response = client.post(poll.get_absolute_url(), answers(poll), follow=True)
    assert "Verify your e-mail address to answer polls" in response.content.decode()
    assert not PollResponse.objects.exists()
    with pytest.raises(PermissionDenied):
        poll_services.poll_respond(poll=poll, by=unverified, browser_key="", answers={})


@pytest.mark.django_db
def test_service_refuses_a_second_response(participant):
    poll = make_poll()
    poll_services.poll_respond(poll=poll, by=participant, browser_key="", answers={})
    with pytest.raises(ValidationError, match="already answered"):
        poll_services.poll_respond(poll=poll, by=participant, browser_key="", answers={})


@pytest.mark.django_db
def test_csv_export_for_moderators_only(client, participant):
    poll = make_poll()
    client.force_login(participant)
    client.post(poll.get_absolute_url(), answers(poll))
    export = poll.get_absolute_url() + "responses.csv"
    assert client.get(export).status_code == 403
    client.force_login(UserFactory(role=Role.EDITOR))
    response = client.get(export)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][3:] == ["Where?", "What more?", "Order", "How involved?", "Anything else?"]
    assert rows[1][1] == f"participant {participant.pk}"
    assert rows[1][3:] == ["Park", "Bikes; Benches", "1. Education; 2. Jobs; 3. Culture", "4", "More shade, please"]
    assert participant.email not in response.content.decode()


@pytest.mark.django_db
def test_poll_page_query_count_is_constant(client, participant, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    poll = make_poll(results_visibility=Poll.ResultsVisibility.IMMEDIATELY)
    for person in UserFactory.create_batch(2):
        client.force_login(person)
        client.post(poll.get_absolute_url(), answers(poll))
    client.force_login(participant)
    with CaptureQueriesContext(connection) as first:
        client.get(poll.get_absolute_url())
    expected = len(first)  # read now: Django clears the query log at the next request
    for person in UserFactory.create_batch(10):
        client.force_login(person)
        client.post(poll.get_absolute_url(), answers(poll))
    client.force_login(participant)
    with django_assert_num_queries(expected):
        client.get(poll.get_absolute_url())


@pytest.mark.django_db
def test_missing_poll_is_404(client):
    process = ProcessFactory()
    assert client.get(f"/en/processes/{process.slug}/polls/12345/").status_code == 404
