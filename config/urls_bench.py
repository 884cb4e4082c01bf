"""The site's URLs plus ``/bench/baseline/``, served only under ``config.settings.bench``.

The baseline is the cheapest page that still goes through the whole middleware stack and reads
the database once: the load benchmark reports every page's throughput as a ratio of it.
``ServedByMiddleware`` (also bench-only, installed by ``config.settings.bench``) names the app server
that answered, so ``bench/two_servers.py`` can show that a journey really alternated between two, and
``/bench/client-address/`` says which address the rate limits count a request against.
"""

import os

from allauth.account.adapter import get_adapter
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from civica.participation.models import Idea

from .urls import urlpatterns as site_urlpatterns

SERVED_BY_HEADER = "X-Served-By"


class ServedByMiddleware:
    """Outermost, so pages replayed from the shared page cache are marked by the server that replayed them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.name = os.environ.get("CIVICA_BENCH_SERVER", "")

    def __call__(self, request):
        response = self.get_response(request)
        if self.name:
            response[SERVED_BY_HEADER] = self.name
        return response


@require_safe
def baseline(request):
    """One idea's title by primary key (``?idea=<id>``, else the first idea): one indexed query."""
    idea_id = request.GET.get("idea", "")
    ideas = Idea.objects.filter(pk=int(idea_id)) if idea_id.isdigit() else Idea.objects.order_by("pk")
    title = ideas.values_list("title", flat=True).first()
    return HttpResponse(title or "-", content_type="text/plain; charset=utf-8")


@never_cache  # it differs by client, which the page cache (keyed by address) cannot tell apart
@require_safe
def client_address(request):
    """The client's address as the rate limits see it (allauth's, trusting CIVICA_TRUSTED_PROXY_COUNT proxies)."""
    return HttpResponse(get_adapter().get_client_ip(request), content_type="text/plain; charset=utf-8")


# i18n_patterns may only live in the root URLconf, so the site's list is reused rather than included.
urlpatterns = [
    path("bench/baseline/", baseline, name="bench_baseline"),
    path("bench/client-address/", client_address, name="bench_client_address"),
    *site_urlpatterns,
]
