"""The editors' screens for running consultations: list, a new process from a blueprint, its
details, phases, categories, debates and polls, publication. Views parse, ask rules, call one
service and render; anonymous visitors are sent to log in, others without the right get a 403
that says why, and a draft is "not found" to anyone who may not read it."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.params import page_param

from .. import blueprints, schedule, selectors, services
from ..models import Debate, Poll
from ..polls import selectors as poll_selectors
from ..polls import services as poll_services
from ..predicates import active_phase
from .forms import (
    BlueprintForm,
    CategoryFormSet,
    DebateForm,
    NewPollQuestionFormSet,
    PhaseFormSet,
    PollSettingsForm,
    ProcessForm,
    QuestionFormSet,
    phase_initial,
    question_initial,
)

PROCESSES_PER_PAGE = 25


def _refusal_text():
    return _("Only the centre's editors run consultations.")


def _save(request, process, valid, save, success):
    """Call ``save`` when the (bound) form is ``valid``: its refusals come back as messages to show
    with the form (nothing typed lost), its success sends the editor back to the process."""
    if request.method != "POST" or not valid:
        return None, []
    try:
        save()
    except ValidationError as error:
        return None, refusals.refusal_messages(error)
    messages.success(request, success)
    return redirect("participation:manage_process", slug=process.slug), []


def editors_only(view):
    """Anonymous visitors log in first; then the view decides (403 with a reason, or 404)."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def _managed_process(request, slug, permission="participation.manage_process"):
    process = selectors.process_for_manage(slug)
    if process is None or not request.user.has_perm("participation.read_process", process):
        raise Http404
    if not request.user.has_perm(permission, process):
        raise PermissionDenied(_refusal_text())
    return process


@require_safe
@editors_only
def manage_list(request):
    if not request.user.has_perm("participation.manage_processes"):
        raise PermissionDenied(_refusal_text())
    page = Paginator(selectors.manage_process_list(), PROCESSES_PER_PAGE).get_page(page_param(request.GET))
    processes = list(page.object_list)
    today = timezone.localdate()
    for process in processes:
        process.current_phase = active_phase(process)
        process.when = ("upcoming" if process.starts_on > today else "past" if process.ends_on < today
                        else "running")
    return render(request, "participation/manage/process_list.html", {"processes": processes, "page": page,
                                                                      "query": ""})


@editors_only
def process_new(request):
    if not request.user.has_perm("participation.create_process"):
        raise PermissionDenied(_refusal_text())
    form = BlueprintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            process = services.process_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The consultation is created as a draft, with its phases. Adjust them, "
                                        "then publish."))
            return redirect("participation:manage_process", slug=process.slug)
    return render(request, "participation/manage/process_new.html", {
        "form": form, "blueprints": blueprints.BLUEPRINTS.values()})


@require_safe
@editors_only
def process_manage(request, slug):
    process = _managed_process(request, slug)
    return render(request, "participation/manage/process_manage.html", {
        "process": process, "now": timezone.now(), "current_phase": active_phase(process),
        "problems": schedule.publish_problems(process, phases=list(process.phases.all())),
    })


@require_POST
@editors_only
def process_publish(request, slug):
    process = _managed_process(request, slug, "participation.publish_process")
    try:
        if request.POST.get("action") == "unpublish":
            services.process_unpublish(process=process, by=request.user)
            messages.success(request, _("The consultation is no longer public."))
        else:
            services.process_publish(process=process, by=request.user)
            messages.success(request, _("The consultation is published."))
    except ValidationError as error:
        messages.error(request, _("The consultation cannot be published yet: %(problems)s")
                       % {"problems": refusals.refusal_message(error)})
    return redirect("participation:manage_process", slug=process.slug)


