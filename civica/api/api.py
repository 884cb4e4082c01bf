"""The API object: django-ninja's ``NinjaAPI`` for ``/api/v1/``, its error handlers (every refusal a
problem document, ``problems``), its rate limit and its routers, one module per capability under
``endpoints/``. The OpenAPI document is ``/api/v1/openapi.json``; the interactive docs ``/api/v1/docs``
use the Swagger UI files django-ninja ships, served from our static files (no CDN)."""

import logging

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from .pagination import BadCursor
from .problems import invalid_parameters, problem
from .throttling import AddressRateThrottle, TokenRateThrottle

logger = logging.getLogger(__name__)

DESCRIPTION = """Civica's public data: consultations, ideas and what became of them.

Answers are in Romanian or English: `?lang=ro|en`, else the `Accept-Language` header. Lists use cursor
pagination: follow `next` (at most 100 items a page, `page_size`). Every refusal is an RFC 9457 problem
document (`application/problem+json`). Reads are open to any origin (CORS) and limited per address
(`429` with `Retry-After`). Content is licensed as each page says.

Venues (`/venue/…`): a partner venue's ticketing system checks and redeems cultural vouchers with the
venue's token (`Authorization: Bearer civv_…`), as its staff do on the phone page. Its refusals carry a
stable `code`: `wrong_code` (404), `mistyped_code` (400), `expired`, `cancelled`, `replaced`, `spent`,
`insufficient_balance`, `offer_not_accepted` (422), `locked_out` and `too_many_requests` (429)."""

class ParameterProblem(Schema):
    parameter: str
    message: str


class Problem(Schema):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    code: str | None = None
    detail: str | None = None
    errors: list[ParameterProblem] | None = None


# Every operation may answer these; those with a token also 401 and 403.
COMMON_PROBLEMS = {"400": "Some parameters are not valid.", "404": "Not found, or not public.",
                   "429": "Too many requests: see Retry-After."}
TOKEN_PROBLEMS = {"401": "No valid token.", "403": "The token lacks the scope, or the action is refused."}


class CivicaAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        """Django-ninja's document, with the problems every operation may answer, as problem+json."""
        schema = super().get_openapi_schema(**kwargs)
        problem_ref = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                problems = {**COMMON_PROBLEMS, **(TOKEN_PROBLEMS if operation.get("security") else {})}
                for status, description in problems.items():
                    responses[status] = {"description": description, "content": problem_ref}
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(Problem.model_json_schema(ref_template="#/components/schemas/{model}").pop("$defs", {}))
        components["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        components["Problem"].pop("$defs", None)
        return schema


api = CivicaAPI(
    title="Civica API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    throttle=[AddressRateThrottle(), TokenRateThrottle()],
)


@api.exception_handler(ValidationError)
def _invalid(request, error):
    return invalid_parameters(error.errors)


@api.exception_handler(BadCursor)
def _bad_cursor(request, error):
    return problem(400, _("Some parameters are not valid."), errors=[
        {"parameter": "cursor", "message": _("This cursor does not belong to this list: start again without it.")}])


@api.exception_handler(Http404)
def _not_found(request, error):
    return problem(404, _("Not found."), _("Nothing public has this address."))


@api.exception_handler(Throttled)
def _throttled(request, error):
    # ninja adds Retry-After to what this returns.
    return problem(429, _("Too many requests."), _("Wait a little before asking again."))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, error):
    return problem(401, _("Authentication is needed."))


@api.exception_handler(HttpError)
def _http_error(request, error):
    return problem(error.status_code, str(error) or _("The request cannot be answered."))


@api.exception_handler(Exception)
def _unexpected(request, error):
    logger.exception("API error on %s", request.path)
    return problem(500, _("Something went wrong on our side."), _("It has been logged; please try again later."))


from .endpoints import me, participation  # noqa: E402 -- the routers need the api above

api.add_router("/processes/", participation.router)
# A person's own, with a personal access token (Authorization: Bearer civ_…).
api.add_router("/me/", me.router)
api.add_router("/", me.write_router)

# Slice a1: debates, comments with their threads, poll results, meetings (with their iCal links) and
# workshops' reports.
from .endpoints import comments, debates, meetings, polls, workshops  # noqa: E402

api.add_router("/processes/", debates.router)
api.add_router("/processes/", comments.router)
api.add_router("/processes/", polls.router)
api.add_router("/meetings/", meetings.router)
api.add_router("/workshops/", workshops.router)

# Slice a2: calls, plans, the network (organisations, networks, programmes, spaces), bodies and news.
from .endpoints import bodies, calls, network, news, plans  # noqa: E402

api.add_router("/bodies/", bodies.router)
api.add_router("/calls/", calls.router)
api.add_router("/networks/", network.networks)
api.add_router("/news/", news.router)
api.add_router("/organisations/", network.organisations)
api.add_router("/plans/", plans.router)
api.add_router("/programmes/", network.programmes)
api.add_router("/spaces/", network.spaces)

# The observatory's published indicators, their series and its open-data datasets.
from .endpoints import observatory  # noqa: E402

api.add_router("/observatory/", observatory.router)

# A partner venue's ticketing system: cultural vouchers checked and redeemed with the venue's token.
from .endpoints import venues  # noqa: E402

api.add_router("/venue/", venues.router)
