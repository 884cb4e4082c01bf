"""The plan pages' heavy sections, rendered once per plan version and language and kept in the cache.

A plan's page was one template of about 3,900 elements (every programme's activities and a month-by-month
table of all of them), rendered afresh for each signed-in person: 100-140 ms of Python here, ~0.9 s to the
first byte on a busy server. It is now an overview (``overview``: the summary, priorities, the programmes
with links, progress updates, indicators, budget, changes) and a page per programme (``programme``: its
objectives, activities and months), each kept in the shared cache under ``versions.stamp`` (the plan's
change stamp, the language, the templates' version, live counts): a request reads the stamp, then one
cache entry, and renders only what is personal.

What is kept is rendered with ``render_to_string`` and no request, so it cannot hold a person's name, a
form token or a permission; it marks where the personal parts go (``{% personal %}``: the editors' links
and notices, filled per request by core's shared pages, see parts.py) and where the comments go
(``COMMENTS``). The services queue
``tasks.render_plan_pages`` after each change, which renders every part of the plan in both languages on
a worker (in the process without a broker); a request that still finds an older version renders it
itself, unless another request is rendering that part at that moment, when it is given the version that
part replaces (as the page cache does; see ``_kept``).
"""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from . import selectors, versions
from .models import LEVEL_SYMBOLS, Level
from .registry import approval_of

# A kept part lives a week at most besides: a new version replaces it under the same key.
PART_SECONDS = 7 * 24 * 3600
RENDER_LOCK_SECONDS = 30
COMMENTS = "<!--comments-->"


def levels():
    return [(level.value, level.label, LEVEL_SYMBOLS[level]) for level in Level]


def _key(plan, name: str, language: str) -> str:
    return f"accountability:part:{plan.pk}:{name}:{language}"


def _kept(key: str, stamp: str, render):
    """The part kept under ``key`` at ``stamp``, or rendered (``render()``) and kept. While another
    request renders a newer version of this part, the older one is given (never older than one render)."""
    found = cache.get(key)
    if found is not None and found[0] == stamp:
        return found[1]
    lock, locked = f"{key}:rendering", False
    if found is not None:
        locked = cache.add(lock, 1, RENDER_LOCK_SECONDS)
        if not locked:
            return found[1]
    try:
        part = render()
        if part is not None:
            cache.set(key, (stamp, part), PART_SECONDS)
    finally:
        if locked:
            cache.delete(lock)
    return part


def overview_context(plan):
    areas = selectors.areas_with_priorities(plan)
    all_programmes = selectors.programmes_with_work(plan)
    # A plan not assessed yet shows the previous year's assessment (PROPUS / REALIZAT).
    assessed = any(priority.level for area in areas for priority in area.priorities.all())
    previous = None if assessed else selectors.previous_plan(plan)
    indicators = selectors.indicators_with_values(plan)
    return {
        "plan": plan, "areas": areas, "assessed": assessed, "previous": previous,
        "previous_areas": selectors.areas_with_priorities(previous) if previous else [],
        "all_programmes": all_programmes, "months": range(1, 13),
        "updates": selectors.recent_updates(plan), "indicators": indicators,
        "indicator_chart": selectors.indicator_chart(indicators),
        "glance": selectors.plan_glance(all_programmes, indicators),
        "budget": selectors.budget_summary(plan), "levels": levels(), "history": selectors.plan_history(plan),
        "approval": approval_of(plan),
    }


def render_overview(plan) -> str:
    return render_to_string("accountability/sections/overview.html", overview_context(plan))


def render_programme(plan, slug: str) -> dict | None:
    """``{"html", "title"}`` of one programme's page, or None when the plan has no such programme."""
    found = selectors.programmes_with_work(plan, programme=slug)
    if not found:
        return None
    item = found[0]
    context = {"plan": plan, "item": item, "programmes": [item], "months": range(1, 13),
               "all_programmes": selectors.plan_programmes(plan)}
    return {"html": render_to_string("accountability/sections/programme.html", context),
            "title": item.translated("name")}


def overview(plan, language: str) -> str:
    """The plan page's kept part in ``language`` (the active language)."""
    return _kept(_key(plan, "overview", language), versions.stamp(plan, language), lambda: render_overview(plan))


def programme(plan, slug: str, language: str) -> dict | None:
    """A programme page's kept part (``render_programme``), or None for a programme not in the plan."""
    return _kept(_key(plan, f"programme-{slug}", language), versions.stamp(plan, language),
                 lambda: render_programme(plan, slug))


def refresh(plan) -> int:
    """Render every part of ``plan`` in every language whose kept version is not the current one (the
    background task, after a change); how many were rendered."""
    rendered = 0
    slugs = [item.slug for item in selectors.plan_programmes(plan)]
    for language, _ in settings.LANGUAGES:
        with translation.override(language):
            stamp = versions.stamp(plan, language)
            parts = [(_key(plan, "overview", language), lambda: render_overview(plan))]
            parts += [(_key(plan, f"programme-{slug}", language), lambda slug=slug: render_programme(plan, slug))
                      for slug in slugs]
            for key, render in parts:
                found = cache.get(key)
                if found is None or found[0] != stamp:
                    cache.set(key, (stamp, render()), PART_SECONDS)
                    rendered += 1
    return rendered
