"""The API object: django-ninja's ``NinjaAPI`` for ``/api/v1/``, its error handlers (every refusal a
problem document, ``problems``), its rate limit and its routers, one module per capability under
``endpoints/``. The OpenAPI document is ``/api/v1/openapi.json``; the interactive docs ``/api/v1/docs``
use the Swagger UI files django-ninja ships, served from our static files (no CDN)."""

import logging

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from .pagination import BadCursor
from .problems import invalid_parameters, problem
from .throttling import AddressRateThrottle

logger = logging.getLogger(__name__)

DESCRIPTION = """Civica's public data: consultations, ideas and what became of them.

Answers are in Romanian or English: `?lang=ro|en`, else the `Accept-Language` header. Lists use cursor
pagination: follow `next` (at most 100 items a page, `page_size`). Every refusal is an RFC 9457 problem
document (`application/problem+json`). Reads are open to any origin (CORS) and limited per address
(`429` with `Retry-After`). Content is licensed as each page says."""

api = NinjaAPI(
    title="Civica API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    throttle=[AddressRateThrottle()],
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


from .endpoints import participation  # noqa: E402 -- the routers need the api above

api.add_router("/processes/", participation.router)

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
