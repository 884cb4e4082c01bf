"""Reads for the pages: a public page with the data its sections show, the editors' list, a page's
history and the difference between a revision and the one before it (``difflib``; the template
escapes every line)."""

import difflib

from civica.accountability import selectors as plan_selectors
from civica.accountability.models import ADOPTED
from civica.network import selectors as network_selectors

from .models import CONTENT_FIELDS, Page, PageRevision, Section

DIFF_CONTEXT = 2  # unchanged lines shown around a change


def page_by_slug(slug):
    return Page.objects.filter(slug=slug).first()


def section_data(page) -> dict:
    """What the page's sections show, one query each: the network's figures, the approved plans."""
    return {
        "figures": network_selectors.shown_figures() if page.shows(Section.FIGURES) else [],
        "reports": list(plan_selectors.plan_list().filter(status__in=ADOPTED))
        if page.shows(Section.REPORTS)
        else [],
    }


def editor_page_list():
    return Page.objects.select_related("updated_by").order_by("slug")


def revisions(page):
    return PageRevision.objects.filter(page=page).select_related("by").order_by("-number")


def revision_with_previous(page, number):
    """The revision ``number`` of ``page`` and the one before it (None for the first); (None, None)
    when there is no such revision."""
    pair = list(
        PageRevision.objects.filter(page=page, number__in=[number, number - 1]).select_related("by").order_by("-number")
    )
    if not pair or pair[0].number != number:
        return None, None
    return pair[0], (pair[1] if len(pair) > 1 else None)


def _lines(revision, name) -> list[str]:
    if revision is None:
        return []
    value = getattr(revision, name)
    if name == "sections":
        labels = dict(Section.choices)
        return [str(labels.get(value, value)) for value in value or []]
    return (value or "").splitlines()


def revision_diff(revision, previous) -> list[dict]:
    """Per changed field: its label and lines as ``(kind, text)`` with kind ``"added"``, ``"removed"``,
    ``"same"`` or ``"gap"`` (unchanged lines left out)."""
    changes = []
    for name in CONTENT_FIELDS:
        old, new = _lines(previous, name), _lines(revision, name)
        if old == new:
            continue
        lines = []
        for line in difflib.unified_diff(old, new, lineterm="", n=DIFF_CONTEXT):
            if line.startswith(("---", "+++")):
                continue
            if line.startswith("@@"):
                if lines:
                    lines.append(("gap", ""))
                continue
            kind = {"+": "added", "-": "removed"}.get(line[:1], "same")
            lines.append((kind, line[1:]))
        changes.append({"field": Page._meta.get_field(name).verbose_name, "lines": lines})
    return changes
