"""The search page: ``/<lang>/search/?q=…``, public, read-only.

Shared by everyone (``@shared_page``): the results are what anyone may read (each searchable's
``public()``: no draft, nothing hidden, whoever asks), so the page rendered for a visitor is the page
for every signed-in person too, kept once per address (the query is in it) and filled with the
header's parts. The search runs as the visitor it is rendered for (``request.user`` is anonymous in
that render); should roles ever widen what is found (editors' drafts, moderators' hidden content),
those people's results must not come from the kept page: this view would then leave
``@shared_page`` for them, or their extra results would come through a personal part."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from civica.core.page_cache import shared_page

from . import query as search


@shared_page
@require_safe
def search_page(request):
    query = search.clean_query(request.GET.get("q", ""))
    too_short = bool(query) and len(query) < search.MIN_QUERY_LENGTH
    results = search.search(query=query, user=request.user) if query and not too_short else []
    return render(request, "search/search.html", {
        "query": query,
        "too_short": too_short,
        "results": results,
        "limit": search.DEFAULT_LIMIT,
        "max_length": search.MAX_QUERY_LENGTH,
    })
