"""The public and applicants' pages of calls: the list and a call's page with its questions, applying, the
application (drafts, submission, withdrawal, reopening), receipts as HTML and PDF, and files.

What was typed is never lost: a session that expired while typing keeps it (stashed in the session,
given back after log-in), and so does a draft save refused because the application was submitted
meanwhile. Files are kept in the private storage under random names (PDFs without their metadata) and
served only here, as attachments named ``<code>-<field>.<ext>`` (never the uploader's file name), and
never to an evaluator of a blind call for a field hidden in blind review.

A call's page is one kept page for everyone who may read it (core/page_cache.py ``shared_page``): where
the person stands with the call and the question form are filled in by parts.py."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.page_cache import shared_page, write_scope
from civica.queue.responses import pdf_response

from . import selectors, services
from .application_form import ApplicationForm, answers_to_data
from .eligibility import eligible_organisations
from .forms import QuestionForm
from .models import Application, ApplicationFile, CallKind, CallStatus, Submission
from .outcomes import call_outcomes
from .receipts import receipt_html
from .tasks import receipt_document_name

PENDING_KEY = "calls:pending:{slug}"
# A call's page and the applicants' writes on it (questions, applications) share a page-cache scope
# (core/page_cache.py): an application saved leaves every other call's kept page current.
CALL_SCOPE = ("call", "slug")


def _call_or_404(slug, user):
    call = selectors.call_for_page(slug)
    if call is None or not user.has_perm("calls.read_call", call):
        raise Http404
    return call


@require_safe
def call_list(request):
    kind = request.GET.get("kind") if request.GET.get("kind") in CallKind.values else None
    state = request.GET.get("state") if request.GET.get("state") in selectors.CallFilter.ALL else None
    return render(request, "calls/call_list.html", {
        "calls": selectors.call_list(user=request.user, kind=kind, state=state),
        "kinds": CallKind.choices, "kind": kind, "state": state,
    })


@shared_page(scope=CALL_SCOPE)
@require_safe
def call_detail(request, slug):
    """The same page for everyone who may read the call; where the person stands with it and the
    question form are its personal parts (parts.py). A draft call, which only editors read, is not
    shared: a visitor's render of it is a 404, so each editor gets their own render."""
    call = _call_or_404(slug, request.user)
    return render(request, "calls/call_detail.html", {
        "call": call,
        "funded": selectors.funded_applications(call) if call.status == CallStatus.RESULTS_PUBLISHED else None,
        # What the call leads to when an app above gives it an outcome (a seat and a term): outcomes.py.
        "outcomes": call_outcomes.describe(call),
    })


@write_scope(*CALL_SCOPE)
@require_POST
def ask_question(request, slug):
    call = _call_or_404(slug, request.user)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write your question (at most 2,000 characters)."))
    else:
        try:
            services.question_ask(call=call, by=request.user, text=form.cleaned_data["question"])
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("Your question was sent. The answer will be published on this page."))
    return redirect(call.get_absolute_url() + "#questions")


