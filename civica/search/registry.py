"""What the site search looks in: one :class:`Searchable` per kind of public content.

Search knows no app above it. An app makes its content searchable with a ``searchables.py`` module
holding ``searchables()``, which returns its entries as plain data: one dict of
:class:`Searchable`'s fields each, so that an app below search (network) declares its entries
without importing it. They are found by ``core.discovery``, in INSTALLED_APPS order, the order
results of equal rank are listed in. An entry says which rows
anyone may read (``public``, applied at query time, so nothing unpublished or hidden is ever
found and nothing goes stale), which columns hold its title and its text in each language, and
how a result is shown (title, address, where it belongs).

On PostgreSQL each entry's table has a ``search_vector`` column generated from those columns and
GIN-indexed (a migration of the app that owns the table, as participation's 0006 did first); an
entry whose texts live on a related row reads that row's vector (``vector_of``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.db.models import QuerySet

from civica.core.discovery import app_modules
from civica.core.i18n import active_language


@dataclass(frozen=True)
class Fields:
    """The columns holding one text: ``ro`` and ``en`` for bilingual texts, or the same column twice
    for a text written in one (unknown) language. Paths through relations (``meeting__title_ro``) work."""

    ro: str
    en: str = ""

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(column for column in (self.ro, self.en or self.ro)))

    def in_language(self, language: str) -> str:
        return self.en if language == "en" and self.en else self.ro


@dataclass(frozen=True)
class Searchable:
    kind: str  # a CSS-safe name: "call", "meeting", …
    label: object  # lazy translation, singular: "Call"
    public: Callable[[], QuerySet]  # what anyone may read, select_related for the display below
    title: Fields | tuple | None  # None: no title column (a comment's title is made by display_title)
    text: Fields | tuple
    url: Callable[[object], str] = lambda row: row.get_absolute_url()
    # The title shown; by default the title column in the page's language (Romanian when empty).
    display_title: Callable[[object], str] | None = None
    context: Callable[[object], str] = lambda row: ""  # where it belongs ("in <consultation>")
    also: tuple[str, ...] = ()  # more columns searched, never shown (a meeting's place and address)
    only: tuple[str, ...] = ()  # the columns the display needs (with the title's and text's)
    vector_of: str = ""  # a relation whose row holds the stored vector (empty: the row's own)
    # The image column shown beside a result (core.models.PublicImage's "image", a process's
    # "hero_image"); its description and size columns are loaded with it.
    image: str = ""

    @property
    def image_columns(self) -> tuple[str, ...]:
        if not self.image:
            return ()
        return tuple(f"{self.image}{suffix}" for suffix in ("", "_alt", "_width", "_height"))

    def __post_init__(self):
        # Declared as plain tuples of columns: ("title_ro", "title_en") or ("name",).
        for name in ("title", "text"):
            columns = getattr(self, name)
            if columns is not None and not isinstance(columns, Fields):
                object.__setattr__(self, name, Fields(*columns))

    def shown_title(self, row) -> str:
        if self.display_title is not None:
            return self.display_title(row)
        return value(row, self.title.in_language(active_language())) or value(row, self.title.ro)


def value(row, path: str):
    """The value of a (possibly related) column path on a loaded row, "" when a relation is empty."""
    for name in path.split("__"):
        row = getattr(row, name, None)
        if row is None:
            return ""
    return row


@cache
def searchables() -> tuple[Searchable, ...]:
    """Every entry of every app's ``search.searchables()``, in INSTALLED_APPS order."""
    entries = []
    for _app_config, module in app_modules("searchables"):
        entries.extend(Searchable(**fields) for fields in module.searchables())
    kinds = [entry.kind for entry in entries]
    duplicates = {kind for kind in kinds if kinds.count(kind) > 1}
    if duplicates:
        raise ValueError(f"search kinds registered twice: {sorted(duplicates)}")
    return tuple(entries)
