"""The staff's screens for the bodies (``/network/bodies/manage/…``): the bodies listed, a body's form
with its seats (each with its current and past terms), and forms to add a seat, start and end a term,
link a meeting with its agenda, record a decision and an objective with its assessment.
Anonymous visitors log in first; others without ``governance.manage_bodies`` get a 403 that says why. A
refused save shows the form again with everything typed and the reasons beside the fields."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.forms import save_posted

from . import selectors, services
from .forms import BodyForm, BodyMeetingForm, DecisionForm, ObjectiveForm, SeatForm, TermEndForm, TermForm
from .models import Body, BodyMeeting, BodyObjective, Decision, Seat, Term

staff_only = refusals.permission_required("governance.manage_bodies",
                                          gettext_lazy("The bodies are kept by the centre's editors."))




def _form_page(request, form, *, body, title, row=None, delete_url=None):
    return render(request, "governance/manage/form.html", {
        "form": form, "body": body, "title": title, "row": row, "delete_url": delete_url})


def _back(body):
    return redirect("governance:manage_body", slug=body.slug)


@require_safe
@staff_only
def bodies(request):
    return render(request, "governance/manage/body_list.html", {"bodies": selectors.manage_bodies()})


def _body_form(request, body):
    form = BodyForm(request.POST or None, instance=body or Body())
    saved = save_posted(request, form, lambda data: services.body_save(body=body, by=request.user, **data),
                        _("The body is saved."))
    if saved:
        return redirect("governance:manage_body", slug=saved.slug)
    context = {"form": form, "body": body}
    if body is not None:
        context["detail"] = selectors.body_detail(body.slug)
    return render(request, "governance/manage/body_form.html", context)


@staff_only
def body_new(request):
    return _body_form(request, None)


@staff_only
def body_edit(request, slug):
    return _body_form(request, get_object_or_404(Body, slug=slug))


@staff_only
def seat_new(request, slug):
    body = get_object_or_404(Body, slug=slug)
    form = SeatForm(request.POST or None, initial={"position": services.next_seat_position(body)})
    if save_posted(request, form, lambda data: services.seat_save(body=body, by=request.user, **data),
                   _("The seat is added.")):
        return _back(body)
    return _form_page(request, form, body=body, title=_("New seat"))


@staff_only
def seat_edit(request, slug, pk):
    seat = get_object_or_404(Seat.objects.select_related("body"), pk=pk, body__slug=slug)
    form = SeatForm(request.POST or None, instance=seat)
    if save_posted(request, form, lambda data: services.seat_save(seat=seat, body=seat.body, by=request.user, **data),
                   _("The seat is saved.")):
        return _back(seat.body)
    return _form_page(request, form, body=seat.body, title=_("Seat"), row=seat,
                      delete_url=("governance:manage_seat_delete", seat.pk))


@staff_only
def term_new(request, slug, pk):
    seat = get_object_or_404(Seat.objects.select_related("body"), pk=pk, body__slug=slug)
    form = TermForm(request.POST or None)
    if save_posted(request, form, lambda data: services.term_start(seat=seat, by=request.user, **form.term_fields()),
                   _("The term is recorded.")):
        return _back(seat.body)
    return _form_page(request, form, body=seat.body, title=_("New term: %(seat)s") % {
        "seat": seat.get_role_display()})


@staff_only
def term_end(request, slug, pk):
    term = get_object_or_404(Term.objects.select_related("seat__body"), pk=pk, seat__body__slug=slug)
    form = TermEndForm(request.POST or None, initial={"ends_on": term.ends_on})
    if save_posted(request, form, lambda data: services.term_end(term=term, by=request.user, **data),
                   _("The term's end is recorded.")):
        return _back(term.seat.body)
    return _form_page(request, form, body=term.seat.body, title=_("End the term of %(name)s") % {
        "name": term.holder_name or _("a former holder")})


def _meeting_form(request, body, link):
    form = BodyMeetingForm(request.POST or None, instance=link or BodyMeeting(body=body))
    if save_posted(request, form,
                   lambda data: services.body_meeting_save(link=link, body=body, by=request.user, **data),
                   _("The meeting is linked to the body.")):
        return _back(body)
    return _form_page(request, form, body=body, title=_("Meeting of the body"), row=link,
                      delete_url=("governance:manage_meeting_delete", link.pk) if link else None)


@staff_only
def meeting_new(request, slug):
    return _meeting_form(request, get_object_or_404(Body, slug=slug), None)


@staff_only
def meeting_edit(request, slug, pk):
    link = get_object_or_404(BodyMeeting.objects.select_related("body"), pk=pk, body__slug=slug)
    return _meeting_form(request, link.body, link)


def _decision_form(request, body, decision):
    form = DecisionForm(request.POST or None, instance=decision or Decision(body=body), body=body)
    if save_posted(request, form, lambda data: services.decision_save(decision=decision, body=body, by=request.user,
                                                                      **data),
                   _("The decision is saved.")):
        return _back(body)
    return _form_page(request, form, body=body, title=_("Decision"), row=decision,
                      delete_url=("governance:manage_decision_delete", decision.pk) if decision else None)


@staff_only
def decision_new(request, slug):
    return _decision_form(request, get_object_or_404(Body, slug=slug), None)


@staff_only
def decision_edit(request, slug, pk):
    decision = get_object_or_404(Decision.objects.select_related("body"), pk=pk, body__slug=slug)
    return _decision_form(request, decision.body, decision)


def _objective_form(request, body, objective):
    form = ObjectiveForm(request.POST or None, instance=objective or BodyObjective(body=body))
    if save_posted(request, form, lambda data: services.objective_save(objective=objective, body=body, by=request.user,
                                                                       **data),
                   _("The objective is saved.")):
        return _back(body)
    return _form_page(request, form, body=body, title=_("Objective"), row=objective,
                      delete_url=("governance:manage_objective_delete", objective.pk) if objective else None)


@staff_only
def objective_new(request, slug):
    return _objective_form(request, get_object_or_404(Body, slug=slug), None)


@staff_only
def objective_edit(request, slug, pk):
    objective = get_object_or_404(BodyObjective.objects.select_related("body"), pk=pk, body__slug=slug)
    return _objective_form(request, objective.body, objective)


def _delete(request, model, slug, pk, done):
    row = get_object_or_404(model.objects.select_related("body"), pk=pk, body__slug=slug)
    try:
        services.row_delete(row=row, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, done)
    return _back(row.body)


@require_POST
@staff_only
def seat_delete(request, slug, pk):
    return _delete(request, Seat, slug, pk, _("The seat is removed."))


@require_POST
@staff_only
def meeting_delete(request, slug, pk):
    return _delete(request, BodyMeeting, slug, pk, _("The meeting is no longer linked to the body."))


@require_POST
@staff_only
def decision_delete(request, slug, pk):
    return _delete(request, Decision, slug, pk, _("The decision is deleted."))


@require_POST
@staff_only
def objective_delete(request, slug, pk):
    return _delete(request, BodyObjective, slug, pk, _("The objective is deleted."))
