"""Every operation of the API against every kind of caller (issue 20: "Every endpoint has a permission
test for anonymous, token with and without the scope, and staff").

``OPERATIONS`` names each operation of the OpenAPI document (its method and path template) with the
scope it needs (None: public) and a real address of it on the data below. Each caller calls every
operation once, in order:

- public operations answer 200 to everyone: a token, dead or alive, with or without scopes, is not
  looked at (they read as a visitor), and a staff session is ignored as any session is;
- personal reads and the writes answer 401 to anonymous callers, to an expired or revoked token and to
  a staff session (the API never reads the session cookie), 403 (a problem naming the scope) to a live
  token without the scope, and 200 to a live token with it, staff's included.

The venues' operations take a venue's token, not a person's: their own table of callers is in
``civica/api/tests/test_venue_api.py`` (``VENUE_OPERATIONS``), and they are left out of this one.

``test_every_operation_is_in_the_table`` enumerates the operations of django-ninja's API, so a new
endpoint fails until it is added here with its scope."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from civica.accountability.tests.factories import make_plan
from civica.api import services
from civica.api.api import api
from civica.api.models import AccessToken, Scope
from civica.calls.tests.factories import CallFactory
from civica.governance.models import Body, BodyRole
from civica.meetings.models import Registration
from civica.meetings.tests.factories import MeetingFactory
from civica.network.tests.factories import MemberFactory, NetworkFactory, ProgrammeFactory, SpaceFactory
from civica.news.tests.factories import ArticleFactory
from civica.observatory.models import Dimension, Framework, Indicator, IndicatorValue
from civica.participation.models import Support
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

from .a1_data import comment_on, debate_in, poll_in, workshop_on

pytestmark = pytest.mark.django_db

READ, SUPPORT, MEETINGS = Scope.READ_PERSONAL, Scope.WRITE_PARTICIPATION, Scope.WRITE_MEETINGS

# (method, path template): (scope needed, address on the data of ``world``), in the order they are called.
OPERATIONS = {
    ("GET", "/api/v1/processes/"): (None, "/api/v1/processes/"),
    ("GET", "/api/v1/processes/{slug}"): (None, "/api/v1/processes/p"),
    ("GET", "/api/v1/processes/{slug}/ideas"): (None, "/api/v1/processes/p/ideas"),
    ("GET", "/api/v1/processes/{slug}/ideas/{idea_id}"): (None, "/api/v1/processes/p/ideas/{idea}"),
    ("GET", "/api/v1/processes/{slug}/ideas/{idea_id}/comments"): (None, "/api/v1/processes/p/ideas/{idea}/comments"),
    ("GET", "/api/v1/processes/{slug}/debates"): (None, "/api/v1/processes/p/debates"),
    ("GET", "/api/v1/processes/{slug}/debates/{debate_id}"): (None, "/api/v1/processes/p/debates/{debate}"),
    ("GET", "/api/v1/processes/{slug}/debates/{debate_id}/comments"): (
        None, "/api/v1/processes/p/debates/{debate}/comments"),
    ("GET", "/api/v1/processes/{slug}/polls"): (None, "/api/v1/processes/p/polls"),
    ("GET", "/api/v1/processes/{slug}/polls/{poll_id}"): (None, "/api/v1/processes/p/polls/{poll}"),
    ("GET", "/api/v1/meetings/"): (None, "/api/v1/meetings/"),
    ("GET", "/api/v1/meetings/{slug}"): (None, "/api/v1/meetings/m"),
    ("GET", "/api/v1/meetings/{slug}/comments"): (None, "/api/v1/meetings/m/comments"),
    ("GET", "/api/v1/workshops/"): (None, "/api/v1/workshops/"),
    ("GET", "/api/v1/workshops/{slug}"): (None, "/api/v1/workshops/cafe"),
    ("GET", "/api/v1/bodies/"): (None, "/api/v1/bodies/"),
    ("GET", "/api/v1/bodies/{slug}"): (None, "/api/v1/bodies/consiliu"),
    ("GET", "/api/v1/calls/"): (None, "/api/v1/calls/"),
    ("GET", "/api/v1/calls/{slug}"): (None, "/api/v1/calls/apel"),
    ("GET", "/api/v1/networks/"): (None, "/api/v1/networks/"),
    ("GET", "/api/v1/networks/{slug}"): (None, "/api/v1/networks/retea"),
    ("GET", "/api/v1/news/"): (None, "/api/v1/news/"),
    ("GET", "/api/v1/news/{slug}"): (None, "/api/v1/news/stire"),
    ("GET", "/api/v1/organisations/"): (None, "/api/v1/organisations/"),
    ("GET", "/api/v1/organisations/{slug}"): (None, "/api/v1/organisations/membru"),
    ("GET", "/api/v1/plans/"): (None, "/api/v1/plans/"),
    ("GET", "/api/v1/plans/{slug}"): (None, "/api/v1/plans/2021"),
    ("GET", "/api/v1/programmes/"): (None, "/api/v1/programmes/"),
    ("GET", "/api/v1/programmes/{slug}"): (None, "/api/v1/programmes/tineret"),
    ("GET", "/api/v1/spaces/"): (None, "/api/v1/spaces/"),
    ("GET", "/api/v1/spaces/{slug}"): (None, "/api/v1/spaces/sala"),
    ("GET", "/api/v1/observatory/indicators/"): (None, "/api/v1/observatory/indicators/"),
    ("GET", "/api/v1/observatory/indicators/{code}"): (None, "/api/v1/observatory/indicators/c-1"),
    ("GET", "/api/v1/observatory/indicators/{code}/series"): (None, "/api/v1/observatory/indicators/c-1/series"),
    ("GET", "/api/v1/observatory/datasets/"): (None, "/api/v1/observatory/datasets/"),
    ("GET", "/api/v1/observatory/datasets/indicators/{code}"): (None, "/api/v1/observatory/datasets/indicators/c-1"),
    ("GET", "/api/v1/observatory/datasets/dimensions/{framework}/{dimension}"): (
        None, "/api/v1/observatory/datasets/dimensions/cadru/dim"),
    ("GET", "/api/v1/me/notifications"): (READ, "/api/v1/me/notifications"),
    ("GET", "/api/v1/me/applications"): (READ, "/api/v1/me/applications"),
    ("GET", "/api/v1/me/registrations"): (READ, "/api/v1/me/registrations"),
    ("GET", "/api/v1/me/bookings"): (READ, "/api/v1/me/bookings"),
    ("POST", "/api/v1/processes/{slug}/ideas/{idea_id}/support"): (SUPPORT, "/api/v1/processes/p/ideas/{idea}/support"),
    ("DELETE", "/api/v1/processes/{slug}/ideas/{idea_id}/support"): (
        SUPPORT, "/api/v1/processes/p/ideas/{idea}/support"),
    ("POST", "/api/v1/meetings/{slug}/registration"): (MEETINGS, "/api/v1/meetings/m/registration"),
}

# Answered per venue token (test_venue_api.py tests each against its callers).
VENUE_OPERATIONS = {("POST", "/api/v1/venue/check"), ("POST", "/api/v1/venue/redemptions")}

CALLERS = ["anonymous", "token without the scope", "token with the scope", "expired token", "revoked token",
           "staff session", "staff token"]


def documented_operations():
    """Every (method, path) of the API's OpenAPI document: what django-ninja serves."""
    paths = api.get_openapi_schema()["paths"]
    return {(method.upper(), path) for path, operations in paths.items() for method in operations}


