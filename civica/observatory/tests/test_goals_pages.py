"""The goal pages (issue 19, point 5): the list of the 17 SDGs and the climate mission with what each
has, and a goal's page with only what is public, in a fixed number of queries; 404 for an unknown code."""

from decimal import Decimal

import pytest

from civica.accountability.models import PlanStatus
from civica.accountability.tests.factories import make_plan
from civica.accounts.tests.factories import UserFactory
from civica.calls.models import Application, CallStatus, Decision
from civica.calls.tests.factories import CallFactory
from civica.goals.models import Goal, GoalKind
from civica.network.tests.factories import OrganisationFactory, ProgrammeFactory
from civica.observatory.goals.selectors import goal_numbers
from civica.observatory.models import Framework, Indicator, Unit
from civica.participation.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db


def _goal(code):
    return Goal.objects.get(code=code)


def _indicator(code, targets, *, published=True):
    framework, _ = Framework.objects.get_or_create(slug="culture-2030", defaults={"name_ro": "Cultură|2030",
                                                                                   "name_en": "Culture|2030"})
    return Indicator.objects.create(code=code, framework=framework, name_ro=f"Indicatorul {code}",
                                    name_en=f"Indicator {code}", definition_ro="Definiție", unit=Unit.COUNT,
                                    sdg_targets=targets, is_published=published)


def _funded(call, title, *, organisation=None, decision=Decision.FUNDED):
    return Application.objects.create(call=call, applicant=UserFactory(), organisation=organisation,
                                      reference=f"REF-{title}", title=title, decision=decision,
                                      amount_awarded=Decimal(1000))


def _everything_for(goal, *, count=1, start=0):
    """``count`` of each kind of thing tagged with ``goal``, public, and as many not public."""
    for number in range(start, start + count):
        ProcessFactory(title_en=f"Green consultation {number}").goals.add(goal)
        ProcessFactory(title_en=f"Hidden consultation {number}", is_published=False).goals.add(goal)
        published = make_plan(year=2021 + number, programmes=1, activities=1, status=PlanStatus.PUBLISHED)
        published.activities.get().goals.add(goal)
        draft = make_plan(year=2031 + number, programmes=1, activities=1, status=PlanStatus.DRAFT)
        draft.activities.get().goals.add(goal)
        ProgrammeFactory(name_en=f"Green programme {number}").goals.add(goal)
        call = CallFactory(title_en=f"Green call {number}", status=CallStatus.RESULTS_PUBLISHED)
        call.goals.add(goal)
        _funded(call, f"Trees {number}", organisation=OrganisationFactory(name=f"Asociația Verde {number}"))
        _funded(call, f"Rejected {number}", decision=Decision.REJECTED)
        evaluated = CallFactory(title_en=f"Evaluated call {number}", status=CallStatus.EVALUATION)
        evaluated.goals.add(goal)
        _funded(evaluated, f"Not yet announced {number}")
        CallFactory(title_en=f"Draft call {number}", status=CallStatus.DRAFT).goals.add(goal)
        _indicator(f"c2030-{goal.number}-{number}", f"{goal.number}.4, 4.7")
        _indicator(f"hidden-{goal.number}-{number}", f"{goal.number}.1", published=False)


def test_the_goals_are_the_17_sdgs_and_the_climate_mission():
    goals = list(Goal.objects.all())
    assert [goal.number for goal in goals if goal.kind == GoalKind.SDG] == list(range(1, 18))
    mission = _goal("climate-neutral-cities")
    assert mission.kind == GoalKind.EU_MISSION and mission.number is None
    assert _goal("sdg-11").name_ro == "Orașe și comunități durabile"
    assert _goal("sdg-11").name_en == "Sustainable cities and communities"
    assert _goal("sdg-13").colour == "#3F7E44"


def test_the_targets_name_their_goals():
    assert goal_numbers("11.4, 4.7") == {11, 4}
    assert goal_numbers("") == set()
    assert goal_numbers("11.a,16.10") == {11, 16}


def test_the_list_shows_every_goal_with_what_it_has(client):
    _everything_for(_goal("sdg-11"))
    html = client.get("/en/observatory/goals/").content.decode()
    assert "SDG 1 · No poverty" in html and "SDG 17 · Partnerships for the goals" in html
    assert "EU mission · EU Mission: 100 climate-neutral and smart cities by 2030" in html
    assert "7 things done for it" in html  # one of each public kind, and two calls
    assert "1 consultation" in html and "1 plan activity" in html and "1 funded project" in html
    assert "2 calls" in html  # the evaluated call is public too
    romanian = client.get("/ro/observatory/goals/").content.decode()
    assert "Orașe și comunități durabile" in romanian and "Sustainable cities" not in romanian


def test_a_goal_page_lists_only_what_is_public(client):
    goal = _goal("sdg-11")
    _everything_for(goal)
    response = client.get("/en/observatory/goals/sdg-11/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sustainable cities and communities" in html and "#FD9D24" in html
    assert "Sustainable Development Goal 11" in html  # the goal named in text, not by its colour only
    for shown in ("Green consultation 0", "Activity 0.0", "Green programme 0", "Green call 0", "Evaluated call 0",
                  "Trees 0", "Asociația Verde 0", "Indicator c2030-11-0"):
        assert shown in html, shown
    for hidden in ("Hidden consultation", "Draft call", "Rejected 0", "Not yet announced", "hidden-11"):
        assert hidden not in html, hidden
    assert html.count("Activity 0.0") == 1  # the draft plan's activity is not listed


def test_an_indicator_is_listed_under_each_goal_its_targets_name(client):
    _indicator("c2030-06", "11.4, 4.7")
    assert "Indicator c2030-06" in client.get("/en/observatory/goals/sdg-4/").content.decode()
    assert "Indicator c2030-06" in client.get("/en/observatory/goals/sdg-11/").content.decode()
    assert "Indicator c2030-06" not in client.get("/en/observatory/goals/sdg-1/").content.decode()


def test_a_goal_with_nothing_says_so(client):
    html = client.get("/en/observatory/goals/climate-neutral-cities/").content.decode()
    assert "Nothing is tagged with this goal yet." in html
    assert "EU mission" in html


@pytest.mark.parametrize("code", ["sdg-18", "nothing", "SDG-11", "sdg-0"])
def test_an_unknown_goal_is_not_found(client, code):
    assert client.get(f"/en/observatory/goals/{code}/").status_code == 404


@pytest.mark.parametrize("address", ["/en/observatory/goals/%C2%B2/", "/en/observatory/goals/a%00b/"])
def test_a_malformed_goal_code_is_not_found(client, address):
    assert client.get(address).status_code in (400, 404)


def test_the_pages_ask_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    goal = _goal("sdg-13")
    _everything_for(goal, count=1)
    with django_assert_max_num_queries(12) as few:
        client.get("/en/observatory/goals/sdg-13/")
    with django_assert_max_num_queries(12) as few_list:
        client.get("/en/observatory/goals/")
    _everything_for(goal, count=3, start=1)  # more of everything: the same number of queries
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert "Green call 3" in client.get("/en/observatory/goals/sdg-13/").content.decode()
    with django_assert_max_num_queries(len(few_list.captured_queries)):
        client.get("/en/observatory/goals/")
