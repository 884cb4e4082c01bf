"""The personal parts of the plan pages (core/personal_parts.py): what editors of a plan get on its kept
sections (sections.py) — their links and the periods not read as dates, the budget totals that do not
add up, a "Post progress" link on each activity. Everyone else gets nothing here."""

from django.template.loader import get_template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from civica.core.personal_parts import base_context, once, part

from . import selectors


def _plan_for_editor(request, slug):
    """The plan if this person may manage it, else None (one query a request, whatever the marks)."""
    if not request.user.is_authenticated:
        return None
    def load():
        plan = selectors.plan_by_slug(slug)
        return plan if plan and request.user.has_perm("accountability.manage_plan", plan) else None
    return once(request, ("accountability.plan_for_editor", slug), load)


@part("accountability.editors")
def editors(request, calls):
    return [get_template("accountability/_editors.html").render({
        **base_context(request), "plan": plan, "unparsed": selectors.unparsed_periods(plan)})
        if (plan := _plan_for_editor(request, args[0])) else "" for args in calls]


@part("accountability.budget_notice")
def budget_notice(request, calls):
    return [get_template("accountability/_budget_notice.html").render({
        **base_context(request), "mismatches": selectors.budget_summary(plan).mismatches})
        if (plan := _plan_for_editor(request, args[0])) else "" for args in calls]


@part("accountability.progress_link")
def progress_link(request, calls):
    """args: the plan's slug, an activity's id."""
    label = _("Post progress")
    return [format_html('<br><a href="{}">{}</a>', reverse("accountability:progress", args=[args[0], int(args[1])]),
                        label)
            if len(args) == 2 and args[1].isdecimal() and _plan_for_editor(request, args[0]) else "" for args in calls]
