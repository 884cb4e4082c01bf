"""The editors' workshop screens. Views parse through a form, call one service and render; anonymous
visitors log in first, others without the right get a 403 that says why. Each action of the set-up
page posts to its own address; refused, the set-up page is shown again with what was typed and the
reason beside the field."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.params import page_param

from .. import selectors, services
from ..models import Theme, Workshop, WorkshopQuestion, WorkshopRound, WorkshopTable
from . import forms

WORKSHOPS_PER_PAGE = 25


def _refusal_text():
    return _("Only the centre's editors set up world-café workshops.")


def _workshop(request, slug, permission="workshops.manage"):
    workshop = Workshop.objects.select_related("meeting").filter(slug=slug).first()
    if workshop is None:
        raise Http404
    if not request.user.has_perm(permission, workshop):
        raise PermissionDenied(_refusal_text() if permission == "workshops.manage" else _(
            "Only the workshop's editors and facilitators run the rounds."))
    return workshop


@require_safe
@login_required
def workshop_list(request):
    if not request.user.has_perm("workshops.manage"):
        raise PermissionDenied(_refusal_text())
    workshops = (Workshop.objects.select_related("meeting")
                 .annotate(table_count=Count("tables", distinct=True), round_count=Count("rounds", distinct=True))
                 .order_by("-meeting__starts_at", "pk"))
    page = Paginator(workshops, WORKSHOPS_PER_PAGE).get_page(page_param(request.GET))
    return render(request, "workshops/manage/list.html", {"page": page, "workshops": list(page.object_list)})


@login_required
def workshop_new(request):
    if not request.user.has_perm("workshops.manage"):
        raise PermissionDenied(_refusal_text())
    form = forms.NewWorkshopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workshop = services.workshop_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The world-café is set up. Add its questions, tables and rounds."))
            return redirect("workshops:manage_workshop", slug=workshop.slug)
    return render(request, "workshops/manage/new.html", {"form": form},
                  status=400 if request.method == "POST" else 200)


def _setup_page(request, workshop, *, bound=None, status=200):
    """The set-up page; ``bound`` holds a refused form in place of its empty one."""
    bound = bound or {}
    questions = list(WorkshopQuestion.objects.filter(workshop=workshop))
    tables = list(WorkshopTable.objects.filter(workshop=workshop).select_related("question", "facilitator"))
    rounds = list(WorkshopRound.objects.filter(workshop=workshop))
    settings_form = bound.get("settings") or forms.SettingsForm(initial={
        name: getattr(workshop, name) for name in services.SETTINGS_FIELDS})
    round_forms = {round_.pk: forms.RoundForm(initial={"duration_minutes": round_.duration_minutes},
                                              prefix=f"round-{round_.pk}") for round_ in rounds}
    if "round" in bound:
        round_forms[bound["round"][0]] = bound["round"][1]
    for round_ in rounds:
        round_.form = round_forms[round_.pk]
    return render(request, "workshops/manage/workshop.html", {
        "workshop": workshop, "questions": questions, "tables": tables, "rounds": rounds,
        "settings_form": settings_form,
        "question_form": bound.get("question") or forms.QuestionForm(prefix="question"),
        "table_form": bound.get("table") or forms.TableForm(
            workshop=workshop, prefix="table", initial={"number": max((t.number for t in tables), default=0) + 1}),
        "round_form": bound.get("new_round") or forms.RoundForm(prefix="new-round"),
        "refused": bound.get("errors", []),
    }, status=status)


@require_safe
@login_required
def workshop_setup(request, slug):
    return _setup_page(request, _workshop(request, slug))


def _setup_action(form_name):
    """A POST of the set-up page: refused, the page again with the form as typed; done, back to it."""
    def decorator(view):
        @wraps(view)
        @require_POST
        @login_required
        def wrapper(request, slug, **kwargs):
            workshop = _workshop(request, slug)
            outcome = view(request, workshop, **kwargs)
            if isinstance(outcome, dict):
                return _setup_page(request, workshop, bound=outcome, status=400)
            messages.success(request, outcome)
            return redirect(reverse("workshops:manage_workshop", args=[workshop.slug]) + f"#{form_name}")
        return wrapper
    return decorator


def _run_form(form, save, key):
    if form.is_valid():
        try:
            return save(form.cleaned_data)
        except ValidationError as error:
            refusals.add_to_form(form, error)
    return {key: form}


@_setup_action("settings")
def settings_save(request, workshop):
    form = forms.SettingsForm(request.POST)

    def save(data):
        services.workshop_update(workshop=workshop, by=request.user, **data)
        return _("The settings are saved.")
    outcome = _run_form(form, save, "settings")
    if isinstance(outcome, str) and form.cleaned_data["slug"] != workshop.slug:
        workshop.slug = form.cleaned_data["slug"]
    return outcome


@_setup_action("questions")
def question_add(request, workshop):
    form = forms.QuestionForm(request.POST, prefix="question")
    return _run_form(form, lambda data: services.question_add(workshop=workshop, by=request.user, **data)
                     and _("The question is added."), "question")


def _question(workshop, pk):
    question = WorkshopQuestion.objects.filter(workshop=workshop, pk=pk).first()
    if question is None:
        raise Http404
    question.workshop = workshop
    return question


@login_required
def question_edit(request, slug, pk):
    workshop = _workshop(request, slug)
    question = _question(workshop, pk)
    form = forms.QuestionForm(request.POST or None, initial={"text_ro": question.text_ro,
                                                              "text_en": question.text_en})
    if request.method == "POST" and form.is_valid():
        try:
            services.question_update(question=question, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The question is saved."))
            return redirect(reverse("workshops:manage_workshop", args=[workshop.slug]) + "#questions")
    return render(request, "workshops/manage/question_edit.html", {"workshop": workshop, "form": form,
                                                                   "question": question},
                  status=400 if request.method == "POST" else 200)


@_setup_action("questions")
def question_delete(request, workshop, pk):
    services.question_delete(question=_question(workshop, pk), by=request.user)
    return _("The question is removed.")


@_setup_action("questions")
def question_move(request, workshop, pk):
    services.question_move(question=_question(workshop, pk), by=request.user, up=request.POST.get("direction") == "up")
    return _("The questions' order is saved.")


@_setup_action("tables")
def table_add(request, workshop):
    form = forms.TableForm(request.POST, workshop=workshop, prefix="table")
    return _run_form(form, lambda data: services.table_add(workshop=workshop, by=request.user, **data)
                     and _("The table is added."), "table")


def _table(workshop, pk):
    table = WorkshopTable.objects.filter(workshop=workshop, pk=pk).select_related("facilitator").first()
    if table is None:
        raise Http404
    table.workshop = workshop
    return table


@login_required
def table_edit(request, slug, pk):
    workshop = _workshop(request, slug)
    table = _table(workshop, pk)
    form = forms.TableForm(request.POST or None, workshop=workshop, initial={
        "number": table.number, "topic": table.topic, "question": table.question_id,
        "facilitator_email": table.facilitator.email if table.facilitator else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.table_update(table=table, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The table is saved."))
            return redirect(reverse("workshops:manage_workshop", args=[workshop.slug]) + "#tables")
    return render(request, "workshops/manage/table_edit.html", {"workshop": workshop, "form": form, "table": table},
                  status=400 if request.method == "POST" else 200)


@_setup_action("tables")
def table_delete(request, workshop, pk):
    try:
        services.table_delete(table=_table(workshop, pk), by=request.user)
    except ValidationError as error:
        return {"errors": refusals.refusal_messages(error)}
    return _("The table is removed.")


@_setup_action("rounds")
def round_add(request, workshop):
    form = forms.RoundForm(request.POST, prefix="new-round")
    return _run_form(form, lambda data: services.round_add(workshop=workshop, by=request.user, **data)
                     and _("The round is added."), "new_round")


def _round(workshop, pk):
    round_ = WorkshopRound.objects.filter(workshop=workshop, pk=pk).first()
    if round_ is None:
        raise Http404
    round_.workshop = workshop
    return round_


@_setup_action("rounds")
def round_save(request, workshop, pk):
    round_ = _round(workshop, pk)
    form = forms.RoundForm(request.POST, prefix=f"round-{pk}")
    outcome = _run_form(form, lambda data: services.round_update(round_=round_, by=request.user, **data)
                        and _("The round is saved."), "round")
    return {"round": (round_.pk, form)} if isinstance(outcome, dict) else outcome


@_setup_action("rounds")
def round_delete(request, workshop, pk):
    try:
        services.round_delete(round_=_round(workshop, pk), by=request.user)
    except ValidationError as error:
        return {"errors": refusals.refusal_messages(error)}
    return _("The round is removed.")


# The control panel of the live event.

def _run_page(request, workshop, status=200):
    rounds = list(WorkshopRound.objects.filter(workshop=workshop))
    workshop._prefetched_objects_cache = {"rounds": rounds}
    current = workshop.current_round()
    now = workshop.paused_at or timezone.now()
    remaining = max(0, int((current.ends_at - now).total_seconds())) if current else None
    tables = list(WorkshopTable.objects.filter(workshop=workshop).select_related("facilitator")
                  .annotate(note_count=Count("contributions")))
    return render(request, "workshops/manage/run.html", {
        "workshop": workshop, "rounds": rounds, "current_round": current, "stage": selectors.stage(workshop),
        "remaining_minutes": remaining // 60 if remaining is not None else None,
        "remaining_seconds": remaining % 60 if remaining is not None else None,
        "next_round": next((round_ for round_ in rounds if round_.started_at is None), None),
        "tables": [(table, request.build_absolute_uri(
            reverse("workshops:table", args=[workshop.slug, selectors.table_token(table)]))) for table in tables],
        "note_total": sum(table.note_count for table in tables),
        "can_close": request.user.has_perm("workshops.manage", workshop),
    }, status=status)


@require_safe
@login_required
def run(request, slug):
    return _run_page(request, _workshop(request, slug, "workshops.run"))


RUN_ACTIONS = {
    "start": (services.start_next_round, None),
    "pause": (services.pause, _("The workshop is paused: the round's clock stands still and notes wait.")),
    "resume": (services.resume, _("The workshop goes on.")),
    "close": (services.close, _("The workshop is closed: table links no longer work.")),
}


@require_POST
@login_required
def run_action(request, slug, action):
    workshop = _workshop(request, slug, "workshops.run")
    if action not in RUN_ACTIONS:
        raise Http404
    service, done = RUN_ACTIONS[action]
    try:
        outcome = service(workshop=workshop, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
        return _run_page(request, workshop, status=400)
    messages.success(request, done or _("Round %(number)s has started.") % {"number": outcome.number})
    return redirect("workshops:manage_run", slug=workshop.slug)


# Curating the themes: placing the notes written since the last harvest, splitting a theme.

@login_required
def place(request, slug):
    workshop = _workshop(request, slug)
    notes = selectors.unplaced_notes(workshop)
    themes = list(Theme.objects.filter(workshop=workshop))
    form = forms.PlacementForm(request.POST or None, notes=notes, themes=themes)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.contributions_place(workshop=workshop, by=request.user, placements=form.placements(),
                                                 new_label=form.cleaned_data["new_label"])
        except refusals.REFUSALS as refused:
            refusals.add_to_form(form, refused)
        else:
            messages.success(request, ngettext("%(count)s note placed.", "%(count)s notes placed.", count) % {
                "count": count})
            return redirect(workshop.get_absolute_url() + "#themes-title")
    return render(request, "workshops/manage/place.html", {"workshop": workshop, "form": form, "themes": themes,
                                                           "notes": notes},
                  status=400 if request.method == "POST" else 200)


@login_required
def split(request, slug, pk):
    workshop = _workshop(request, slug)
    theme = Theme.objects.filter(workshop=workshop, pk=pk).first()
    if theme is None:
        raise Http404
    theme.workshop = workshop
    form = forms.SplitForm(request.POST or None, theme=theme)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.theme_split(theme=theme, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The new theme “%(label)s” is made.") % {"label": new.label})
            return redirect(workshop.get_absolute_url() + "#themes-title")
    return render(request, "workshops/manage/split.html", {"workshop": workshop, "theme": theme, "form": form},
                  status=400 if request.method == "POST" else 200)
