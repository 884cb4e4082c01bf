"""The cultural observatory's published indicators, their series and its open-data datasets (issue 20:
"observatory indicators and datasets once they exist").

Every figure is read as the observatory's pages and downloads read it, through
``observatory.selectors`` (``published_series``, ``published_series_many``) and ``observatory.open_data``
only, never from organisations' values: each indicator is audited whole by disclosure control before a
figure is given, so a figure withheld on a page is withheld here too, as ``"status": "withheld"`` with
``"value": null``, and no two figures of the API subtract to one organisation's value. Unpublished
indicators are not found. Values are JSON numbers rounded to the indicator's decimals (as the JSON
download gives them); ``unit`` says what they count.

- ``/observatory/indicators/`` — published indicators by code, with framework, dimension, unit,
  licence and years (filters ``framework``, ``dimension``); ``/{code}`` one of them;
  ``/{code}/series`` its figures by year, for the whole city or one of its breakdowns' groups.
- ``/observatory/datasets/`` — the open-data catalogue (an indicator's dataset, or a dimension's when its
  indicators share one licence) with its downloads; ``/indicators/{code}`` and
  ``/dimensions/{framework}/{dimension}`` one dataset with its rows, the rows of its downloads."""

import datetime
from decimal import Decimal
from typing import Literal

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from civica.observatory import open_data, selectors
from civica.observatory.models import Breakdown, Frequency, Indicator, Licence, Unit

from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, keyset_page, list_page
from ..problems import problem
from ..shapes import absolute, next_url

router = Router(tags=["observatory"])

SLUG = r"^[-a-zA-Z0-9_]+$"
# The breakdowns as the API and the downloads name them: the whole city is "total" (its stored value is "").
BREAKDOWN_NAMES = {open_data.TOTAL: Breakdown.TOTAL, **{value: value for value in Breakdown.values if value}}
BreakdownName = Literal[tuple(BREAKDOWN_NAMES)]
StatusName = Literal["provisional", "final", "withheld"]


class Ref(Schema):
    slug: str
    name: str


class LicenceOut(Schema):
    id: str = Field(description="Its SPDX identifier: CC-BY-4.0, CC-BY-SA-4.0 or CC0-1.0.")
    name: str
    url: str


class YearsOut(Schema):
    first: int
    last: int


class IndicatorOut(Schema):
    code: str = Field(description="Its stable name, as in the downloads' `indicator` column.")
    name: str
    definition: str
    methodology: str
    source: str
    framework: Ref
    dimension: Ref | None
    unit: str
    unit_label: str
    decimals: int
    frequency: str
    frequency_label: str
    breakdowns: list[BreakdownName] = Field(description="How its figures are broken down besides `total`.")
    sdg_targets: list[str] = Field(description="The Sustainable Development Goals' targets it measures (\"11.4\").")
    licence: LicenceOut
    attribution: str
    years: YearsOut | None = Field(description="The first and last year it has a figure for (withheld or not).")
    modified: datetime.datetime
    is_fictional: bool = Field(description="Invented for the demonstration; its pages say so.")
    url: str = Field(description="Its dashboard page in the answer's language.")
    series_url: str
    dataset_url: str


class IndicatorPage(Schema):
    results: list[IndicatorOut]
    next: str | None = Field(description="The next page's address, or null on the last page.")


class PointOut(Schema):
    year: int
    group: str = Field(description="The breakdown's group (an area, a domain, a category, an age group); "
                                    "empty for the whole city.")
    group_label: str
    value: int | float | None = Field(description="Null when withheld.")
    status: StatusName = Field(description="provisional or final; withheld: aggregated from too few "
                                           "organisations, or it would reveal one, so not published.")


class SeriesOut(Schema):
    indicator: str
    breakdown: BreakdownName
    breakdown_label: str
    unit: str
    unit_label: str
    decimals: int
    points: list[PointOut] = Field(description="By year, then group.")


class DownloadOut(Schema):
    format: str
    media_type: str
    url: str


class DatasetOut(Schema):
    identifier: str = Field(description="An indicator's code, or framework-dimension for a dimension's dataset.")
    kind: Literal["indicator", "dimension"]
    title: str
    description: str
    framework: Ref
    dimension: Ref | None
    indicators: list[str] = Field(description="The codes of the indicators it holds.")
    licence: LicenceOut
    attribution: str
    modified: datetime.datetime
    years: YearsOut | None
    is_fictional: bool
    url: str = Field(description="Its page in the open-data catalogue, in the answer's language.")
    metadata_url: str = Field(description="Its DCAT-AP description (JSON-LD).")
    downloads: list[DownloadOut]
    api_url: str


class DatasetPage(Schema):
    results: list[DatasetOut]
    next: str | None


