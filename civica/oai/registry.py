"""What the OAI-PMH endpoint serves: one :class:`OaiSource` per kind of record.

The endpoint knows no app above it. An app serves its records with an ``oai.py`` module holding
``oai_sources()``, which returns plain dicts of :class:`OaiSource`'s fields (as ``searchables.py`` does for
the site search), found by ``core.discovery`` in INSTALLED_APPS order — the order a harvest lists them in.
The archive serves its published works (set ``archive``); the heritage inventory its public objects
(set ``heritage``) the same way, with no change here.

A source says which rows anyone may read (``public``, applied at each request, so nothing unpublished is
ever served), the column that is the record's datestamp (moved by every change of what the record says;
indexed with the primary key, the order of a harvest), the Dublin Core elements of a row, and optionally
its sub-sets (``archive:collection:<slug>``) and how to filter by one."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from django.db.models import QuerySet

from civica.core.discovery import app_modules


@dataclass(frozen=True)
class OaiSource:
    key: str  # "archive.work": identifiers are oai:<repository>:archive.work/<pk>
    set_spec: str  # "archive": every record of the source is in this set
    set_name: object  # lazy translation
    public: Callable[[], QuerySet]
    # [(element, value, xml:lang or "")] in oai_dc order: ("title", "…", "ro"), ("creator", "…", "")…
    dublin_core: Callable[[object], list[tuple[str, str, str]]]
    datestamp: str = "updated_at"
    # What a page of records needs loaded with them (select_related / prefetch_related).
    for_records: Callable[[QuerySet], QuerySet] = lambda rows: rows
    subsets: Callable[[], list[tuple[str, str]]] = field(default=lambda: [])  # [(full spec, name)]
    in_subset: Callable[[QuerySet, str], QuerySet] | None = None  # (rows, the spec after "<set_spec>:")

    def in_set(self, rows: QuerySet, spec: str) -> QuerySet | None:
        """``rows`` limited to the set ``spec``; None when the set is not this source's."""
        if spec == self.set_spec:
            return rows
        prefix = f"{self.set_spec}:"
        if spec.startswith(prefix) and self.in_subset is not None:
            return self.in_subset(rows, spec[len(prefix):])
        return None


@cache
def sources() -> tuple[OaiSource, ...]:
    entries = []
    for _app_config, module in app_modules("oai"):
        if hasattr(module, "oai_sources"):
            entries.extend(OaiSource(**fields) for fields in module.oai_sources())
    keys = [entry.key for entry in entries]
    if len(set(keys)) != len(keys):
        raise ValueError(f"OAI-PMH sources registered twice: {keys}")
    return tuple(entries)


def source(key: str) -> OaiSource | None:
    return next((entry for entry in sources() if entry.key == key), None)
