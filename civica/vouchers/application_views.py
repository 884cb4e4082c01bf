"""Residents apply online for a voucher, and the programme's staff decide.

- ``apply`` (``/vouchers/apply/<programme>/``): the programme's eligibility questions (calls' form engine).
  "Save draft" keeps what was typed; "Submit" checks everything, and a refused submission is kept as a draft
  with the reasons beside the answers. Afterwards the page shows the application's status, the reason of a
  refusal, and once approved the link to the voucher's page. One application per person and programme.
- ``application_withdraw``: the applicant withdraws it until it is decided.
- ``applications`` and ``application_review``: the programme's staff list the applications and approve one
  (a beneficiary record and a voucher within the budget) or refuse it with a reason the applicant is told."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.params import parse_int

from . import selectors, services
from .forms import ApplicationForm, RefuseForm, answers_data
from .models import ApplicationStatus, VoucherProgramme


def apply(request, slug):
    programme = get_object_or_404(VoucherProgramme.objects.public().select_related("programme"), slug=slug)
    application = (selectors.application_of(request.user, programme) if request.user.is_authenticated else None)
    if application is None and not request.user.has_perm("vouchers.apply", programme):
        if not programme.accepts_applications:
            raise Http404(_("This programme takes no applications online."))
        return render(request, "vouchers/apply.html", {"programme": programme, "refused": True}, status=403)
    questions = list(programme.questions.all())
    status = 200
    if request.method == "POST" and request.POST.get("action") in {"save", "submit"}:
        submitting = request.POST["action"] == "submit"
        try:
            application = application or services.application_start(programme=programme, by=request.user)
            form = ApplicationForm(request.POST, questions=questions, strict=submitting)
            if submitting and form.is_valid():
                services.application_submit(application=application, answers=form.answers(), by=request.user)
                messages.success(request, _("Your application is submitted. You will be told the decision by "
                                            "e-mail."))
                return redirect("vouchers:apply", slug=slug)
            # A draft, or a submission that did not pass: everything typed is kept as a draft.
            draft = ApplicationForm(request.POST, questions=questions, strict=False)
            draft.is_valid()
            services.application_save(application=application, answers=draft.answers(), by=request.user)
        except (ValidationError, PermissionDenied) as error:
            refusals.show_refusal(request, error)
            return redirect("vouchers:apply", slug=slug)
        if not submitting:
            messages.success(request, _("Your draft is saved."))
            return redirect("vouchers:apply", slug=slug)
        status = 400
    else:
        initial = answers_data(questions, application.answers) if application is not None else None
        form = ApplicationForm(initial, questions=questions, strict=False) if initial else ApplicationForm(
            questions=questions)
        if initial:
            form.is_valid()  # shows what a saved draft still needs, as a draft would accept it
    editable = application is None or request.user.has_perm("vouchers.edit_application", application)
    return render(request, "vouchers/apply.html", {
        "programme": programme, "application": application, "form": form if editable else None,
        "voucher": selectors.voucher_of_application(application),
        "can_withdraw": application is not None and request.user.has_perm("vouchers.withdraw_application",
                                                                          application),
    }, status=status)


@require_POST
@login_required
def application_withdraw(request, slug):
    programme = get_object_or_404(VoucherProgramme, slug=slug)
    application = selectors.application_of(request.user, programme)
    if application is None:
        raise Http404(_("You have no application to this programme."))
    try:
        services.application_withdraw(application=application, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        refusals.show_refusal(request, error)
    else:
        messages.success(request, _("Your application is withdrawn."))
    return redirect("vouchers:apply", slug=slug)


def _answer_text(value):
    """A stored answer as the staff read it (None: not answered)."""
    if value in (None, "", []):
        return None
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _staff_programme(request, slug):
    programme = get_object_or_404(VoucherProgramme, slug=slug)
    if not request.user.has_perm("vouchers.review_applications", programme):
        raise PermissionDenied(_("Only the programme's staff see its applications."))
    return programme


@require_safe
@login_required
def applications(request, slug):
    programme = _staff_programme(request, slug)
    wanted = request.GET.get("status", ApplicationStatus.SUBMITTED)
    if wanted not in ApplicationStatus.values:
        wanted = ApplicationStatus.SUBMITTED
    return render(request, "vouchers/applications.html", {
        "programme": programme, "applications": selectors.applications_for(programme, wanted), "wanted": wanted,
        "statuses": ApplicationStatus.choices, "counts": selectors.application_counts(programme),
    })


@login_required
def application_review(request, slug, pk):
    programme = _staff_programme(request, slug)
    pk = parse_int(str(pk), minimum=1)
    application = pk and selectors.application_for_review(programme, pk)
    if not application:
        raise Http404(_("No application of this programme has this number."))
    refuse_form = RefuseForm(request.POST if request.POST.get("action") == "refuse" else None)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "approve":
                voucher = services.application_approve(application=application, by=request.user)
                messages.success(request, _("Approved: voucher issued to %(reference)s and e-mailed.") % {
                    "reference": voucher.beneficiary.reference})
                return redirect("vouchers:applications", slug=slug)
            if action == "refuse" and refuse_form.is_valid():
                services.application_refuse(application=application, reason=refuse_form.cleaned_data["reason"],
                                            by=request.user)
                messages.success(request, _("Refused: the applicant is told why by e-mail."))
                return redirect("vouchers:applications", slug=slug)
        except (ValidationError, PermissionDenied) as error:
            if action == "refuse":
                refusals.add_to_form(refuse_form, error)
            else:
                refusals.show_refusal(request, error)
                return redirect("vouchers:application_review", slug=slug, pk=application.pk)
        status = 400
    questions = list(programme.questions.all())
    return render(request, "vouchers/application_review.html", {
        "programme": programme, "application": application, "refuse_form": refuse_form,
        "answers": [(question, _answer_text(application.answers.get(question.key))) for question in questions],
        "can_decide": request.user.has_perm("vouchers.review_application", application),
    }, status=status)
