"""Live sources of KPI values (issue 15, point 5): an app above accountability registers a function
that counts something at a date (the newsletter: its confirmed subscribers), and an ``Indicator`` whose
``live_source`` names it shows, as its latest value, that count at the end of the plan's period (or
today, while the period runs) instead of a value typed in. Registered in the app's ``ready``; an
unknown name is ignored (the typed values are shown).

Sources that are rows rather than code (the observatory's indicators, issue 19 point 5) come from a
*provider*: a function returning ``{key: LiveSource}``, asked on demand, registered with the prefix of
its keys (``observatory.``). Every reader looks a source up through ``live_source(key)`` or lists them
with ``all_live_sources()``, whichever way it was registered. A source's ``value_at`` may answer None
(nothing counted yet for that date): the typed values are shown then."""

import datetime
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class LiveSource:
    label: str
    value_at: Callable[[datetime.date], Decimal | None]


@dataclass(frozen=True)
class LiveSourceProvider:
    prefix: str
    sources: Callable[[], dict[str, LiveSource]]


# Sources registered one by one, and the providers of sources computed on demand.
live_sources: dict[str, LiveSource] = {}
live_source_providers: dict[str, LiveSourceProvider] = {}


def register_live_source(key: str, *, label: str, value_at) -> None:
    live_sources[key] = LiveSource(label, value_at)


def register_live_source_provider(prefix: str, sources) -> None:
    """``sources()`` answers ``{key: LiveSource}``, every key starting with ``prefix``."""
    live_source_providers[prefix] = LiveSourceProvider(prefix, sources)


@contextmanager
def live_source_provider_registered(prefix: str, sources):
    """A provider registered for the time of a ``with`` block (tests)."""
    before = live_source_providers.get(prefix)
    register_live_source_provider(prefix, sources)
    try:
        yield
    finally:
        if before is None:
            live_source_providers.pop(prefix, None)
        else:
            live_source_providers[prefix] = before


def live_source(key: str) -> LiveSource | None:
    """The source named ``key``, or None when nothing registers it (any more)."""
    if not key:
        return None
    if key in live_sources:
        return live_sources[key]
    for prefix, provider in live_source_providers.items():
        if key.startswith(prefix):
            return provider.sources().get(key)
    return None


def all_live_sources() -> dict[str, LiveSource]:
    """Every source, registered or provided, by key."""
    found = dict(live_sources)
    for provider in live_source_providers.values():
        found.update(provider.sources())
    return found


# Sections of the plan document from the apps above accountability (issue 18, point 6: the Board of
# Directors' objectives, from governance). An app registers one in its AppConfig.ready, and tells
# ``versions.follow`` which of its models change what the section shows, so the kept PDF is renewed.

@dataclass(frozen=True)
class PlanDocumentRow:
    """One line of a section, in the active language: a text under a group (a body's name), assessed on
    the four-level scale (``level``: a ``Level`` value, or "" when not assessed) with what was done."""

    text: str
    group: str = ""
    level: str = ""
    narrative: str = ""


@dataclass(frozen=True)
class PlanDocumentSection:
    key: str
    title: str
    # rows(plan) -> [PlanDocumentRow], in a fixed number of queries.
    rows: Callable
    order: int = 50


class PlanDocumentSections:
    def __init__(self):
        self._sections: dict[str, PlanDocumentSection] = {}

    def register(self, section: PlanDocumentSection) -> PlanDocumentSection:
        if section.key in self._sections:
            raise ValueError(f"The plan document section {section.key!r} is registered already")
        self._sections[section.key] = section
        return section

    @contextmanager
    def registered(self, section: PlanDocumentSection):
        """``section`` registered for the time of a ``with`` block (tests)."""
        self.register(section)
        try:
            yield section
        finally:
            self._sections.pop(section.key, None)

    def for_plan(self, plan) -> list[dict]:
        """``{"key", "title", "groups": [(group, [rows])]}`` for every section with rows for ``plan``."""
        shown = []
        for section in sorted(self._sections.values(), key=lambda section: (section.order, section.key)):
            groups: dict[str, list] = {}
            for row in section.rows(plan):
                groups.setdefault(row.group, []).append(row)
            if groups:
                shown.append({"key": section.key, "title": section.title, "groups": list(groups.items())})
        return shown


plan_document_sections = PlanDocumentSections()
# What approved a plan (issue 18, point 5): an app above (governance) registers a function that answers,
# for a plan, the link to the decision that approved it (the General Assembly's motion), or None. The
# plan's page shows it beside "approved by … on …"; the registering app calls
# ``services.pages_changed`` when that answer changes (a motion closes), so the kept page follows.
@dataclass(frozen=True)
class Approval:
    text: str
    url: str


plan_approvals: list[Callable] = []


def register_plan_approval(function) -> None:
    if function not in plan_approvals:
        plan_approvals.append(function)


def approval_of(plan) -> Approval | None:
    """The first registered answer for ``plan``."""
    return next((found for found in (function(plan) for function in plan_approvals) if found), None)
