"""The plans editors' screens under ``/<lang>/plans/manage/``: the list of plans, a plan's structure
(areas and priorities, programmes' objectives and activities, indicators with their values, the budget)
with its status, one form per part (new, edit, assessment), deleting after a confirmation, and "move
up / move down". Views parse, ask rules, call one service and render; anonymous visitors are sent to
log in, others without the right get a 403 that says why."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.params import id_param

from .. import selectors, services
from ..models import (
    Activity,
    Area,
    BudgetGroup,
    BudgetLine,
    Indicator,
    IndicatorValue,
    Objective,
    Plan,
    PlanStatus,
    Priority,
)
from ..registry import all_live_sources
from . import forms


@dataclass(frozen=True)
class Part:
    """A kind of part of a plan: its model, form, name, and how the plan's own are found."""

    model: type
    form: type
    label: str
    of_plan: object  # plan → queryset
    anchor: str
    creatable: bool = True
    ordered: bool = True


PARTS = {
    "details": Part(Plan, forms.PlanDetailsForm, gettext_lazy("the plan's details"),
                    lambda plan: Plan.objects.filter(pk=plan.pk), "details", creatable=False, ordered=False),
    "area": Part(Area, forms.AreaForm, gettext_lazy("area"), lambda plan: Area.objects.filter(plan=plan),
                 "priorities"),
    "priority": Part(Priority, forms.PriorityForm, gettext_lazy("priority"),
                     lambda plan: Priority.objects.filter(area__plan=plan), "priorities"),
    "assessment": Part(Priority, forms.AssessmentForm, gettext_lazy("assessment"),
                       lambda plan: Priority.objects.filter(area__plan=plan), "priorities", creatable=False,
                       ordered=False),
    "objective": Part(Objective, forms.ObjectiveForm, gettext_lazy("objective"),
                      lambda plan: Objective.objects.filter(plan=plan), "programmes"),
    "activity": Part(Activity, forms.ActivityForm, gettext_lazy("activity"),
                     lambda plan: Activity.objects.filter(plan=plan), "programmes"),
    "indicator": Part(Indicator, forms.IndicatorForm, gettext_lazy("indicator"),
                      lambda plan: Indicator.objects.filter(plan=plan), "indicators"),
    "value": Part(IndicatorValue, forms.IndicatorValueForm, gettext_lazy("actual value"),
                  lambda plan: IndicatorValue.objects.filter(indicator__plan=plan), "indicators", ordered=False),
    "group": Part(BudgetGroup, forms.BudgetGroupForm, gettext_lazy("budget category"),
                  lambda plan: BudgetGroup.objects.filter(plan=plan), "budget"),
    "line": Part(BudgetLine, forms.BudgetLineForm, gettext_lazy("budget line"),
                 lambda plan: BudgetLine.objects.filter(group__plan=plan), "budget"),
}


REFUSAL = gettext_lazy("Only the centre's editors change plans.")
# Anonymous visitors log in first; others without the right get a 403 that says why.
editors_only = refusals.permission_required("accountability.manage_plan", REFUSAL)


def _plan(request, slug):
    plan = selectors.plan_by_slug(slug)
    if plan is None:
        raise Http404
    if not request.user.has_perm("accountability.manage_plan", plan):
        raise PermissionDenied(REFUSAL)
    return plan


def _part(plan, kind, pk):
    if kind not in PARTS:
        raise Http404
    part = PARTS[kind]
    instance = part.of_plan(plan).filter(pk=pk).first() if pk is not None else None
    if pk is not None and instance is None:
        raise Http404
    return part, instance


def _back(plan, part):
    return redirect(f"{_manage_url(plan)}#{part.anchor}")


def _manage_url(plan):
    return reverse("accountability:manage_plan", args=[plan.slug])


@require_safe
@editors_only
def manage_list(request):
    return render(request, "accountability/manage/plan_list.html", {"plans": selectors.plan_list()})


@editors_only
def manage_new(request):
    """A new plan, as a draft; its structure is built on its page."""
    form = forms.NewPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = services.create_plan(by=request.user, plan=form.instance)
        messages.success(request, _("The plan is created as a draft."))
        return redirect("accountability:manage_plan", slug=plan.slug)
    names = list(form.fields)
    return render(request, "accountability/manage/part_form.html", {
        "plan": None, "form": form, "errors": [], "title": _("New plan"),
        "common_fields": [form[name] for name in names if not name.endswith(("_ro", "_en"))],
        "romanian_fields": [form[name] for name in names if name.endswith("_ro")],
        "english_fields": [form[name] for name in names if name.endswith("_en")]})


@require_safe
@editors_only
def manage_plan(request, slug):
    plan = _plan(request, slug)
    return render(request, "accountability/manage/plan_manage.html", {
        **_structure(plan), "status_form": forms.StatusForm(), "next_statuses": _next_statuses(plan)})


def _next_statuses(plan):
    return [(status, PlanStatus(status).label) for status in plan.next_statuses()]


