"""Bilingual model fields: ``<name>_ro`` and ``<name>_en`` columns, read in the active language."""

from django.conf import settings
from django.utils.translation import get_language


def active_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class Bilingual:
    """Mixin for models with ``<field>_ro``/``<field>_en`` pairs; Romanian is the fallback."""

    def translated(self, field: str) -> str:
        value = getattr(self, f"{field}_{active_language()}", "")
        return value or getattr(self, f"{field}_{settings.LANGUAGE_CODE}", "")