class RowOut(Schema):
    indicator: str
    year: int
    breakdown: BreakdownName
    group: str
    value: int | float | None = Field(description="Null when withheld.")
    unit: str
    status: StatusName


class DatasetDetailOut(DatasetOut):
    columns: list[str]
    rows: list[RowOut] = Field(description="As its downloads hold them: each indicator's whole-city figures, "
                                           "then each breakdown's.")


def _ref(item) -> dict | None:
    return None if item is None else {"slug": item.slug, "name": item.translated("name")}


def _licence(licence: str) -> dict:
    return {"id": licence, "name": str(Licence(licence).label), "url": open_data.LICENCE_URLS[licence]}


def _years(years) -> dict | None:
    return {"first": years[0], "last": years[1]} if years else None


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _number(value: Decimal | None, decimals: int) -> int | float | None:
    """A figure as the JSON download gives it: rounded to the indicator's decimals, a whole number as one."""
    if value is None:
        return None
    return _json_number(value.quantize(Decimal(1).scaleb(-decimals)) if decimals else value.quantize(Decimal(1)))


def _breakdown_name(breakdown: str) -> str:
    return breakdown or open_data.TOTAL


def _indicator(request, indicator) -> dict:
    dataset = open_data.indicator_dataset(indicator, with_rows=False)
    return {
        "code": indicator.code, "name": indicator.translated("name"), "definition": indicator.translated("definition"),
        "methodology": indicator.translated("methodology"), "source": indicator.source,
        "framework": _ref(indicator.framework), "dimension": _ref(indicator.dimension),
        "unit": indicator.unit, "unit_label": str(Unit(indicator.unit).label), "decimals": indicator.decimals,
        "frequency": indicator.frequency, "frequency_label": str(Frequency(indicator.frequency).label),
        "breakdowns": [name for name in indicator.breakdowns or () if name in BREAKDOWN_NAMES],
        "sdg_targets": [target.strip() for target in indicator.sdg_targets.split(",") if target.strip()],
        "licence": _licence(dataset.licence), "attribution": dataset.attribution or open_data.publisher()["name"],
        "years": _years(dataset.years), "modified": dataset.modified, "is_fictional": indicator.illustrative,
        "url": absolute(request, reverse("observatory:indicator", args=[indicator.code])),
        "series_url": absolute(request, reverse("api-v1:observatory_series", args=[indicator.code])),
        "dataset_url": absolute(request, reverse("api-v1:observatory_indicator_dataset", args=[indicator.code])),
    }


def _published_indicator(code: str) -> Indicator:
    indicator = open_data.published_indicator(code)
    if indicator is None:
        raise Http404
    return indicator


class IndicatorFilters(Schema):
    framework: str | None = Field(None, max_length=60, pattern=SLUG, description="A framework's short name.")
    dimension: str | None = Field(None, max_length=60, pattern=SLUG, description="A dimension's short name.")
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


@router.get("/indicators/", response=IndicatorPage, url_name="observatory_indicators",
            summary="Published indicators")
def indicator_list(request, filters: Query[IndicatorFilters]):
    """By code. One query a page, whatever the number of indicators and values."""
    indicators = open_data.published_indicators()
    if filters.framework:
        indicators = indicators.filter(framework__slug=filters.framework)
    if filters.dimension:
        indicators = indicators.filter(dimension__slug=filters.dimension)
    page = keyset_page(indicators, ordering=("code",), list_key=f"indicators:{filters.framework}:{filters.dimension}",
                       cursor=filters.cursor, size=filters.page_size)
    return {"results": [_indicator(request, indicator) for indicator in page.rows],
            "next": next_url(request, page.next_cursor)}


@router.get("/indicators/{code}", response=IndicatorOut, url_name="observatory_indicator",
            summary="One published indicator")
def indicator_detail(request, code: str, response: HttpResponse):
    indicator = _published_indicator(code)
    found = _indicator(request, indicator)
    response["Last-Modified"] = http_date(found["modified"].timestamp())
    return found


class SeriesFilters(Schema):
    breakdown: BreakdownName = Field(open_data.TOTAL, description="The whole city (total), or one of the "
                                                                  "indicator's breakdowns.")
    from_year: int | None = Field(None, ge=1900, le=2999, description="From this year on.")
    to_year: int | None = Field(None, ge=1900, le=2999, description="Up to this year.")


@router.get("/indicators/{code}/series", response=SeriesOut, url_name="observatory_series",
            summary="An indicator's published figures")
