"""The search page: ``/<lang>/search/?q=…``, public, read-only."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import query as search


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
