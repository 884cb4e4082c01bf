"""The pages of data collection campaigns (issue 19, point 2), under ``/<lang>/observatory/campaigns/``.

- A representative's list of campaigns (``campaign_list``), a campaign's page (``campaign_detail``: its
  introduction; for analysts its questions, status moves and every organisation's answer), and an
  organisation's answer (``answer``): a form for its representatives while it is theirs to change (save
  a draft, submit), the answers and the review forms (query back, accept) for the analysts.
- Its files (``answer_file``), from the private storage, to the same people only.
- The analysts' screens: a campaign's details (``campaign_edit``), its questions (``question_edit``,
  ``question_delete``) and status (``campaign_move``).

An organisation's answer is seen only by its representatives and the analysts: anyone else gets a 404,
whether the answer exists or not."""

import json
from decimal import InvalidOperation

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from civica.calls.form_engine import NUMERIC_KINDS, FieldKind
from civica.core import refusals
from civica.core.formatting import format_decimal
from civica.core.params import parse_int
from civica.network.models import Organisation

from ..models import AnswerFile, Campaign, CampaignQuestion, CampaignStatus
from . import selectors, services
from .forms import AcceptForm, AnswerForm, CampaignForm, MoveForm, QueryForm, QuestionForm, answer_data


def _private(response):
    response["Cache-Control"] = "private, no-store"
    return response