def _structure(plan):
    """Everything the structure page lists, in a fixed number of queries."""
    areas = Area.objects.filter(plan=plan).prefetch_related(
        Prefetch("priorities", queryset=Priority.objects.order_by("position", "id")))
    activities = (Activity.objects.filter(plan=plan).select_related("programme", "objective", "priority")
                  .order_by("programme__position", "position", "id"))
    objectives = Objective.objects.filter(plan=plan).select_related("programme").order_by(
        "programme__position", "position", "id")
    programmes = {}
    for objective in objectives:
        programmes.setdefault(objective.programme_id, {"programme": objective.programme, "objectives": [],
                                                       "activities": []})["objectives"].append(objective)
    for activity in activities:
        programmes.setdefault(activity.programme_id, {"programme": activity.programme, "objectives": [],
                                                      "activities": []})["activities"].append(activity)
    indicators = list(Indicator.objects.filter(plan=plan).prefetch_related(
        Prefetch("values", queryset=IndicatorValue.objects.order_by("date", "id"))))
    sources = all_live_sources() if any(indicator.live_source for indicator in indicators) else {}
    for indicator in indicators:
        source = sources.get(indicator.live_source)
        indicator.source_label = source.label if source else indicator.live_source
    groups = BudgetGroup.objects.filter(plan=plan).prefetch_related(
        Prefetch("lines", queryset=BudgetLine.objects.order_by("position", "id"))).order_by("kind", "position", "id")
    return {"plan": plan, "areas": areas,
            "programmes": sorted(programmes.values(), key=lambda item: (item["programme"].position,
                                                                         item["programme"].name_ro)),
            "indicators": indicators, "groups": groups}


@editors_only
def part_edit(request, slug, kind, pk=None):
    """A new part (``pk`` None) or an edited one; a refused form is shown again with everything typed."""
    plan = _plan(request, slug)
    part, instance = _part(plan, kind, pk)
    if instance is None and not part.creatable:
        raise Http404
    if instance is None:
        instance = part.model(plan=plan) if "plan" in {field.name for field in part.model._meta.fields} \
            else part.model()
    form = part.form(request.POST or None, instance=instance, plan=plan, initial=_initial(request, kind))
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            services.save_part(plan=plan, part=form.instance, by=request.user,
                               verb="assess" if kind == "assessment" else "change",
                               goals=form.cleaned_data["goals"] if "goals" in form.fields else None)
        except ValidationError as error:
            errors = refusals.refusal_messages(error)
        else:
            messages.success(request, _("Saved."))
            return _back(plan, part)
    names = list(form.fields)
    return render(request, "accountability/manage/part_form.html", {
        "plan": plan, "part": part, "kind": kind, "form": form, "errors": errors, "instance": instance,
        "title": _title(kind, part, instance),
        "common_fields": [form[name] for name in names if not name.endswith(("_ro", "_en"))],
        "romanian_fields": [form[name] for name in names if name.endswith("_ro")],
        "english_fields": [form[name] for name in names if name.endswith("_en")]})


def _initial(request, kind):
    """A new part under a parent chosen on the structure page (``?area=3``, ``?programme=2``…)."""
    names = {"priority": "area", "objective": "programme", "activity": "programme", "value": "indicator",
             "line": "group"}
    name = names.get(kind)
    value = id_param(request.GET, name) if name else None
    return {name: value} if value else {}


def _title(kind, part, instance):
    if kind == "details":
        return _("Edit the plan's details")
    if kind == "assessment":
        return _("Assess the priority")
    if instance.pk is None:
        return _("Add: %(part)s") % {"part": part.label}
    return _("Edit: %(part)s") % {"part": part.label}


@editors_only
def part_delete(request, slug, kind, pk):
    plan = _plan(request, slug)
    part, instance = _part(plan, kind, pk)
    if not part.creatable:
        raise Http404
    if request.method == "POST":
        services.delete_part(plan=plan, part=instance, by=request.user)
        messages.success(request, _("Deleted."))
        return _back(plan, part)
    return render(request, "accountability/manage/part_delete.html", {
        "plan": plan, "part": part, "kind": kind, "instance": instance})


@require_POST
@editors_only
def part_move(request, slug, kind, pk):
    plan = _plan(request, slug)
    part, instance = _part(plan, kind, pk)
    if not part.ordered:
        raise Http404
    services.move_part(plan=plan, part=instance, by=request.user, up=request.POST.get("direction") == "up")
    return redirect(f"{_manage_url(plan)}#{kind}-{instance.pk}")


@require_POST
@editors_only
def plan_status(request, slug):
    plan = _plan(request, slug)
    form = forms.StatusForm(request.POST)
    if form.is_valid():
        to = form.cleaned_data["to"]
        if to not in PlanStatus.values:
            raise Http404
        try:
            services.move_plan(plan=plan, by=request.user, to=to, approved_on=form.cleaned_data["approved_on"],
                               approved_by=form.cleaned_data["approved_by"])
        except refusals.REFUSALS as refused:
            refusals.add_to_form(form, refused)
        else:
            messages.success(request, _("The plan is now: %(status)s.") % {"status": PlanStatus(to).label})
            return redirect("accountability:manage_plan", slug=plan.slug)
    return render(request, "accountability/manage/plan_manage.html", {
        **_structure(plan), "status_form": form, "next_statuses": _next_statuses(plan)})
