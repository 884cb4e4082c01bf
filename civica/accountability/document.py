"""The plan document: the page at ``document/`` and the PDF printed from the same HTML.

The PDF is kept in the private storage once per version (civica.queue.documents) under the name
``accountability.plan:<id>:<language>``. Its version is ``versions.stamp`` (the plan's change stamp, the
language, the templates' version, live counts), so a download asks one query whether it is stored,
without rendering the HTML (19 queries and 30-60 ms, on every download before) only to hash it; the first
download of a version queues ``tasks.render_plan_document``, which renders it once (2-18 s) on a worker,
and every download meanwhile gets the "being prepared" page (civica.queue.responses)."""

from django.template.loader import render_to_string

from civica.queue import documents

from . import selectors, versions
from .registry import plan_document_sections
from .sections import levels


def document_context(plan):
    previous = selectors.previous_plan(plan)
    return {
        "plan": plan, "areas": selectors.areas_with_priorities(plan),
        "previous": previous, "previous_areas": selectors.areas_with_priorities(previous) if previous else [],
        "programmes": selectors.programmes_with_work(plan), "indicators": selectors.indicators_with_values(plan),
        "budget": selectors.budget_summary(plan), "levels": levels(),
        # Sections registered by the apps above (the bodies' objectives).
        "registered_sections": plan_document_sections.for_plan(plan),
    }


def document_html(plan) -> str:
    """The plan document for print, in the active language."""
    return render_to_string("accountability/document.html", {**document_context(plan), "for_print": True})


def document_name(plan, language: str) -> str:
    return f"accountability.plan:{plan.pk}:{language}"


def document_version(plan, language: str) -> str:
    return documents.version_key("document", versions.stamp(plan, language))
