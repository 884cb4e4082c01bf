"""The editors' screens for setting calls up, under ``manage/``: every call (drafts included), a new
call from its kind's blueprint, its details, guide documents, the form builder with the applicants'
preview, the criteria, the jury and the next step of the call (publishing with the checklist of what is
missing). Views parse through manage_forms, ask rules, call one service (editing.py, evaluation.py)
and render; a refused save shows the same form with everything typed and the reason beside the field.
Anonymous visitors log in first; others without the right get a 403 that says why."""

from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.params import page_param

from . import blueprints, checklist, editing, evaluation
from .application_form import ApplicationForm
from .forms import AppointForm
from .manage_forms import CallForm, CriterionForm, DocumentForm, FieldForm, MoveForm, NewCallForm, PickForm
from .models import Call, CallStatus, Conflict, Criterion, Eligibility, FormField

CALLS_PER_PAGE = 25


def _refusal_text():
    return _("Only the centre's editors run calls.")


def _managed_call(request, slug):
    call = Call.objects.filter(slug=slug).select_related("programme").first()
    if call is None:
        raise Http404
    if not request.user.has_perm("calls.manage_call", call):
        raise PermissionDenied(_refusal_text())
    return call


@require_safe
@login_required
def manage_list(request):
    if not request.user.has_perm("calls.manage_calls"):
        raise PermissionDenied(_refusal_text())
    calls = Call.objects.annotate(
        field_total=Count("form_fields", distinct=True),
        submitted_total=Count("applications", filter=Q(applications__status="submitted"), distinct=True),
    ).order_by("-created_at", "slug")
    page = Paginator(calls, CALLS_PER_PAGE).get_page(page_param(request.GET))
    return render(request, "calls/manage/call_list.html", {"calls": page.object_list, "page": page})


@login_required
def call_new(request):
    if not request.user.has_perm("calls.manage_calls"):
        raise PermissionDenied(_refusal_text())
    form = NewCallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            call = editing.call_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The call is created as a draft, with the questions and criteria of its kind. "
                                        "Adjust them, then publish."))
            return redirect("calls:manage_call", slug=call.slug)
    return render(request, "calls/manage/call_new.html", {"form": form, "blueprints": blueprints.BLUEPRINTS.values()},
                  status=400 if form.errors else 200)


@require_safe
@login_required
def call_overview(request, slug):
    call = _managed_call(request, slug)
    fields, criteria = list(call.form_fields.all()), list(call.criteria.all())
    next_statuses = sorted(call.next_statuses())
    problems = []
    if CallStatus.PUBLISHED in next_statuses:
        problems = checklist.publish_problems(call, fields=fields, criteria=criteria)
    elif CallStatus.RESULTS_PUBLISHED in next_statuses:
        problems = checklist.results_problems(call)
    return render(request, "calls/manage/call_overview.html", {
        "call": call, "fields": fields, "criteria": criteria, "problems": problems,
        "next_statuses": [CallStatus(status) for status in next_statuses],
        "documents": list(call.documents.all()), "evaluators": list(evaluation.evaluators_of(call)),
    })


@require_POST
@login_required
def call_move(request, slug):
    call = _managed_call(request, slug)
    to = request.POST.get("to")
    if to not in CallStatus.values:
        messages.error(request, _("Choose the next step of the call."))
        return redirect("calls:manage_call", slug=slug)
    try:
        evaluation.call_move(call=call, to=to, by=request.user)
    except refusals.REFUSALS as refused:
        messages.error(request, _("Not done: %(problems)s") % {"problems": refusals.refusal_message(refused)})
    else:
        messages.success(request, _("The call is now: %(status)s.") % {"status": call.get_status_display()})
    return redirect("calls:manage_call", slug=slug)


@login_required
def call_edit(request, slug):
    call = _managed_call(request, slug)
    form = CallForm(request.POST or None, request.FILES or None, instance=call)
    if request.method == "POST" and form.is_valid():
        try:
            editing.call_update(call=Call.objects.get(pk=call.pk), by=request.user, **form.values())
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The call is saved."))
            return redirect("calls:manage_call", slug=slug)
    return render(request, "calls/manage/call_edit.html", {"call": call, "form": form},
                  status=400 if form.errors else 200)


