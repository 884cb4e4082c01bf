"""Open data: the observatory's published figures as datasets, and their DCAT-AP description.

A **dataset** is one published indicator (every year, for the whole city and for each breakdown it has),
or one dimension of a framework (all its published indicators, when they share one licence). Its rows are
read through ``selectors.published_series`` only, never from organisations' values directly, so every
download withholds what the pages withhold: a withheld figure is an empty value with the status
``withheld``, never a number.

The description follows DCAT-AP (the EU's profile of the W3C Data Catalog Vocabulary, which data.gov.ro's
CKAN and ckanext-dcat read): a ``dcat:Catalog`` of ``dcat:Dataset`` s, each with ``dcat:Distribution`` s
(CSV, XLSX, JSON) that carry ``dcat:downloadURL``, ``dct:license`` and ``dct:modified``; titles and
descriptions in Romanian and English with their language tags; the EU's vocabularies for the theme
(education, culture and sport), the frequency, the file types and the languages. Addresses are absolute,
on ``CIVICA_BASE_URL``, in the site's default language, so the Romanian and English catalogues describe
the same resources.

The catalogue lists the site's other open data after the observatory's: the datasets other apps register
(``core.open_data``: each app's ``datasets.py``, such as participation's contributions to each consultation),
described with the same publisher, languages and licence terms (``_entry_node``).

Downloads are ordinary pages for the page cache (``core.page_cache``): any write to the database makes
them stale, as it does the pages, so a changed value is in the next download."""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db.models import Max, Min, Prefetch
from django.urls import reverse
from django.utils import translation

from civica.core.open_data import CatalogueEntry, registered

from . import selectors
from .models import DEFAULT_LICENCE, LICENCE_URLS, Breakdown, Dimension, Frequency, Indicator, Licence

# The columns of every download, in order: stable machine names (the dataset's page explains them).
COLUMNS = ("indicator", "year", "breakdown", "group", "value", "unit", "status")
WITHHELD = "withheld"
TOTAL = "total"  # the breakdown column's word for the whole city

