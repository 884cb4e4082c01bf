"""What every API answer gets, whatever the endpoint (issue 20, point 3):

- the language asked with ``?lang=ro|en`` (else ``Accept-Language``, which Django's LocaleMiddleware
  read already), said back in ``Content-Language``;
- CORS open to any origin for reading (``GET``/``HEAD``/``OPTIONS``) and never with credentials: the
  API reads as a visitor, so another site's page learns nothing it could not fetch itself;
- an ``ETag`` on every successful read, and ``304 Not Modified`` when the client's ``If-None-Match``
  (or ``If-Modified-Since`` against an endpoint's ``Last-Modified``) says it has that answer already;
- ``Cache-Control: private`` on every answer to a request with a token, so no shared cache keeps it (the
  visitors' page cache, ``core.page_cache``, neither serves nor keeps such requests; it keeps the public
  answers, under the language asked)."""

import hashlib
from http import HTTPStatus

from django.conf import settings
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext as _

API_PREFIX = "/api/"
PROBLEM_TYPES = ("application/problem+json", "application/json")
READ_METHODS = ("GET", "HEAD")


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        language = request.GET.get("lang", "")
        if language in dict(settings.LANGUAGES):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        if request.method == "OPTIONS":
            from django.http import HttpResponse

            response = HttpResponse(status=204)
        else:
            response = self.get_response(request)
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith(PROBLEM_TYPES):
            # Refused before the API ran (a NUL in the address, the write limit, a method not allowed):
            # the same problem document as the API's own refusals, with the refusal's headers kept.
            response = _as_problem(response)
        if "HTTP_AUTHORIZATION" in request.META:
            # An answer to a token may be its owner's: no shared cache (ours or on the way) keeps it.
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Authorization"])
        response["Content-Language"] = translation.get_language()
        vary = [part for part in (response.get("Vary") or "").split(",") if part.strip()]
        response["Vary"] = ", ".join(dict.fromkeys([*(part.strip() for part in vary), "Accept-Language"]))
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After, Content-Language"
        if request.method in READ_METHODS and response.status_code == 200 and not response.streaming:
            if not response.has_header("ETag"):
                response["ETag"] = '"%s"' % hashlib.sha256(response.content).hexdigest()[:32]
            last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
            conditional = get_conditional_response(request, etag=response["ETag"], last_modified=last_modified,
                                                   response=response)
            if conditional is not response:
                for name in ("Content-Language", "Vary", "Access-Control-Allow-Origin"):
                    conditional[name] = response[name]
            return conditional
        return response


def _as_problem(refused):
    from .problems import problem

    titles = {400: _("The request is not valid."), 403: _("This is not allowed."), 404: _("Not found."),
              405: _("This method is not allowed here."), 429: _("Too many requests.")}
    status = refused.status_code
    title = titles.get(status) or (HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "")
    kept = {name: refused[name] for name in ("Retry-After", "Allow") if refused.has_header(name)}
    return problem(status, str(title), headers=kept)