@login_required
def documents(request, slug):
    call = _managed_call(request, slug)
    form = DocumentForm()
    if request.method == "POST":
        if request.POST.get("action") == "delete":
            pick = PickForm(request.POST)
            document = call.documents.filter(pk=pick.cleaned_data["id"]).first() if pick.is_valid() else None
            if document is None:
                messages.error(request, _("This document is no longer there."))
            else:
                editing.document_delete(document=document, by=request.user)
                messages.success(request, _("The document is removed."))
            return redirect("calls:manage_documents", slug=slug)
        form = DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                editing.document_add(call=call, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                refusals.add_to_form(form, error)
            else:
                messages.success(request, _("The document is added to the call's page."))
                return redirect("calls:manage_documents", slug=slug)
    return render(request, "calls/manage/documents.html", {"call": call, "form": form,
                                                           "documents": list(call.documents.all())},
                  status=400 if form.errors else 200)


# --- The form builder -------------------------------------------------------------------------

def _move_or_delete(request, call, rows, move, delete, url_name):
    """The list screens' buttons: ``action`` "move" (with ``direction``) or "delete", on row ``id``."""
    pick, how = PickForm(request.POST), MoveForm(request.POST)
    row = rows.filter(pk=pick.cleaned_data["id"]).first() if pick.is_valid() else None
    if row is None:
        messages.error(request, _("This item is no longer there."))
        return redirect(url_name, slug=call.slug)
    try:
        if request.POST.get("action") == "delete":
            delete(row)
            messages.success(request, _("Removed."))
        elif how.is_valid():
            move(row, how.cleaned_data["direction"])
            messages.success(request, _("Moved."))
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    return redirect(url_name, slug=call.slug)


@login_required
def form_fields(request, slug):
    call = _managed_call(request, slug)
    if request.method == "POST":
        return _move_or_delete(
            request, call, FormField.objects.filter(call=call).select_related("call"),
            lambda row, direction: editing.field_move(field=row, by=request.user, direction=direction),
            lambda row: editing.field_delete(field=row, by=request.user), "calls:manage_form")
    return render(request, "calls/manage/form_fields.html", {
        "call": call, "fields": list(call.form_fields.all()), "published": call.status != CallStatus.DRAFT})


@login_required
def field_edit(request, slug, field_id=None):
    call = _managed_call(request, slug)
    field = None
    if field_id is not None:
        field = FormField.objects.filter(call=call, pk=field_id).first()
        if field is None:
            raise Http404
    initial = {} if field else {"required": call.status == CallStatus.DRAFT}
    form = FieldForm(request.POST or None, instance=field, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            editing.field_save(call=call, by=request.user, field=field, **form.values())
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The question is saved."))
            return redirect("calls:manage_form", slug=slug)
    return render(request, "calls/manage/field_edit.html", {
        "call": call, "field": field, "form": form, "published": call.status != CallStatus.DRAFT},
        status=400 if form.errors else 200)


@require_safe
@login_required
def form_preview(request, slug):
    call = _managed_call(request, slug)
    # Applicants to a call for organisations choose the one they apply for: shown with a stand-in.
    organisations = ([] if call.eligibility == Eligibility.PARTICIPANTS
                     else [SimpleNamespace(pk=0, name=_("The applicant's organisation"))])
    form = ApplicationForm(call=call, organisations=organisations)
    return render(request, "calls/manage/form_preview.html", {"call": call, "form": form, "files": {}})


# --- Criteria -----------------------------------------------------------------------------------

@login_required
def criteria(request, slug):
    call = _managed_call(request, slug)
    if request.method == "POST":
        return _move_or_delete(
            request, call, Criterion.objects.filter(call=call).select_related("call"),
            lambda row, direction: editing.criterion_move(criterion=row, by=request.user, direction=direction),
            lambda row: editing.criterion_delete(criterion=row, by=request.user), "calls:manage_criteria")
    rows = list(call.criteria.all())
    total = sum(row.weight for row in rows)
    for row in rows:
        row.share = round(row.weight * 100 / total) if total else 0
    return render(request, "calls/manage/criteria.html", {"call": call, "criteria": rows, "total": total,
                                                          "locked": call.status in editing.SCORING_STARTED})


@login_required
def criterion_edit(request, slug, criterion_id=None):
    call = _managed_call(request, slug)
    criterion = None
    if criterion_id is not None:
        criterion = Criterion.objects.filter(call=call, pk=criterion_id).first()
        if criterion is None:
            raise Http404
    form = CriterionForm(request.POST or None, instance=criterion)
    if request.method == "POST" and form.is_valid():
        try:
            editing.criterion_save(call=call, by=request.user, criterion=criterion, **form.values())
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The criterion is saved."))
            return redirect("calls:manage_criteria", slug=slug)
    return render(request, "calls/manage/criterion_edit.html", {"call": call, "criterion": criterion, "form": form},
                  status=400 if form.errors else 200)


# --- The jury -----------------------------------------------------------------------------------

@login_required
def jury(request, slug):
    call = _managed_call(request, slug)
    form = AppointForm()
    if request.method == "POST":
        if request.POST.get("action") == "remove":
            pick = PickForm(request.POST)
            person = (evaluation.evaluators_of(call).filter(pk=pick.cleaned_data["id"]).first()
                      if pick.is_valid() else None)
            if person is None:
                messages.error(request, _("This person is not an evaluator of this call."))
            else:
                evaluation.evaluator_remove(call=call, user=person, by=request.user)
                messages.success(request, _("%(name)s is no longer an evaluator of this call.") % {
                    "name": person.public_name})
            return redirect("calls:manage_jury", slug=slug)
        form = AppointForm(request.POST)
        if form.is_valid():
            person = get_user_model().objects.filter(email__iexact=form.cleaned_data["email"], is_active=True).first()
            if person is None:
                form.add_error("email", _("Nobody has an account with this e-mail address."))
            else:
                evaluation.evaluator_appoint(call=call, user=person, by=request.user)
                messages.success(request, _("%(name)s is an evaluator of this call.") % {"name": person.public_name})
                return redirect("calls:manage_jury", slug=slug)
    conflicts = (Conflict.objects.filter(application__call=call).select_related("evaluator", "application")
                 .order_by("-declared_at"))
    return render(request, "calls/manage/jury.html", {
        "call": call, "form": form, "evaluators": list(evaluation.evaluators_of(call)),
        "conflicts": list(conflicts), "identities": call.identities_visible(),
    }, status=400 if form.errors else 200)
