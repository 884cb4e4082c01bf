"""The archive's public pages: the catalogue with its search and facets, a work's page (schema.org JSON-LD,
only the images whose licence lets the public see them, with their credit line), an artist's, a
collection's and an event's page (with its published documents, whose PDFs are read from the private storage
by ``document_file``), and the catalogue's downloads as CSV, JSON and GeoJSON (the current
filters applied). The catalogue's map shows the works of its current filters that have a place. The public
pages are the same for everyone (``@shared_page``). Views parse (a form), call one selector and render."""

import json

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from civica.core.exports import csv_writer
from civica.core.i18n import active_language
from civica.core.page_cache import shared_page
from civica.core.params import page_param
from civica.core.write_limits import limited

from . import selectors
from .forms import CatalogueForm
from .jsonld import as_script, work_jsonld

WORKS_PER_PAGE = 24
COUNT_CAP = selectors.COUNT_CAP


class CappedPaginator(Paginator):
    """A paginator given its count, counted up to a cap (``selectors.count_matching``): past the cap,
    ``capped`` is true, the pages reach the cap's last one and the page says there are more; a narrower
    search counts exactly."""

    def __init__(self, object_list, per_page, *, count, cap):
        super().__init__(object_list, per_page)
        self.count = count
        self.cap = cap

    @property
    def capped(self) -> bool:
        return self.count > self.cap


def _facet_headings():
    from django.utils.translation import gettext as _

    return {"artist": _("Artist"), "period": _("Period"), "medium": _("Medium"), "collection": _("Collection"),
            "tag": _("Tag")}


@shared_page
@require_safe
def catalogue(request):
    form = CatalogueForm(request.GET)
    filters = form.filters()
    result = selectors.catalogue(**filters, cap=COUNT_CAP)
    page = CappedPaginator(result.works, WORKS_PER_PAGE, count=result.total, cap=COUNT_CAP).get_page(
        page_param(request.GET))
    query = request.GET.copy()
    query.pop("page", None)
    headings = _facet_headings()
    facets = []
    for name in selectors.FACETS:
        values = result.facets[name]
        base = {key: value for key, value in filters.items() if key != name}
        for value in values:
            chosen = {**base} if value.chosen else {**base, name: value.value}
            value.url = "?" + "&".join(f"{key}={_quote(val)}" for key, val in chosen.items())
        facets.append({"name": name, "heading": headings[name], "values": values})
    download = "&".join(f"{key}={_quote(val)}" for key, val in filters.items())
    return render(request, "archive/catalogue.html", {
        "form": form, "page": page, "works": page.object_list, "facets": facets, "filters": filters,
        "query": query.urlencode(), "download": download, "count_cap": COUNT_CAP, **selectors.archive_home(),
    })


def _quote(value):
    from urllib.parse import quote

    return quote(str(value), safe="")


@shared_page
@require_safe
def catalogue_map(request):
    """The works of the catalogue's current filters that have a place, on a map (a list with their
    coordinates when tiles cannot load)."""
    filters = CatalogueForm(request.GET).filters()
    places, more = selectors.works_on_map(filters)
    back = "&".join(f"{key}={_quote(val)}" for key, val in filters.items())
    return render(request, "archive/catalogue_map.html", {
        "places": places, "more": more, "limit": selectors.MAP_LIMIT, "filters": filters, "back": back,
    })


@shared_page
@require_safe
def work_detail(request, slug):
    work = selectors.work_for_page(slug)
    if work is None:
        raise Http404
    return render(request, "archive/work_detail.html", {
        "work": work, "jsonld": as_script(work_jsonld(work, language=active_language())),
        "work_place": selectors.work_place(work),
    })


@shared_page
@require_safe
def artist_detail(request, slug):
    artist = selectors.artist_for_page(slug)
    if artist is None:
        raise Http404
    return render(request, "archive/artist_detail.html", {"artist": artist})


@shared_page
@require_safe
def collection_detail(request, slug):
    collection = selectors.collection_for_page(slug)
    if collection is None:
        raise Http404
    return render(request, "archive/collection_detail.html", {"collection": collection})


@shared_page
@require_safe
def event_detail(request, slug):
    event = selectors.event_for_page(slug)
    if event is None:
        raise Http404
    return render(request, "archive/event_detail.html", {"event": event})


@require_safe
def document_file(request, pk):
    """A document's PDF, to whoever may read it (published, of a published event; staff always): a 404
    otherwise, so a draft's existence is not told."""
    document = selectors.document_for_reading(pk)
    if document is None or not request.user.has_perm("archive.read_document", document):
        raise Http404
    response = FileResponse(document.file.open("rb"), content_type="application/pdf",
                            filename=f"{document.translated('title')[:80] or 'document'}.pdf")
    if not document.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


class _Echo:
    def write(self, value):
        return value


@require_safe
@limited("download_by_address")
def download_csv(request):
    works = selectors.matching(**CatalogueForm(request.GET).filters())
    writer = csv_writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(selectors.EXPORT_COLUMNS)
        for row in selectors.export_rows(works, base_url=settings.CIVICA_BASE_URL):
            yield writer.writerow([row[name] if row[name] is not None else "" for name in selectors.EXPORT_COLUMNS])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="arhiva-ecca-lucrari.csv"'
    return response


@require_safe
@limited("download_by_address")
def download_json(request):
    works = selectors.matching(**CatalogueForm(request.GET).filters())

    def chunks():
        yield '{"licence": "https://creativecommons.org/publicdomain/zero/1.0/", "works": ['
        for number, row in enumerate(selectors.export_rows(works, base_url=settings.CIVICA_BASE_URL)):
            yield ("," if number else "") + json.dumps(row, ensure_ascii=False)
        yield "]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="arhiva-ecca-lucrari.json"'
    return response




@require_safe
@limited("download_by_address")
def download_geojson(request):
    """The matching works that have a place, as a GeoJSON FeatureCollection (RFC 7946: longitude first),
    every public field in each feature's properties."""
    works = selectors.matching(**CatalogueForm(request.GET).filters()).filter(latitude__isnull=False,
                                                                               longitude__isnull=False)

    def chunks():
        yield '{"type": "FeatureCollection", "licence": "https://creativecommons.org/publicdomain/zero/1.0/", ' \
              '"features": ['
        for number, row in enumerate(selectors.export_rows(works, base_url=settings.CIVICA_BASE_URL)):
            feature = {"type": "Feature", "id": row["url"],
                       "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                       "properties": row}
            yield ("," if number else "") + json.dumps(feature, ensure_ascii=False)
        yield "]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/geo+json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="arhiva-ecca-lucrari.geojson"'
    return response