FORMATS = {
    # format: (media type, the EU file-type authority's code)
    "csv": ("text/csv", "CSV"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    "json": ("application/json", "JSON"),
}

DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
AUTHORITY = "http://publications.europa.eu/resource/authority/"
THEME_CULTURE = AUTHORITY + "data-theme/EDUC"  # "Education, culture and sport"
LANGUAGES = {"ro": AUTHORITY + "language/RON", "en": AUTHORITY + "language/ENG"}
FREQUENCIES = {Frequency.ANNUAL: "ANNUAL", Frequency.BIENNIAL: "BIENNIAL", Frequency.ONE_OFF: "NEVER"}
MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"

# Who publishes the catalogue; a deployment may say otherwise in ``CIVICA_OBSERVATORY_PUBLISHER``.
DEFAULT_PUBLISHER = {"name": "Centrul Cultural Clujean", "url": "https://www.cccluj.ro", "email": "office@cccluj.ro"}


def publisher() -> dict:
    return {**DEFAULT_PUBLISHER, **getattr(settings, "CIVICA_OBSERVATORY_PUBLISHER", {})}


@dataclass(frozen=True)
class Row:
    """One figure of a download: ``value`` is None (and ``status`` ``withheld``) when it is not published."""

    indicator: str
    year: int
    breakdown: str
    group: str
    value: Decimal | None
    unit: str
    status: str

    def cells(self) -> list:
        return [self.indicator, self.year, self.breakdown, self.group, self.value, self.unit, self.status]


@dataclass
class Dataset:
    """An indicator's dataset (``dimension`` None) or a dimension's (``indicator`` None)."""

    indicators: list[Indicator]
    modified: datetime
    licence: str
    indicator: Indicator | None = None
    dimension: Dimension | None = None
    attribution: str = ""
    rows: list[Row] = field(default_factory=list)

    @property
    def framework(self):
        return (self.indicator or self.dimension).framework

    @property
    def theme(self) -> Dimension | None:
        """The dimension it belongs to (its own, or its indicator's)."""
        return self.dimension if self.indicator is None else self.indicator.dimension

    @property
    def slug(self) -> str:
        """The file name of its downloads."""
        if self.indicator is not None:
            return self.indicator.code
        return f"{self.dimension.framework.slug}-{self.dimension.slug}"

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS[self.licence]

    @property
    def licence_label(self) -> str:
        return Licence(self.licence).label

    @property
    def illustrative(self) -> bool:
        return any(indicator.illustrative for indicator in self.indicators)

    def title(self, language: str) -> str:
        source = self.indicator or self.dimension
        return getattr(source, f"name_{language}", "")

    def description(self, language: str) -> str:
        source = self.indicator or self.dimension
        return getattr(source, f"definition_{language}" if self.indicator else f"description_{language}", "")

    def _translated(self, what: str) -> str:
        """``title`` or ``description`` in the active language, Romanian when it has none."""
        language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return getattr(self, what)(language) or getattr(self, what)(settings.LANGUAGE_CODE)

    @property
    def shown_title(self) -> str:
        return self._translated("title")

    @property
    def shown_description(self) -> str:
        return self._translated("description")

    @property
    def formats(self) -> list[dict]:
        """Its downloads: ``url`` and ``label`` (CSV, XLSX, JSON)."""
        return [{"url": self.url(fmt=fmt), "label": file_type, "format": fmt}
                for fmt, (_media_type, file_type) in FORMATS.items()]

    def url(self, fmt: str | None = None) -> str:
        """Its page, or with ``fmt`` (csv, xlsx, json, jsonld) its download."""
        if self.indicator is not None:
            name, kwargs = "data_indicator", {"code": self.indicator.code}
        else:
            name = "data_dimension"
            kwargs = {"framework": self.dimension.framework.slug, "dimension": self.dimension.slug}
        return reverse(f"observatory:{name}" + (f"_{fmt}" if fmt else ""), kwargs=kwargs)

    @property
    def years(self) -> tuple[int, int] | None:
        """The first and last year it has a figure for (withheld or not)."""
        firsts = [indicator.first_year for indicator in self.indicators if indicator.first_year is not None]
        lasts = [indicator.last_year for indicator in self.indicators if indicator.last_year is not None]
        return (min(firsts), max(lasts)) if firsts else None


def _licence_of(indicator: Indicator) -> tuple[str, str]:
    terms = getattr(indicator, "dataset_licence", None)
    return (terms.licence, terms.attribution) if terms is not None else (DEFAULT_LICENCE, "")


def _latest(indicator: Indicator) -> datetime:
    last_value = getattr(indicator, "last_value_at", None)
    return max(indicator.updated_at, last_value) if last_value else indicator.updated_at


def _published_indicators():
    return (Indicator.objects.published()
            .select_related("framework", "dimension__framework", "dataset_licence")
            .annotate(last_value_at=Max("values__updated_at"), first_year=Min("values__year"),
                      last_year=Max("values__year")))


def indicator_dataset(indicator: Indicator, *, with_rows: bool = True) -> Dataset:
    licence, attribution = _licence_of(indicator)
    dataset = Dataset(indicators=[indicator], modified=_latest(indicator), licence=licence,
                      attribution=attribution, indicator=indicator)
    if with_rows:
        dataset.rows = list(_rows(indicator))
    return dataset


def published_indicator(code: str) -> Indicator | None:
    """The published indicator of that code, with what its dataset shows (one query); None if there is none."""
    return _published_indicators().filter(code=code).first()


def _dimension_dataset(dimension: Dimension, indicators: list[Indicator], *, with_rows: bool) -> Dataset | None:
    licences = {_licence_of(indicator) for indicator in indicators}
    if not indicators or len(licences) != 1:
        return None  # (each indicator's own dataset carries its own licence)
    licence, attribution = licences.pop()
    dataset = Dataset(indicators=indicators, modified=max(_latest(indicator) for indicator in indicators),
                      licence=licence, attribution=attribution, dimension=dimension)
    if with_rows:
        dataset.rows = [row for indicator in indicators for row in _rows(indicator)]
    return dataset


def published_dimension(framework: str, dimension: str) -> Dataset | None:
    """A dimension's dataset with its rows, or None when it has no published indicator (or mixed licences)."""
    found = (Dimension.objects.select_related("framework")
             .prefetch_related(Prefetch("indicators", queryset=_published_indicators(), to_attr="published"))
             .filter(framework__slug=framework, slug=dimension).first())
    if found is None:
        return None
    return _dimension_dataset(found, found.published, with_rows=True)


def catalogue() -> list[Dataset]:
    """Every published dataset, without rows: the indicators' in the frameworks' order, then the
    dimensions'. Two queries, however many indicators."""
    indicators = list(_published_indicators())
    datasets = [indicator_dataset(indicator, with_rows=False) for indicator in indicators]
    by_dimension: dict[int, list[Indicator]] = {}
    dimensions = {}
    for indicator in indicators:
        if indicator.dimension_id is not None:
            by_dimension.setdefault(indicator.dimension_id, []).append(indicator)
            dimensions[indicator.dimension_id] = indicator.dimension
    for dimension_id, members in by_dimension.items():
        dataset = _dimension_dataset(dimensions[dimension_id], members, with_rows=False)
        if dataset is not None:
            datasets.append(dataset)
    return datasets


def _value(value: Decimal | None, decimals: int) -> Decimal | None:
    if value is None:
        return None
    return value.quantize(Decimal(1).scaleb(-decimals)) if decimals else value.quantize(Decimal(1))


def _rows(indicator: Indicator) -> Iterable[Row]:
    """The indicator's published figures, whole city first, then each breakdown it has (two queries each)."""
    for breakdown in [Breakdown.TOTAL, *(indicator.breakdowns or ())]:
        for point in selectors.published_series(indicator, breakdown=breakdown):
            yield Row(indicator=indicator.code, year=point.year, breakdown=breakdown or TOTAL, group=point.group,
                      value=_value(point.value, indicator.decimals), unit=indicator.unit,
                      status=WITHHELD if point.value is None else point.status)


# The formats.


def as_json(dataset: Dataset) -> str:
    """The dataset's rows with what they are: numbers as JSON numbers, a withheld value as null."""
    def number(value):
        if value is None:
            return None
        return int(value) if value == value.to_integral_value() else float(value)

    return json.dumps({
        "dataset": {
            "identifier": dataset.slug,
            "title": {"ro": dataset.title("ro"), "en": dataset.title("en")},
            "description": {"ro": dataset.description("ro"), "en": dataset.description("en")},
            "license": dataset.licence_url,
            "attribution": dataset.attribution or publisher()["name"],
            "modified": dataset.modified.isoformat(),
            "publisher": publisher()["name"],
            "fictional": dataset.illustrative,
            "metadata": absolute(_in_default_language(dataset.url, "jsonld")),
        },
        "columns": list(COLUMNS),
        "rows": [{**dict(zip(COLUMNS, row.cells(), strict=True)), "value": number(row.value)}
                 for row in dataset.rows],
    }, ensure_ascii=False, indent=1)


def absolute(url: str) -> str:
    return settings.CIVICA_BASE_URL + url


def _in_default_language(function, *args):
    with translation.override(settings.LANGUAGE_CODE):
        return function(*args)


def _texts(ro: str, en: str) -> list[dict]:
    return [{"@value": text, "@language": language} for language, text in (("ro", ro), ("en", en)) if text]


def _date_time(moment: datetime) -> dict:
    return {"@value": moment.isoformat(), "@type": "xsd:dateTime"}


def _publisher_node() -> dict:
    who = publisher()
    return {"@id": who["url"], "@type": "foaf:Agent", "foaf:name": who["name"],
            "foaf:homepage": {"@id": who["url"]}}


def _dataset_node(dataset: Dataset) -> dict:
    who = publisher()
    page = absolute(dataset.url())
    years = dataset.years
    themes = [{"@id": THEME_CULTURE}]
    dimension = dataset.theme
    if dimension is not None:
        dimension_page = absolute(reverse("observatory:data_dimension", kwargs={
            "framework": dimension.framework.slug, "dimension": dimension.slug}))
        themes.append({"@id": dimension_page, "@type": "skos:Concept",
                       "skos:prefLabel": _texts(dimension.name_ro, dimension.name_en)})
    keywords = _texts(dataset.framework.name_ro, dataset.framework.name_en)
    if dimension is not None:
        keywords += _texts(dimension.name_ro, dimension.name_en)
    node = {
        "@id": page,
        "@type": "dcat:Dataset",
        "dct:identifier": page,
        "dct:title": _texts(dataset.title("ro"), dataset.title("en")),
        "dct:description": _texts(dataset.description("ro"), dataset.description("en")),
        "dcat:keyword": keywords,
        "dcat:theme": themes,
        "dct:publisher": _publisher_node(),
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": who["name"],
                              "vcard:hasEmail": {"@id": f"mailto:{who['email']}"}},
        "dct:modified": _date_time(dataset.modified),
        "dct:language": [{"@id": uri} for uri in LANGUAGES.values()],
        "dcat:landingPage": {"@id": page},
        "dcat:distribution": [_distribution_node(dataset, fmt) for fmt in FORMATS],
    }
    frequencies = {indicator.frequency for indicator in dataset.indicators}
    if len(frequencies) == 1:
        node["dct:accrualPeriodicity"] = {"@id": AUTHORITY + "frequency/" + FREQUENCIES[frequencies.pop()]}
    if years:
        node["dct:temporal"] = {"@type": "dct:PeriodOfTime",
                                "dcat:startDate": {"@value": f"{years[0]}-01-01", "@type": "xsd:date"},
                                "dcat:endDate": {"@value": f"{years[1]}-12-31", "@type": "xsd:date"}}
    return node


