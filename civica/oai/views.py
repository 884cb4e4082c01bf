"""The OAI-PMH endpoint, ``/oai/`` (outside the language prefix: a harvester has no language). GET and
POST (``application/x-www-form-urlencoded``, as the protocol allows; no CSRF token: it writes nothing).
Every answer is XML, errors included: the protocol's errors are answered with status 200 as the protocol
asks; another method gets 405 with a ``badVerb`` document; nothing here renders HTML."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from . import protocol

CONTENT_TYPE = "text/xml; charset=utf-8"


def base_url() -> str:
    return settings.CIVICA_BASE_URL + reverse("oai:endpoint")


@csrf_exempt
def endpoint(request):
    if request.method not in ("GET", "POST", "HEAD"):
        body = protocol.respond({}, base_url=base_url())
        response = HttpResponse(body, content_type=CONTENT_TYPE, status=405)
        response["Allow"] = "GET, POST"
        return response
    data = request.POST if request.method == "POST" else request.GET
    arguments = {name: data.getlist(name)[-1] for name in data}
    repeated = {name for name in data if len(data.getlist(name)) > 1}
    body = protocol.respond(arguments, base_url=base_url(), repeated=repeated)
    return HttpResponse(body, content_type=CONTENT_TYPE)
