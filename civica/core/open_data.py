"""The site's open-data registry: datasets the apps publish, listed by the open-data catalogue.

An app publishes datasets by having a ``datasets.py`` with ``catalogue() -> list[CatalogueEntry]`` (found
by ``discovery.app_modules``, in INSTALLED_APPS order); ``registered()`` gathers them. The observatory's
catalogue (``/observatory/data/``, which also describes them in DCAT-AP) lists them after its own
indicators, so it never names the apps whose data it lists, and an app never knows the catalogue.

An entry says what DCAT-AP needs: its page, titles and descriptions in Romanian and English, keywords, the
licence, when it last changed, and its distributions (a download each, with its EU file type and media
type). Addresses are paths in the active language: the catalogue builds them in the site's default
language for its DCAT-AP description, in the reader's for its page."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils import translation

from .discovery import app_modules


@dataclass(frozen=True)
class Distribution:
    url: str
    file_type: str  # the EU file-type authority's code: CSV, XLSX, JSON, ZIP
    media_type: str  # IANA's


@dataclass(frozen=True)
class CatalogueEntry:
    section: str  # the heading it is listed under on the catalogue's page (translated)
    url: str  # its page
    title_ro: str
    title_en: str
    description_ro: str
    description_en: str
    licence_url: str
    licence_label: str
    modified: datetime
    distributions: tuple[Distribution, ...]
    keywords: tuple[tuple[str, str], ...] = field(default=())  # (Romanian, English)
    fictional: bool = False

    def _translated(self, what: str) -> str:
        language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return getattr(self, f"{what}_{language}", "") or getattr(self, f"{what}_{settings.LANGUAGE_CODE}")

    @property
    def shown_title(self) -> str:
        return self._translated("title")

    @property
    def shown_description(self) -> str:
        return self._translated("description")


def registered() -> list[CatalogueEntry]:
    """Every app's published datasets, in the order of INSTALLED_APPS."""
    return [entry for _app, module in app_modules("datasets") for entry in module.catalogue()]