def _require_analyst(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("observatory.manage"):
        raise PermissionDenied(_("Only the observatory's analysts run campaigns."))
    return None


@require_safe
def campaign_list(request):
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user.has_perm("observatory.see_campaigns"):
        raise PermissionDenied(_("Data collection campaigns are answered by the representatives of the "
                                 "organisations they are sent to."))
    analyst = user.has_perm("observatory.manage")
    rows = selectors.campaigns_for(user, analyst=analyst)
    return _private(render(request, "observatory/campaigns/campaign_list.html",
                           {"rows": rows, "is_analyst": analyst}))


def _campaign_or_404(slug, user):
    campaign = get_object_or_404(Campaign, slug=slug)
    if campaign.status == CampaignStatus.DRAFT and not user.has_perm("observatory.manage"):
        raise Http404
    return campaign


@require_safe
def campaign_detail(request, slug):
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    campaign = _campaign_or_404(slug, user)
    analyst = user.has_perm("observatory.manage")
    mine = [row for row in selectors.campaigns_for(user, analyst=False) if row.campaign.pk == campaign.pk]
    if not analyst and not mine:
        raise Http404
    context = {"campaign": campaign, "is_analyst": analyst, "mine": mine[0].organisations if mine else []}
    if analyst:
        context.update(questions=list(campaign.questions.select_related("indicator")),
                       review=selectors.review_rows(campaign),
                       moves=[(status, CampaignStatus(status).label) for status in campaign.next_statuses()])
    return _private(render(request, "observatory/campaigns/campaign_detail.html", context))


def _answer_or_404(request, slug, organisation_slug):
    campaign = _campaign_or_404(slug, request.user)
    organisation = get_object_or_404(Organisation, slug=organisation_slug)
    return services.answer_for(campaign=campaign, organisation=organisation, by=request.user)


def _shown(question, value) -> str:
    """An answer as read on the page: numbers in the page's language; a draft's invalid value as typed."""
    if value is None or value == "" or value == []:
        return ""
    if question.kind in NUMERIC_KINDS:
        try:
            return format_decimal(value, None if question.kind == FieldKind.NUMBER else 2)
        except (InvalidOperation, TypeError, ValueError):
            return str(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _answer_context(request, answer, form, questions, files):
    user = request.user
    reviewer = user.has_perm("observatory.manage")
    context = {"campaign": answer.campaign, "answer": answer, "organisation": answer.organisation, "form": form,
               "questions": questions, "files": files, "is_analyst": reviewer,
               "can_fill": user.has_perm("observatory.fill_answer", answer),
               "can_review": user.has_perm("observatory.review_answer", answer),
               "rows": [(question, _shown(question, answer.answers.get(question.key)), files.get(question.key))
                        for question in questions]}
    if form is not None:
        context["fields"] = [(form[question.key], question, files.get(question.key)) for question in questions]
    if context["can_review"]:
        context["query_form"] = QueryForm(campaign=answer.campaign, initial={"seen_status": answer.status})
        context["accept_form"] = AcceptForm(initial={"seen_status": answer.status, "value_status": answer.value_status})
    return context


@require_http_methods(["GET", "HEAD", "POST"])
def answer(request, slug, organisation_slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    answer = _answer_or_404(request, slug, organisation_slug)
    campaign = answer.campaign
    questions = list(campaign.questions.select_related("indicator"))
    files = {stored.question_key: stored for stored in answer.files.all()}
    can_fill = request.user.has_perm("observatory.fill_answer", answer)
    status = 200
    if request.method == "POST":
        form = AnswerForm(request.POST, request.FILES, campaign=campaign, questions=questions,
                          existing_files=files, strict=False)
        form.is_valid()
        try:
            services.answer_save_draft(answer=answer, by=request.user, answers=form.answers(),
                                                uploads=form.uploads(), base=form.cleaned_data.get("base"))
        except (PermissionDenied, ValidationError) as error:
            refusals.add_to_form(form, error)
            return _private(render(request, "observatory/campaigns/answer.html",
                                   _answer_context(request, answer, form, questions, files), status=409))
        if "submit" not in request.POST:
            if form.errors:
                messages.warning(request, _("Your draft is saved, with what you typed. Some answers need "
                                            "correcting before you submit: they are marked below."))
            else:
                messages.success(request, _("Your draft is saved."))
            return redirect(answer.get_absolute_url())
        try:
            services.answer_submit(answer=answer, by=request.user)
        except (PermissionDenied, ValidationError) as error:
            files = {stored.question_key: stored for stored in answer.files.all()}
            form = AnswerForm(answer_data(questions, answer.answers), campaign=campaign, questions=questions,
                              existing_files=files, strict=True)
            form.is_valid()
            if not form.errors:
                refusals.add_to_form(form, error)
            messages.error(request, _("Your answer is saved but not submitted: please correct what is marked "
                                      "below."))
            can_fill, status = True, 400
        else:
            messages.success(request, _("Your answer is submitted. The centre's analysts will review it."))
            return redirect(answer.get_absolute_url())
    elif can_fill:
        form = AnswerForm(answer_data(questions, answer.answers) if answer.answers else None, campaign=campaign,
                          questions=questions, existing_files=files, strict=False)
        if form.is_bound:
            form.is_valid()
    else:
        form = None
    if form is not None:
        form.fields["base"].initial = json.dumps(answer.answers)
        if form.is_bound:
            form.data = form.data.copy()
            form.data["base"] = json.dumps(answer.answers)
    return _private(render(request, "observatory/campaigns/answer.html",
                           _answer_context(request, answer, form, questions, files), status=status))


@require_safe
def answer_file(request, slug, organisation_slug, key):
    """An answer's file, from the private storage, as an attachment under a neutral name."""
    if not request.user.is_authenticated:
        raise Http404
    answer = _answer_or_404(request, slug, organisation_slug)
    stored = get_object_or_404(AnswerFile, answer=answer, question_key=key)
    extension = stored.file.name.rsplit(".", 1)[-1]
    response = FileResponse(stored.file.open("rb"), as_attachment=True, content_type=stored.content_type,
                            filename=f"{answer.campaign.slug}-{answer.organisation.slug}-{key}.{extension}")
    return _private(response)


@require_POST
def answer_query(request, slug, organisation_slug):
    if not request.user.is_authenticated:
        raise Http404
    answer = _answer_or_404(request, slug, organisation_slug)
    form = QueryForm(request.POST, campaign=answer.campaign)
    if form.is_valid():
        try:
            services.answer_query(answer=answer, by=request.user, question=form.cleaned_data["question"],
                                           message=form.cleaned_data["message"],
                                           seen_status=form.cleaned_data["seen_status"])
        except (PermissionDenied, ValidationError) as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The answer went back to the organisation with your question; its "
                                        "representatives are e-mailed."))
            return redirect(answer.get_absolute_url())
    questions = list(answer.campaign.questions.select_related("indicator"))
    files = {stored.question_key: stored for stored in answer.files.all()}
    context = _answer_context(request, answer, None, questions, files)
    context["query_form"] = form
    return _private(render(request, "observatory/campaigns/answer.html", context, status=400))


@require_POST
def answer_accept(request, slug, organisation_slug):
    if not request.user.is_authenticated:
        raise Http404
    answer = _answer_or_404(request, slug, organisation_slug)
    form = AcceptForm(request.POST)
    if form.is_valid():
        try:
            services.answer_accept(answer=answer, by=request.user,
                                            value_status=form.cleaned_data["value_status"],
                                            seen_status=form.cleaned_data["seen_status"])
        except (PermissionDenied, ValidationError) as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The answer is accepted; its figures are the organisation's values for "
                                        "%(year)s.") % {"year": answer.campaign.year})
            return redirect(answer.get_absolute_url())
    questions = list(answer.campaign.questions.select_related("indicator"))
    files = {stored.question_key: stored for stored in answer.files.all()}
    context = _answer_context(request, answer, None, questions, files)
    context["accept_form"] = form
    return _private(render(request, "observatory/campaigns/answer.html", context, status=400))


