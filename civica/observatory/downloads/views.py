"""Open data's pages (``/observatory/data/``): the catalogue of published datasets, a page per dataset
(an indicator's, or a dimension's), and each dataset as CSV, XLSX, JSON and its DCAT-AP description as
JSON-LD; the catalogue's description too, for a CKAN portal to harvest (``open_data``).

Public and the same for everyone: the pages are ``@shared_page``, the downloads ordinary responses (not
streamed), so the page cache keeps both for visitors and drops them on the next write (``core.page_cache``).
A missing or unpublished indicator, or a dimension with no dataset, is a 404."""

import io
import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from civica.core import open_data as site_open_data
from civica.core.exports import csv_writer, workbook
from civica.core.page_cache import shared_page

from .. import open_data
from ..models import Breakdown, CulturalDomain, ValueStatus

JSONLD = "application/ld+json"


def _indicator_dataset(code: str) -> open_data.Dataset:
    indicator = open_data.published_indicator(code)
    if indicator is None:
        raise Http404
    return open_data.indicator_dataset(indicator)


def _dimension_dataset(framework: str, dimension: str) -> open_data.Dataset:
    dataset = open_data.published_dimension(framework, dimension)
    if dataset is None:
        raise Http404
    return dataset


def _shown_rows(dataset: open_data.Dataset) -> list[dict]:
    """The rows as the page shows them: labels in the reader's language."""
    breakdowns = dict(Breakdown.choices)
    domains = dict(CulturalDomain.choices)
    statuses = {**dict(ValueStatus.choices), open_data.WITHHELD: _("Withheld (too few organisations)")}
    names = {indicator.code: indicator for indicator in dataset.indicators}
    return [{
        "row": row, "indicator": names[row.indicator],
        "breakdown": breakdowns[Breakdown.TOTAL if row.breakdown == open_data.TOTAL else row.breakdown],
        "group": domains.get(row.group, row.group) if row.breakdown == Breakdown.DOMAIN else row.group,
        "status": statuses.get(row.status, row.status),
    } for row in dataset.rows]


def _dataset_page(request, dataset):
    return render(request, "observatory/data/dataset.html", {
        "dataset": dataset, "rows": _shown_rows(dataset), "withheld": open_data.WITHHELD,
        "jsonld_url": dataset.url(fmt="jsonld"),
    })


def _download(dataset: open_data.Dataset, fmt: str) -> HttpResponse:
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv_writer(response)
        writer.writerow(open_data.COLUMNS)
        writer.writerows(row.cells() for row in dataset.rows)
    elif fmt == "xlsx":
        response = HttpResponse(_workbook(dataset), content_type=open_data.FORMATS["xlsx"][0])
    elif fmt == "json":
        response = HttpResponse(open_data.as_json(dataset), content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(json.dumps(open_data.dataset_jsonld(dataset), ensure_ascii=False, indent=1),
                                content_type=f"{JSONLD}; charset=utf-8")
    if fmt != "jsonld":  # (metadata is read where it is, by people and harvesters alike)
        response["Content-Disposition"] = f'attachment; filename="{dataset.slug}.{fmt}"'
    return response


def _workbook(dataset: open_data.Dataset) -> bytes:
    """The rows on a first sheet (numbers as numbers, a withheld value as an empty cell), what they are
    on a second."""
    target = io.BytesIO()
    book = workbook(target, {"in_memory": True})
    data = book.add_worksheet("data")
    data.write_row(0, 0, open_data.COLUMNS)
    for number, row in enumerate(dataset.rows, start=1):
        cells = row.cells()
        cells[4] = None if row.value is None else float(row.value)
        for column, cell in enumerate(cells):
            if cell is None:
                data.write_blank(number, column, None)
            else:
                data.write(number, column, cell)
    about = book.add_worksheet("about")
    for number, (name, value) in enumerate((
            ("identifier", dataset.slug), ("title (ro)", dataset.title("ro")), ("title (en)", dataset.title("en")),
            ("description (ro)", dataset.description("ro")), ("description (en)", dataset.description("en")),
            ("license", dataset.licence_url), ("attribution", dataset.attribution or open_data.publisher()["name"]),
            ("modified", dataset.modified.isoformat()), ("publisher", open_data.publisher()["name"]),
            ("fictional", "yes" if dataset.illustrative else "no"))):
        about.write_row(number, 0, (name, value))
    book.close()
    return target.getvalue()


@shared_page
@require_safe
def catalogue(request):
    datasets = open_data.catalogue()
    sections = {}
    for entry in site_open_data.registered():  # the other apps' datasets, under their headings
        sections.setdefault(str(entry.section), []).append(entry)
    return render(request, "observatory/data/catalogue.html", {
        "by_indicator": [dataset for dataset in datasets if dataset.indicator is not None],
        "by_dimension": [dataset for dataset in datasets if dataset.dimension is not None],
        "sections": sections.items()})


@require_safe
def catalogue_jsonld(request):
    document = open_data.catalogue_jsonld(open_data.catalogue())
    return HttpResponse(json.dumps(document, ensure_ascii=False, indent=1), content_type=f"{JSONLD}; charset=utf-8")


@shared_page
@require_safe
def indicator_page(request, code):
    return _dataset_page(request, _indicator_dataset(code))


@shared_page
@require_safe
def dimension_page(request, framework, dimension):
    return _dataset_page(request, _dimension_dataset(framework, dimension))


def _indicator_download(fmt):
    @require_safe
    def view(request, code):
        return _download(_indicator_dataset(code), fmt)
    view.__name__ = f"indicator_{fmt}"
    return view


def _dimension_download(fmt):
    @require_safe
    def view(request, framework, dimension):
        return _download(_dimension_dataset(framework, dimension), fmt)
    view.__name__ = f"dimension_{fmt}"
    return view


DOWNLOADS = (*open_data.FORMATS, "jsonld")
indicator_downloads = {fmt: _indicator_download(fmt) for fmt in DOWNLOADS}
dimension_downloads = {fmt: _dimension_download(fmt) for fmt in DOWNLOADS}