def not_in_table(operations):
    return sorted(set(operations) - set(OPERATIONS) - VENUE_OPERATIONS)


def test_every_operation_is_in_the_table():
    assert not_in_table(documented_operations()) == []
    assert set(OPERATIONS) <= documented_operations(), "the table names operations the API does not have"


def test_a_new_operation_is_caught():
    assert not_in_table({*documented_operations(), ("GET", "/api/v1/new/")}) == [("GET", "/api/v1/new/")]


def test_the_tables_scopes_are_the_operations_own():
    """A scoped operation declares a token; a public one none (so the OpenAPI document says so too)."""
    paths = api.get_openapi_schema()["paths"]
    for (method, path), (scope, _address) in OPERATIONS.items():
        assert bool(paths[path][method.lower()].get("security")) == (scope is not None), (method, path)


def world():
    """One of everything an operation reads; the addresses' placeholders filled in."""
    process = ProcessFactory(slug="p")
    idea = IdeaFactory(process=process)
    debate = debate_in(process)
    comment_on(idea, scope=process)
    poll = poll_in(process)
    meeting = MeetingFactory(slug="m", is_published=True, capacity=10)
    workshop_on(meeting, slug="cafe")
    Body.objects.create(name_ro="Consiliul", slug="consiliu", role=BodyRole.CONSULTATIVE)
    CallFactory(slug="apel")
    NetworkFactory(slug="retea")
    ArticleFactory(slug="stire")
    member = MemberFactory(slug="membru")
    ProgrammeFactory(organisation=member, slug="tineret")
    SpaceFactory(slug="sala")
    make_plan(year=2021, programmes=1, activities=1)
    framework = Framework.objects.create(slug="cadru", name_ro="Cadrul")
    dimension = Dimension.objects.create(framework=framework, slug="dim", name_ro="Dimensiunea")
    indicator = Indicator.objects.create(code="c-1", framework=framework, dimension=dimension, name_ro="Indicatorul",
                                         definition_ro="Ce măsoară.", unit="count", is_published=True)
    IndicatorValue.objects.create(indicator=indicator, year=2024, value=Decimal(3))
    return {"idea": idea.pk, "debate": debate.pk, "poll": poll.pk}