# Analysts' screens.

@require_http_methods(["GET", "HEAD", "POST"])
def campaign_edit(request, slug=None):
    refused = _require_analyst(request)
    if refused:
        return refused
    campaign = get_object_or_404(Campaign, slug=slug) if slug else None
    form = CampaignForm(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.campaign_save(by=request.user, campaign=campaign, **form.values())
        except (PermissionDenied, ValidationError) as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The campaign is saved."))
            return redirect(saved.get_absolute_url())
    return _private(render(request, "observatory/campaigns/campaign_edit.html", {"form": form, "campaign": campaign},
                           status=400 if form.errors else 200))


@require_POST
def campaign_move(request, slug):
    refused = _require_analyst(request)
    if refused:
        return refused
    campaign = get_object_or_404(Campaign, slug=slug)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect(campaign.get_absolute_url())
    try:
        services.campaign_move(campaign=campaign, to=form.cleaned_data["to"], by=request.user)
    except (PermissionDenied, ValidationError) as error:
        refusals.show_refusal(request, error)
    else:
        messages.success(request, _("The campaign's status is changed."))
    return redirect(campaign.get_absolute_url())


def _question_or_404(campaign, question_id):
    if parse_int(str(question_id), minimum=1) is None:  # beyond 64 bits: no such row
        raise Http404
    return get_object_or_404(CampaignQuestion, pk=question_id, campaign=campaign)


@require_http_methods(["GET", "HEAD", "POST"])
def question_edit(request, slug, question_id=None):
    refused = _require_analyst(request)
    if refused:
        return refused
    campaign = get_object_or_404(Campaign, slug=slug)
    question = _question_or_404(campaign, question_id) if question_id else None
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_save(by=request.user, campaign=campaign, question=question, **form.values())
        except (PermissionDenied, ValidationError) as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The question is saved."))
            return redirect(campaign.get_absolute_url())
    return _private(render(request, "observatory/campaigns/question_edit.html",
                           {"form": form, "campaign": campaign, "question": question},
                           status=400 if form.errors else 200))


@require_POST
def question_delete(request, slug, question_id):
    refused = _require_analyst(request)
    if refused:
        return refused
    campaign = get_object_or_404(Campaign, slug=slug)
    question = _question_or_404(campaign, question_id)
    try:
        services.question_delete(by=request.user, question=question)
    except (PermissionDenied, ValidationError) as error:
        refusals.show_refusal(request, error)
    else:
        messages.success(request, _("The question is deleted."))
    return redirect(campaign.get_absolute_url())