@write_scope(*CALL_SCOPE)
@require_POST
def apply(request, slug):
    call = _call_or_404(slug, request.user)
    if not request.user.is_authenticated:
        return redirect_to_login(call.get_absolute_url())
    try:
        services.application_start(call=call, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
        return redirect(call.get_absolute_url())
    return redirect("calls:application", slug=call.slug)


def _application_form(request, call, application, data=None, files=None, strict=False):
    existing = set(application.files.values_list("field_key", flat=True))
    return ApplicationForm(data, files, call=call, organisations=eligible_organisations(application.applicant, call),
                           existing_files=existing, strict=strict)


@write_scope(*CALL_SCOPE)
def application(request, slug):
    """The applicant's own application: edit and save the draft, submit, see what was submitted."""
    call = _call_or_404(slug, request.user)
    if not request.user.is_authenticated:
        if request.method == "POST":
            # The session expired while typing: keep what was typed and give it back after log-in.
            request.session[PENDING_KEY.format(slug=slug)] = {key: request.POST.getlist(key) for key in request.POST
                                                              if key != "csrfmiddlewaretoken"}
            messages.warning(request, _("You were logged out. Log in again: what you typed is kept."))
        return redirect_to_login(request.get_full_path())
    own = get_object_or_404(Application.objects.select_related("call", "organisation"), call=call,
                            applicant=request.user)
    pending = request.session.pop(PENDING_KEY.format(slug=slug), None)
    form = None
    if request.method == "POST" or pending:
        data = request.POST if request.method == "POST" else _as_querydict(pending)
        form = _application_form(request, call, own, data, request.FILES)
        form.is_valid()
        try:
            services.application_save_draft(application=own, by=request.user, **form.draft_data())
        except PermissionDenied as refused:
            refusals.show_refusal(request, refused)
            own.refresh_from_db()
            if not request.user.has_perm("calls.reopen_application", own):
                return redirect("calls:application", slug=slug)
            # Submitted from another tab meanwhile: nothing typed is lost. It is shown again, and kept
            # to be saved into the draft as soon as the application is reopened.
            request.session[PENDING_KEY.format(slug=slug)] = {
                key: data.getlist(key) for key in data if key not in ("csrfmiddlewaretoken", "save", "submit")} | {
                "_unsaved": ["1"]}
            messages.info(request, _("What you typed is shown below and kept: reopen the application to change "
                                     "it, and it will be saved into the draft."))
            return _application_page(request, call, own, form, unsaved=True)
        if pending and "_unsaved" in pending:
            messages.success(request, _("What you typed before the application was reopened is restored and saved."))
        elif pending:
            messages.success(request, _("What you typed before logging out is restored and saved."))
        elif "submit" in request.POST and not form.errors:
            try:
                services.application_submit(application=own, by=request.user)
            except refusals.REFUSALS as refused:
                refusals.show_refusal(request, refused)
            else:
                messages.success(request, _("Your application is submitted. The receipt is on its way by e-mail."))
            return redirect("calls:application", slug=slug)
        elif form.errors:
            # Saved as typed; show the same page with the answers that need attention marked.
            messages.warning(request, _("Your draft is saved. Some answers need attention before you submit."))
        else:
            messages.success(request, _("Your draft is saved."))
            return redirect("calls:application", slug=slug)
    if form is None or not form.errors:
        form = _application_form(request, call, own, answers_to_data(call, own))
    return _application_page(request, call, own, form)


def _application_page(request, call, own, form, unsaved=False):
    return render(request, "calls/application.html", {
        "call": call, "application": own, "form": form, "unsaved": unsaved,
        "checklist": selectors.completeness(own),
        "files": {file.field_key: file for file in own.files.all()},
        "can_edit": request.user.has_perm("calls.edit_application", own),
        "can_withdraw": request.user.has_perm("calls.withdraw_application", own),
        "submissions": own.submissions.all(),
    })


def _as_querydict(pending):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, values in pending.items():
        data.setlist(key, values)
    return data


@write_scope(*CALL_SCOPE)
@require_POST
def application_action(request, slug, action):
    call = _call_or_404(slug, request.user)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("calls:application", args=[slug]))
    own = get_object_or_404(Application, call=call, applicant=request.user)
    try:
        if action == "withdraw":
            services.application_withdraw(application=own, by=request.user)
            messages.success(request, _("Your application is withdrawn. You may reopen it before the deadline."))
        else:
            services.application_reopen(application=own, by=request.user)
            messages.success(request, _("Your application is a draft again: change it and submit it again."))
    except PermissionDenied as refused:
        refusals.show_refusal(request, refused)
    return redirect("calls:application", slug=slug)


def _submission_or_404(request, slug, reference, version):
    submission = (Submission.objects.filter(application__call__slug=slug, application__reference=reference,
                                            version=version)
                  .select_related("application__call", "application__applicant").first())
    if submission is None or not request.user.has_perm("calls.read_application", submission.application):
        raise Http404
    return submission


@require_safe
def receipt(request, slug, reference, version):
    submission = _submission_or_404(request, slug, reference, version)
    return HttpResponse(receipt_html(submission, request))


@require_safe
def receipt_pdf_view(request, slug, reference, version):
    submission = _submission_or_404(request, slug, reference, version)
    return pdf_response(request, name=receipt_document_name(submission), html=receipt_html(submission),
                                  filename=f"{reference}-v{version}.pdf")


def _may_download(user, stored) -> bool:
    """The applicant and editors get every file; an evaluator only the files of an application they
    review, and in a blind call, until the ranking is locked, never the file of a field hidden from
    the jury (an identifying field): the review page leaves those out, and so does this address."""
    application = stored.application
    if user.has_perm("calls.read_application", application):
        return True
    if not user.has_perm("calls.review_application", application):
        return False
    if application.call.identities_visible():
        return True
    field = application.call.form_fields.filter(key=stored.field_key).first()
    return field is not None and not field.hidden_in_blind_review()


@require_safe
def application_file(request, slug, file_id):
    """Files come from the private storage, only through this view, as an attachment under a
    neutral name: the uploader's file name never shows."""
    stored = get_object_or_404(ApplicationFile.objects.select_related("application__call"), pk=file_id,
                               application__call__slug=slug)
    application = stored.application
    if not _may_download(request.user, stored):
        raise Http404
    extension = stored.file.name.rsplit(".", 1)[-1]
    response = FileResponse(stored.file.open("rb"), as_attachment=True, content_type=stored.content_type,
                            filename=f"{application.code}-{stored.field_key}.{extension}")
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def my_applications(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    applications = Application.objects.filter(applicant=request.user).select_related("call").order_by("-created_at")
    return render(request, "calls/my_applications.html", {"applications": applications})