def token_for(person, scopes, *, state="live"):
    token, secret = services.token_create(by=person, name="n", scopes=scopes, expires_in_days=30)
    if state == "revoked":
        services.token_revoke(token=token, by=person)
    elif state == "expired":
        AccessToken.objects.filter(pk=token.pk).update(created_at=timezone.now() - datetime.timedelta(days=31),
                                                       expires_at=timezone.now() - datetime.timedelta(seconds=1))
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def expected(caller, scope):
    if scope is None:
        return 200
    if caller in {"token with the scope", "staff token"}:
        return 200
    return 403 if caller == "token without the scope" else 401


@pytest.mark.parametrize("caller", CALLERS)
def test_every_operation_answers_each_caller_as_its_scope_says(client, make_user, settings, caller):
    settings.CIVICA_API_RATE_BY_TOKEN = settings.CIVICA_API_RATE_BY_ADDRESS = "1000/m"
    filled = world()
    person = make_user("editor" if caller.startswith("staff") else "participant")
    every_scope = list(Scope.values)
    if caller == "staff session":
        client.force_login(person)
    tokens = {}  # one token per scope needed (the per-person limit is far above)
    for scope in dict.fromkeys(scope for scope, _address in OPERATIONS.values()):
        if caller == "token without the scope":
            tokens[scope] = token_for(person, [other for other in every_scope if other != scope] if scope else [READ])
        elif caller in {"token with the scope", "staff token"}:
            tokens[scope] = token_for(person, [scope] if scope else every_scope)
        elif caller in {"expired token", "revoked token"}:
            tokens[scope] = token_for(person, every_scope, state=caller.split()[0])
    for (method, path), (scope, address) in OPERATIONS.items():
        headers = tokens.get(scope, {})
        response = client.generic(method, f"{address.format(**filled)}?lang=en", data="{}",
                                  content_type="application/json", **headers) if method != "GET" else \
            client.get(f"{address.format(**filled)}?lang=en", **headers)
        want = expected(caller, scope)
        assert response.status_code == want, (caller, method, path, response.content[:300])
        if want >= 400:
            assert response["Content-Type"] == "application/problem+json", (caller, method, path)
        if want == 403:
            assert scope in response.json()["title"], (caller, method, path)
        if want == 200 and method != "GET":
            assert response.json()["supported" if "support" in path else "status"] == {
                "POST": "registered" if "registration" in path else True, "DELETE": False}[method], (caller, path)
    writes_worked = caller in {"token with the scope", "staff token"}
    assert Support.objects.filter(user=person).count() == 0  # supported, then withdrawn
    assert Registration.objects.filter(person=person).exists() == writes_worked, caller