def indicator_series(request, code: str, filters: Query[SeriesFilters], response: HttpResponse):
    """Every year's figure, for the whole city or each group of a breakdown, as the indicator's dashboard
    and its downloads publish them: a figure disclosure control withholds is ``withheld``, its value null.
    Three queries."""
    indicator = _published_indicator(code)
    breakdown = BREAKDOWN_NAMES[filters.breakdown]
    if breakdown and breakdown not in (indicator.breakdowns or ()):
        return problem(400, _("Some parameters are not valid."), errors=[{
            "parameter": "breakdown",
            "message": _("This indicator has no such breakdown; it has: %(names)s.")
            % {"names": ", ".join([open_data.TOTAL, *(indicator.breakdowns or ())])}}])
    points = [point for point in selectors.published_series(indicator, breakdown=breakdown)
              if (filters.from_year is None or point.year >= filters.from_year)
              and (filters.to_year is None or point.year <= filters.to_year)]
    modified = open_data.indicator_dataset(indicator, with_rows=False).modified
    response["Last-Modified"] = http_date(modified.timestamp())
    return {
        "indicator": indicator.code, "breakdown": _breakdown_name(breakdown),
        "breakdown_label": str(Breakdown(breakdown).label), "unit": indicator.unit,
        "unit_label": str(Unit(indicator.unit).label), "decimals": indicator.decimals,
        "points": [{"year": point.year, "group": point.group,
                    "group_label": selectors.group_label(breakdown, point.group),
                    "value": _number(point.value, indicator.decimals),
                    "status": open_data.WITHHELD if point.value is None else point.status} for point in points],
    }


def _dataset(request, dataset: open_data.Dataset) -> dict:
    if dataset.indicator is not None:
        api_url = reverse("api-v1:observatory_indicator_dataset", args=[dataset.indicator.code])
    else:
        api_url = reverse("api-v1:observatory_dimension_dataset",
                          args=[dataset.dimension.framework.slug, dataset.dimension.slug])
    return {
        "identifier": dataset.slug, "kind": "indicator" if dataset.indicator is not None else "dimension",
        "title": dataset.shown_title, "description": dataset.shown_description,
        "framework": _ref(dataset.framework), "dimension": _ref(dataset.theme),
        "indicators": [indicator.code for indicator in dataset.indicators],
        "licence": _licence(dataset.licence), "attribution": dataset.attribution or open_data.publisher()["name"],
        "modified": dataset.modified, "years": _years(dataset.years), "is_fictional": dataset.illustrative,
        "url": absolute(request, dataset.url()), "metadata_url": absolute(request, dataset.url(fmt="jsonld")),
        "downloads": [{"format": fmt, "media_type": open_data.FORMATS[fmt][0],
                       "url": absolute(request, dataset.url(fmt))} for fmt in open_data.FORMATS],
        "api_url": absolute(request, api_url),
    }


def _dataset_key(dataset: open_data.Dataset) -> tuple:
    return (0 if dataset.indicator is not None else 1, dataset.slug)


class DatasetFilters(Schema):
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


@router.get("/datasets/", response=DatasetPage, url_name="observatory_datasets", summary="Open-data datasets")
def dataset_list(request, filters: Query[DatasetFilters]):
    """The open-data catalogue: every published indicator's dataset by code, then the dimensions'. One
    query, whatever the number of datasets."""
    page = list_page(open_data.catalogue(), key=_dataset_key, list_key="datasets", cursor=filters.cursor,
                     size=filters.page_size)
    return {"results": [_dataset(request, dataset) for dataset in page.rows],
            "next": next_url(request, page.next_cursor)}


def _rows(dataset: open_data.Dataset) -> list[dict]:
    return [{"indicator": row.indicator, "year": row.year, "breakdown": row.breakdown, "group": row.group,
             "value": _json_number(row.value),
             "unit": row.unit, "status": row.status} for row in dataset.rows]


def _detail(request, dataset: open_data.Dataset, response: HttpResponse) -> dict:
    response["Last-Modified"] = http_date(dataset.modified.timestamp())
    return {**_dataset(request, dataset), "columns": list(open_data.COLUMNS), "rows": _rows(dataset)}


@router.get("/datasets/indicators/{code}", response=DatasetDetailOut, url_name="observatory_indicator_dataset",
            summary="An indicator's dataset with its rows")
def indicator_dataset(request, code: str, response: HttpResponse):
    """The rows of its downloads (CSV, XLSX, JSON): two queries for the whole city and two for each breakdown."""
    return _detail(request, open_data.indicator_dataset(_published_indicator(code)), response)


@router.get("/datasets/dimensions/{framework}/{dimension}", response=DatasetDetailOut,
            url_name="observatory_dimension_dataset", summary="A dimension's dataset with its rows")
def dimension_dataset(request, framework: str, dimension: str, response: HttpResponse):
    """All its published indicators' rows, when they share one licence (else there is no such dataset:
    each indicator's own has its rows)."""
    dataset = open_data.published_dimension(framework, dimension)
    if dataset is None:
        raise Http404
    return _detail(request, dataset, response)