def _distribution_node(dataset: Dataset, fmt: str) -> dict:
    url = absolute(dataset.url(fmt=fmt))
    media_type, file_type = FORMATS[fmt]
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": _texts(f"{dataset.title('ro')} ({file_type})",
                            f"{dataset.title('en')} ({file_type})" if dataset.title("en") else ""),
        "dcat:accessURL": {"@id": absolute(dataset.url())},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": MEDIA_TYPES + media_type},
        "dct:format": {"@id": AUTHORITY + "file-type/" + file_type},
        "dct:license": {"@id": dataset.licence_url, "@type": "dct:LicenseDocument"},
        "dct:modified": _date_time(dataset.modified),
    }


def dataset_jsonld(dataset: Dataset) -> dict:
    """One dataset's DCAT-AP description, with its context, as JSON-LD."""
    return {"@context": DCAT_CONTEXT, **_in_default_language(_dataset_node, dataset)}


CATALOGUE_TITLE = {"ro": "Date deschise ale Observatorului cultural Cluj-Napoca",
                   "en": "Open data of the Cluj-Napoca cultural observatory"}
CATALOGUE_DESCRIPTION = {
    "ro": "Indicatorii publicați ai observatorului, fiecare ca set de date (CSV, XLSX, JSON): valorile pe ani "
          "și pe grupuri. O valoare agregată din prea puține organizații nu este publicată. Apoi celelalte date "
          "deschise ale site-ului, precum contribuțiile la fiecare consultare publică, fără date personale.",
    "en": "The observatory's published indicators, each as a dataset (CSV, XLSX, JSON): their values by year "
          "and group. A value aggregated from too few organisations is not published. Then the site's other "
          "open data, such as the contributions to each public consultation, without personal data.",
}