@editors_only
def process_edit(request, slug):
    process = _managed_process(request, slug)
    form = ProcessForm(request.POST or None, request.FILES or None, instance=process)
    done, errors = _save(request, process, form.is_valid(),
                         lambda: services.process_update(process=process, by=request.user, **form.process_fields()),
                         _("The consultation is saved."))
    if done:
        return done
    return render(request, "participation/manage/process_edit.html", {
        "process": process, "form": form, "errors": errors})


@editors_only
def phases_edit(request, slug):
    process = _managed_process(request, slug)
    formset = PhaseFormSet(request.POST or None, process=process, prefix="phases",
                           initial=phase_initial(process.phases.all()))
    done, errors = _save(request, process, formset.is_valid(),
                         lambda: services.phases_save(process=process, by=request.user, phases=formset.phases()),
                         _("The phases are saved."))
    if done:
        return done
    return render(request, "participation/manage/phases_edit.html", {
        "process": process, "formset": formset, "errors": errors})


@editors_only
def categories_edit(request, slug):
    process = _managed_process(request, slug)
    formset = CategoryFormSet(request.POST or None, prefix="categories", initial=[
        {"id": category.pk, "name_ro": category.name_ro, "name_en": category.name_en}
        for category in process.categories.all()])
    done, errors = _save(request, process, formset.is_valid(),
                         lambda: services.categories_save(process=process, by=request.user,
                                                          categories=formset.categories()),
                         _("The categories are saved."))
    if done:
        return done
    totals = {category.pk: category.idea_total for category in process.categories.all()}
    for form in formset.forms:
        form.idea_total = totals.get(form.initial.get("id"), 0)
    return render(request, "participation/manage/categories_edit.html", {
        "process": process, "formset": formset, "errors": errors})


@editors_only
def debate_edit(request, slug, debate_id=None):
    process = _managed_process(request, slug, "participation.manage_debate")
    debate = None
    if debate_id is not None:
        debate = next((item for item in process.debates.all() if item.pk == debate_id), None)
        if debate is None:
            raise Http404
        debate.process = process
    form = DebateForm(request.POST or None, instance=debate if debate else Debate(process=process))
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name]
                  for name in ("question", "question_en", "description", "description_en")}
        try:
            if debate is None:
                services.debate_create(process=process, by=request.user, **values)
            else:
                services.debate_update(debate=debate, by=request.user, **values)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The debate is saved."))
            return redirect("participation:manage_process", slug=process.slug)
    return render(request, "participation/manage/debate_form.html", {
        "process": process, "form": form, "debate": debate})


@editors_only
def poll_edit(request, slug, poll_id=None):
    process = _managed_process(request, slug, "participation.manage_poll")
    poll = None
    if poll_id is not None:
        poll = poll_selectors.poll_for_manage(process=process, poll_id=poll_id)
        if poll is None:
            raise Http404
        poll.process = process
    settings_form = PollSettingsForm(request.POST or None, instance=poll or Poll(process=process), process=process)
    initial, choices_initial = question_initial(poll.questions.all() if poll else [])
    formset_class = QuestionFormSet if poll else NewPollQuestionFormSet
    questions = formset_class(request.POST or None, prefix="questions", initial=initial,
                              choices_initial=choices_initial)
    errors = []
    if request.method == "POST" and settings_form.is_valid() and questions.is_valid():
        values = {name: settings_form.cleaned_data[name] for name in poll_services.POLL_FIELDS}
        try:
            poll = poll_services.poll_save(process=process, by=request.user, poll=poll,
                                      phase=settings_form.cleaned_data["phase"], questions=questions.questions(),
                                      **values)
        except ValidationError as error:
            errors = refusals.refusal_messages(error)
        else:
            messages.success(request, _("The poll is saved."))
            return redirect("participation:manage_poll", slug=process.slug, poll_id=poll.pk)
    answered_questions, answered_choices = poll_services.poll_answered_sets(poll)
    return render(request, "participation/manage/poll_form.html", {
        "process": process, "poll": poll, "form": settings_form, "questions": questions, "errors": errors,
        "answered_questions": answered_questions, "answered_choices": answered_choices,
    })
