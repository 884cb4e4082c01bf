"""The site's URLs plus ``/bench/baseline/``, served only under ``config.settings.bench``.

The baseline is the cheapest page that still goes through the whole middleware stack and reads
the database once: the load benchmark reports every page's throughput as a ratio of it.
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

from civica.participation.models import Idea

from .urls import urlpatterns as site_urlpatterns


@require_safe
def baseline(request):
    """One idea's title by primary key (``?idea=<id>``, else the first idea): one indexed query."""
    idea_id = request.GET.get("idea", "")
    ideas = Idea.objects.filter(pk=int(idea_id)) if idea_id.isdigit() else Idea.objects.order_by("pk")
    title = ideas.values_list("title", flat=True).first()
    return HttpResponse(title or "-", content_type="text/plain; charset=utf-8")


# i18n_patterns may only live in the root URLconf, so the site's list is reused rather than included.
urlpatterns = [path("bench/baseline/", baseline, name="bench_baseline"), *site_urlpatterns]
