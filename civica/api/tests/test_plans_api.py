"""The plans' endpoints: a plan with its areas, programmes' activities, KPIs and budget as its pages
show them, amounts as decimal strings in lei, a fixed number of queries, bad addresses as problems."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civica.accountability.models import Plan, PlanStatus
from civica.accountability.tests.factories import make_plan

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def test_a_plan_reads_with_everything_its_pages_show(client):
    make_plan(year=2021)
    make_plan(year=2022, status=PlanStatus.DRAFT)

    listed = client.get("/api/v1/plans/?lang=en").json()
    assert [(row["slug"], row["status"]) for row in listed["results"]] == [("2022", "draft"), ("2021", "approved")]
    assert listed["results"][1]["url"].endswith("/en/plans/2021/")

    plan = client.get("/api/v1/plans/2021?lang=en").json()
    assert plan["title"] == "Plan 2021" and plan["approved_by"] == "Adunarea Generală"
    assert plan["areas"][0]["name"] == "Programme"
    assert plan["areas"][0]["priorities"][0] == {"text": "Growing", "level": "large",
                                                 "level_label": "to a large extent", "narrative": "We grew."}
    assert [item["name"] for item in plan["programmes"]] == ["Programme 0", "Programme 1"]
    activities = plan["programmes"][0]["activities"]
    assert [item["title"] for item in activities] == ["Activity 0.0", "Activity 0.1", "Activity 0.2"]
    assert activities[1]["period"] == "7-10 octombrie" and activities[1]["starts_on"] == "2021-10-07"
    indicator = plan["indicators"][0]
    assert indicator["name"] == "Instagram followers" and indicator["target"] == "3000.00"
    assert indicator["latest"]["value"] == "2100.00" and indicator["latest"]["date"] == "2021-06-30"
    budget = plan["budget"]
    assert budget["income"] == {"amount": "1000.50", "currency": "RON"}
    assert budget["expenses"] == {"amount": "900.00", "currency": "RON"}
    expenses = [group for group in budget["groups"] if group["kind"] == "expense"][0]
    assert expenses["lines"][0]["executed"] == {"amount": "950.00", "currency": "RON"}


@pytest.mark.parametrize("slug", ["2020", "20210", "2021-2020", "abcd", "²²²²"])
def test_a_plan_that_is_not_there_is_not_found(client, slug):
    make_plan(year=2021)
    response = client.get(f"/api/v1/plans/{slug}?lang=en")
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM


@pytest.mark.parametrize("query, parameter", [("page_size=0", "page_size"), ("page_size=x", "page_size"),
                                              ("cursor=zzz", "cursor")])
def test_bad_parameters_are_a_problem_naming_the_parameter(client, query, parameter):
    response = client.get(f"/api/v1/plans/?{query}")
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    assert [error["parameter"] for error in response.json()["errors"]] == [parameter]


def test_the_list_and_a_plan_take_a_fixed_number_of_queries(client, assert_constant_queries):
    plan = make_plan(year=2021, programmes=1, activities=1)

    def grow():
        make_plan(year=2022, programmes=1, activities=1, organisation=plan.organisation)
        make_plan(year=2023, programmes=1, activities=1)
        other = make_plan(year=2024, programmes=3, activities=3)  # its contents join the plan read
        for model in (other.activities, other.indicators, other.budget_groups, other.objectives, other.areas):
            model.update(plan=plan)

    assert_constant_queries(client, ["/api/v1/plans/", "/api/v1/plans/2021"], grow)
    assert Plan.objects.count() == 4


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(st.tuples(st.sampled_from(["cursor", "page_size", "lang", "x"]),
                                st.one_of(st.text(max_size=30), st.sampled_from(["0", "100", "101", "en"]))),
                      max_size=3),
       path=st.sampled_from(["/api/v1/plans/", "/api/v1/plans/2021", "/api/v1/plans/2021-2024", "/api/v1/plans/x"]))
def test_any_query_string_on_the_plans_is_answered_without_a_server_error(client, query, path):
    if not Plan.objects.exists():
        make_plan(year=2021, programmes=1, activities=1)
    response = client.get(path, dict(query) if query else None)
    assert response.status_code < 500, (path, query, response.content[:300])
    # A NUL in the query is refused site-wide, before the API, by core's middleware (an HTML 400).
    if response.status_code >= 400 and not any("\x00" in key + value for key, value in query):
        assert response["Content-Type"] == PROBLEM
