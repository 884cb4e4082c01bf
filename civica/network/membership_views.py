"""Joining the centre (issue 18, point 2): "Become a member" (``/network/membership/``: what membership
means and how the General Assembly decides; the application form for signed-in, verified people),
"My applications" (``/network/membership/applications/``, with withdrawing) and the reviewers' screens
(``/network/membership/review/``: the applications by status, paginated; one application with its review
actions and the General Assembly's decision to record). Reviewers are the staff who keep the network and
whoever ``registry.reviewer_checks`` names (the Board of Directors). A refused or invalid form is shown
again with everything typed; submissions are rate-limited per person (``membership_application``)."""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from civica.core import refusals
from civica.core.params import page_param

from . import selectors, services
from .forms import MembershipAcceptForm, MembershipApplicationForm, MembershipRejectForm
from .models import ApplicationStatus, MembershipApplication

APPLICATIONS_PER_PAGE = 25

reviewers_only = refusals.permission_required("network.review_membership_applications",
                                              services.REVIEWERS_ONLY)


@require_http_methods(["GET", "HEAD", "POST"])
def membership(request):
    user = request.user
    can_apply = user.has_perm("network.apply_for_membership")
    form = None
    if can_apply:
        form = MembershipApplicationForm(request.POST if request.method == "POST" else None,
                                         partners=selectors.partners_represented(user))
    elif request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        refusals.check(user, "network.apply_for_membership")
    if form is not None and form.is_bound:
        refused = ratelimit.consume_or_429(request, action="membership_application")
        if refused is not None:
            return refused
        if form.is_valid():
            try:
                application = services.membership_application_submit(by=user, **form.application_fields())
            except ValidationError as error:
                refusals.add_to_form(form, error)
            except refusals.Refused as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your application is received. The centre's staff and the Board of "
                                            "Directors review it, and the General Assembly of Members decides: we "
                                            "will e-mail you the decision."))
                return redirect(f"{reverse('network:my_membership_applications')}#application-{application.pk}")
    return render(request, "network/membership.html", {
        "form": form, "can_apply": can_apply, "can_review": user.has_perm("network.review_membership_applications"),
        "has_applications": user.is_authenticated and selectors.my_membership_applications(user=user).exists(),
    }, status=400 if form is not None and form.errors else 200)


@require_safe
def my_membership_applications(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    applications = list(selectors.my_membership_applications(user=request.user))
    for application in applications:
        application.can_withdraw = request.user.has_perm("network.withdraw_membership_application", application)
    return render(request, "network/my_membership_applications.html", {"applications": applications})


def _application_or_404(user, pk) -> MembershipApplication:
    """The application when ``user`` may see it; "not found" alike for a missing one and someone else's."""
    application = (MembershipApplication.objects.select_related("applicant", "organisation", "decided_by")
                   .filter(pk=pk).first())
    if application is None or not user.has_perm("network.see_membership_application", application):
        raise Http404
    return application


@require_POST
def membership_application_withdraw(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("network:my_membership_applications"))
    application = _application_or_404(request.user, pk)
    try:
        services.membership_application_withdraw(application=application, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, _("Your application is withdrawn."))
    return redirect("network:my_membership_applications")


@require_safe
@reviewers_only
def membership_review_list(request):
    status = request.GET.get("status") or None
    status = status if status in ApplicationStatus.values else None
    page = Paginator(selectors.membership_applications_to_review(status=status),
                     APPLICATIONS_PER_PAGE).get_page(page_param(request.GET))
    return render(request, "network/manage/membership_application_list.html", {
        "page": page, "applications": page.object_list, "statuses": ApplicationStatus.choices,
        "selected_status": status, "counts": selectors.membership_application_counts(),
    })


def _detail(request, application, *, accept_form=None, reject_form=None, status=200):
    user = request.user
    return render(request, "network/manage/membership_application_detail.html", {
        "application": application,
        "can_review": user.has_perm(application.permission_to(ApplicationStatus.UNDER_REVIEW) or "-", application),
        "can_decide": user.has_perm(application.permission_to(ApplicationStatus.ACCEPTED) or "-", application),
        "accept_form": accept_form or MembershipAcceptForm(),
        "reject_form": reject_form or MembershipRejectForm(),
    }, status=status)


@require_safe
@reviewers_only
def membership_review_detail(request, pk):
    return _detail(request, _application_or_404(request.user, pk))


@require_POST
@reviewers_only
def membership_review_start(request, pk):
    application = _application_or_404(request.user, pk)
    try:
        services.membership_application_review(application=application, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, _("The application is under review: record the General Assembly's decision "
                                    "when it is taken."))
    return redirect("network:membership_review_detail", pk=application.pk)


def _decide(request, pk, *, form_class, decide, success, form_name):
    application = _application_or_404(request.user, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            decide(application, form.cleaned_data)
        except ValidationError as error:
            refusals.add_to_form(form, error)
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
            return redirect("network:membership_review_detail", pk=application.pk)
        else:
            messages.success(request, success)
            return redirect("network:membership_review_detail", pk=application.pk)
    return _detail(request, application, status=400, **{form_name: form})


@require_POST
@reviewers_only
def membership_review_accept(request, pk):
    return _decide(request, pk, form_class=MembershipAcceptForm, form_name="accept_form",
                   decide=lambda application, data: services.membership_application_accept(
                       application=application, decided_on=data["decided_on"], note=data["note"], by=request.user),
                   success=_("The application is accepted: the organisation is a member and the applicant its "
                             "representative. They are told by e-mail."))


@require_POST
@reviewers_only
def membership_review_reject(request, pk):
    return _decide(request, pk, form_class=MembershipRejectForm, form_name="reject_form",
                   decide=lambda application, data: services.membership_application_reject(
                       application=application, decided_on=data["decided_on"], reason=data["reason"],
                       note=data["note"], by=request.user),
                   success=_("The application is rejected; the applicant is told why by e-mail."))
