"""The calls' endpoints: the public parts of a call, the funded projects only once the results are
published (never an applicant, an evaluator or a score before), drafts not found, bad parameters as
problems, a fixed number of queries, the fuzz."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civica.accounts.tests.factories import UserFactory
from civica.calls.models import Application, ApplicationStatus, CallQuestion, CallStatus, Criterion, Decision
from civica.calls.tests.factories import CallFactory
from civica.network.tests.factories import OrganisationFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def _application(call, *, title, decision="", amount=None, organisation=None, applicant=None):
    return Application.objects.create(
        call=call, applicant=applicant or UserFactory(), organisation=organisation, reference=f"R-{title}",
        title=title, status=ApplicationStatus.SUBMITTED, submitted_at=timezone.now(), decision=decision,
        amount_awarded=amount, answers={"summary": "secret answer"}, feedback="private feedback")


def test_a_call_reads_as_its_page_shows_it(client):
    call = CallFactory(slug="granturi", title_en="Grants", programme=ProgrammeFactory(name_en="Youth"),
                       budget_total=Decimal("100000"), guide_en="Read **this**.")
    Criterion.objects.create(call=call, name_ro="Impact", name_en="Impact", weight=Decimal("2"))
    CallQuestion.objects.create(call=call, question="Cine?", answer="Oricine.", answered_at=timezone.now())
    CallQuestion.objects.create(call=call, question="Nerăspunsă?")
    _application(call, title="Proiect trimis")

    body = client.get("/api/v1/calls/granturi?lang=en").json()
    assert body["title"] == "Grants" and body["programme"] == "Youth" and body["guide"] == "Read **this**."
    assert body["status_label"] == "Published" and body["url"].endswith("/en/calls/granturi/")
    assert body["budget_total"] == {"amount": "100000.00", "currency": "RON"}
    assert body["amount_max"] == {"amount": "20000.00", "currency": "RON"}
    assert body["criteria"] == [{"name": "Impact", "description": "", "weight": "2.00", "scale_min": 0,
                                 "scale_max": 10}]
    assert [item["question"] for item in body["questions"]] == ["Cine?"]
    assert body["funded"] is None
    assert "Proiect trimis" not in str(body) and "secret" not in str(body)
    assert body["opens_at"].endswith(("+02:00", "+03:00", "Z", "+00:00"))

    listed = client.get("/api/v1/calls/").json()
    assert [row["slug"] for row in listed["results"]] == ["granturi"]


def test_funded_projects_appear_once_the_results_are_published_and_nothing_else(client):
    call = CallFactory(slug="rezultate", status=CallStatus.RANKING_LOCKED)
    organisation = OrganisationFactory(name="Asociația Verde")
    person = UserFactory()
    _application(call, title="Grădina", decision=Decision.FUNDED, amount=Decimal("5000"), organisation=organisation)
    _application(call, title="Atelier", decision=Decision.FUNDED, amount=Decimal("3000.5"), applicant=person)
    _application(call, title="Respins", decision=Decision.REJECTED)
    assert client.get("/api/v1/calls/rezultate").json()["funded"] is None

    call.status = CallStatus.RESULTS_PUBLISHED
    call.save()
    funded = client.get("/api/v1/calls/rezultate").json()["funded"]
    assert sorted((row["title"], row["applicant"], row["amount_awarded"]["amount"]) for row in funded) == [
        ("Atelier", person.public_name, "3000.50"), ("Grădina", "Asociația Verde", "5000.00")]
    assert person.email not in str(funded)


def test_a_draft_call_is_not_found_and_not_listed(client):
    CallFactory(slug="ciorna", status=CallStatus.DRAFT)
    for path in ("/api/v1/calls/ciorna", "/api/v1/calls/nicaieri"):
        response = client.get(path + "?lang=en")
        assert response.status_code == 404 and response["Content-Type"] == PROBLEM
    assert client.get("/api/v1/calls/").json()["results"] == []


def test_the_list_filters_as_the_page_and_pages_follow(client):
    now = timezone.now()
    CallFactory(slug="deschis")
    CallFactory(slug="viitor", opens_at=now + datetime.timedelta(days=3), closes_at=now + datetime.timedelta(days=9))
    CallFactory(slug="evaluare", status=CallStatus.EVALUATION, opens_at=now - datetime.timedelta(days=20),
                closes_at=now - datetime.timedelta(days=2))
    CallFactory(slug="premii", kind="competition")

    def slugs(query):
        return {row["slug"] for row in client.get(f"/api/v1/calls/?{query}").json()["results"]}

    assert slugs("state=open") == {"deschis", "premii"}
    assert slugs("state=upcoming") == {"viitor"}
    assert slugs("state=evaluation") == {"evaluare"}
    assert slugs("kind=competition") == {"premii"}
    seen, url = [], "/api/v1/calls/?page_size=1"
    while url:
        page = client.get(url).json()
        seen += [row["slug"] for row in page["results"]]
        url = page["next"]
    assert sorted(seen) == ["deschis", "evaluare", "premii", "viitor"]


@pytest.mark.parametrize("query, parameter", [
    ("page_size=0", "page_size"), ("page_size=101", "page_size"), ("kind=lottery", "kind"),
    ("state=closed", "state"), ("cursor=abc", "cursor"),
])
def test_bad_parameters_are_a_problem_naming_the_parameter(client, query, parameter):
    response = client.get(f"/api/v1/calls/?{query}&lang=en")
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    assert [error["parameter"] for error in response.json()["errors"]] == [parameter]


def test_the_list_and_a_call_take_a_fixed_number_of_queries(client, assert_constant_queries):
    def make():
        call = CallFactory(programme=ProgrammeFactory(), status=CallStatus.RESULTS_PUBLISHED)
        Criterion.objects.create(call=call, name_ro="Impact")
        CallQuestion.objects.create(call=call, question="?", answer="!", answered_at=timezone.now())
        _application(call, title=f"F{call.pk}", decision=Decision.FUNDED, amount=Decimal(1),
                     organisation=OrganisationFactory())
        _application(call, title=f"P{call.pk}", decision=Decision.FUNDED, amount=Decimal(1))
        return call

    first = make()

    def grow():
        for _ in range(3):
            make()
        Criterion.objects.create(call=first, name_ro="Buget")
        _application(first, title="more", decision=Decision.FUNDED, amount=Decimal(2))

    assert_constant_queries(client, ["/api/v1/calls/", f"/api/v1/calls/{first.slug}"], grow)


NAMES = st.sampled_from(["kind", "state", "cursor", "page_size", "lang", "other"])
VALUES = st.one_of(st.text(max_size=40), st.integers(min_value=-10**30, max_value=10**30).map(str),
                   st.sampled_from(["grant", "competition", "open", "results", "0", "100", "101", "", "%00"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(st.tuples(NAMES, VALUES), max_size=4),
       path=st.sampled_from(["/api/v1/calls/", "/api/v1/calls/fuzz", "/api/v1/calls/nowhere"]))
def test_any_query_string_on_the_calls_is_answered_without_a_server_error(client, query, path):
    if not CallFactory._meta.model.objects.filter(slug="fuzz").exists():
        CallFactory(slug="fuzz", status=CallStatus.RESULTS_PUBLISHED)
    response = client.get(path, dict(query) if query else None)
    assert response.status_code < 500, (path, query, response.content[:300])
    # A NUL in the query is refused site-wide, before the API, by core's middleware (an HTML 400).
    if response.status_code >= 400 and not any("\x00" in key + value for key, value in query):
        assert response["Content-Type"] == PROBLEM