def _entry_node(entry: CatalogueEntry) -> dict:
    """Another app's dataset (``core.open_data``), described as the observatory's are."""
    who = publisher()
    page = absolute(entry.url)
    licence = {"@id": entry.licence_url, "@type": "dct:LicenseDocument"}
    modified = _date_time(entry.modified)
    return {
        "@id": page,
        "@type": "dcat:Dataset",
        "dct:identifier": page,
        "dct:title": _texts(entry.title_ro, entry.title_en),
        "dct:description": _texts(entry.description_ro, entry.description_en),
        "dcat:keyword": [text for ro, en in entry.keywords for text in _texts(ro, en)],
        "dct:publisher": _publisher_node(),
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": who["name"],
                              "vcard:hasEmail": {"@id": f"mailto:{who['email']}"}},
        "dct:modified": modified,
        "dct:language": [{"@id": uri} for uri in LANGUAGES.values()],
        "dcat:landingPage": {"@id": page},
        "dcat:distribution": [{
            "@id": absolute(distribution.url),
            "@type": "dcat:Distribution",
            "dct:title": _texts(f"{entry.title_ro} ({distribution.file_type})",
                                f"{entry.title_en} ({distribution.file_type})"),
            "dcat:accessURL": {"@id": page},
            "dcat:downloadURL": {"@id": absolute(distribution.url)},
            "dcat:mediaType": {"@id": MEDIA_TYPES + distribution.media_type},
            "dct:format": {"@id": AUTHORITY + "file-type/" + distribution.file_type},
            "dct:license": licence,
            "dct:modified": modified,
        } for distribution in entry.distributions],
    }


def catalogue_jsonld(datasets: list[Dataset], entries=None) -> dict:
    """The catalogue's DCAT-AP description: every dataset with its distributions, as JSON-LD; the
    observatory's, then the other apps' (``core.open_data.registered()``, read in the default language
    unless ``entries`` are given)."""
    def build():
        others = list(entries) if entries is not None else registered()
        node = {
            "@context": DCAT_CONTEXT,
            "@id": absolute(reverse("observatory:data")),
            "@type": "dcat:Catalog",
            "dct:title": _texts(CATALOGUE_TITLE["ro"], CATALOGUE_TITLE["en"]),
            "dct:description": _texts(CATALOGUE_DESCRIPTION["ro"], CATALOGUE_DESCRIPTION["en"]),
            "dct:publisher": _publisher_node(),
            "foaf:homepage": {"@id": absolute(reverse("observatory:data"))},
            "dct:language": [{"@id": uri} for uri in LANGUAGES.values()],
            "dcat:themeTaxonomy": {"@id": AUTHORITY + "data-theme"},
            "dct:license": {"@id": LICENCE_URLS[DEFAULT_LICENCE], "@type": "dct:LicenseDocument"},
            "dcat:dataset": [_dataset_node(dataset) for dataset in datasets] + [_entry_node(entry) for entry in others],
        }
        if datasets or others:
            node["dct:modified"] = _date_time(max([dataset.modified for dataset in datasets]
                                                  + [entry.modified for entry in others]))
        return node
    return _in_default_language(build)


def published_indicators():
    """Every published indicator with what its dataset shows (licence, years, last change), as a
    QuerySet to filter and page (the API's list of indicators). One query."""
    return _published_indicators()
