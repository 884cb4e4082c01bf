"""What a programme's page shows from the apps above network: each app registers a section (its
objectives and activities, meetings, calls, consultations) from a ``programme_section.py`` module of its
own, imported by its AppConfig.ready, so network never imports them::

    programme_sections.register(ProgrammeSection(
        key="calls", title=_("Calls"), order=30, items=call_items))

``items(programme)`` gives the section's ``SectionItem`` rows in the active language, in a fixed number
of queries whatever the number of rows; network's template shows them all alike.

An organisation's page is built the same way from ``organisation_sections`` (calls won, meetings of the
programmes it runs), registered from each app's ``organisation_section.py``: ``items(organisation)``
gives only what is public.

``reviewer_checks`` says who else, beside the staff, reviews applications to become a member (the Board
of Directors, registered by governance)."""

import datetime
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class SectionItem:
    title: str
    url: str = ""
    # A moment (shown with its time) or a day.
    when: datetime.datetime | datetime.date | None = None
    # A short note after the title (a status, a period).
    note: str = ""
    # Rows with the same group are shown under it (a plan's title for its objectives).
    group: str = ""

    @property
    def has_time(self) -> bool:
        return isinstance(self.when, datetime.datetime)


@dataclass(frozen=True)
class ProgrammeSection:
    key: str
    title: str
    items: Callable
    order: int = 50


class SectionRegistry:
    def __init__(self):
        self._sections: dict[str, ProgrammeSection] = {}

    def register(self, section: ProgrammeSection) -> ProgrammeSection:
        if section.key in self._sections:
            raise ValueError(f"The programme section {section.key!r} is registered already")
        self._sections[section.key] = section
        return section

    def sections(self) -> list[ProgrammeSection]:
        return sorted(self._sections.values(), key=lambda section: (section.order, section.key))

    def for_target(self, target) -> list[dict]:
        """``{"key", "title", "items"}`` for every section with something to show for ``target``."""
        shown = []
        for section in self.sections():
            items = list(section.items(target))
            if items:
                shown.append({"key": section.key, "title": section.title, "items": items})
        return shown


    for_programme = for_target


# The same shape serves both pages.
ProgrammeSectionRegistry = SectionRegistry
OrganisationSection = ProgrammeSection
programme_sections = SectionRegistry()
organisation_sections = SectionRegistry()


class ReviewerChecks:
    """Who else reviews applications to become a member, beside the centre's staff: callables
    ``(user) -> bool`` the apps above network register from their AppConfig.ready (governance: "holds a
    current Board of Directors seat"), so network never imports them::

        from civica.network.registry import reviewer_checks
        reviewer_checks.register(holds_board_of_directors_seat)

    Tests add one for a while with ``with reviewer_checks.registered(check): …``."""

    def __init__(self):
        self._checks: list = []

    def register(self, check):
        if check not in self._checks:
            self._checks.append(check)
        return check

    def unregister(self, check) -> None:
        if check in self._checks:
            self._checks.remove(check)

    @contextmanager
    def registered(self, check):
        self.register(check)
        try:
            yield check
        finally:
            self.unregister(check)

    def passes(self, user) -> bool:
        """Whether any registered check says ``user`` reviews applications."""
        return any(check(user) for check in list(self._checks))


reviewer_checks = ReviewerChecks()
