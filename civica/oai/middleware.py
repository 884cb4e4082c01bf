"""Answers made for ``/oai/`` before its view runs stay XML: core's request guards answer a NUL character
with an HTML 400 page, and the rate limit of writes (a harvester POSTing) with an HTML 429. Placed before
them, this turns such an answer into the protocol's ``badArgument`` document — status 200 for a bad
request, as OAI-PMH answers its errors, the status kept otherwise (a 429 stays a 429) — so a harvester
never gets HTML."""

from django.http import HttpResponse
from django.urls import reverse

from . import protocol
from .views import CONTENT_TYPE, base_url


class OaiErrorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith("/oai/") or request.path_info != reverse("oai:endpoint"):
            return response
        if response.get("Content-Type", "").startswith("text/xml"):
            return response
        error = protocol.OaiError("badArgument", "The request is not acceptable (a character not allowed, or too "
                                  "many requests).")
        body = protocol.error_document(error, base_url=base_url())
        replaced = HttpResponse(body, content_type=CONTENT_TYPE, status=200 if response.status_code == 400
                                else response.status_code)
        if response.has_header("Retry-After"):
            replaced["Retry-After"] = response["Retry-After"]
        return replaced
