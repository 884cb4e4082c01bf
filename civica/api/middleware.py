"""What every API answer gets, whatever the endpoint (issue 20, point 3):

- the language asked with ``?lang=ro|en`` (else ``Accept-Language``, which Django's LocaleMiddleware
  read already), said back in ``Content-Language``;
- CORS open to any origin for reading (``GET``/``HEAD``/``OPTIONS``) and never with credentials: the
  API reads as a visitor, so another site's page learns nothing it could not fetch itself;
- an ``ETag`` on every successful read, and ``304 Not Modified`` when the client's ``If-None-Match``
  (or ``If-Modified-Since`` against an endpoint's ``Last-Modified``) says it has that answer already."""

import hashlib

from django.conf import settings
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

API_PREFIX = "/api/"
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
