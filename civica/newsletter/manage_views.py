"""The editors' campaign screens (``/newsletter/manage/…``): the list, a campaign's page (its blocks
with move up / move down / remove buttons, a form to add one, the schedule form, send now, cancel, a
test to oneself, the deliveries counted), creating and editing it, editing a block, and the preview in
both languages (the e-mail's HTML exactly as sent, in a frame of its own, and its text part). Plain
forms and links: nothing needs JavaScript. A refused form is shown again with what was typed."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.params import page_param

from . import selectors, services
from .forms import BlockForm, CampaignForm, CampaignScheduleForm
from .mail import render_campaign
from .models import Block

PER_PAGE = 25


def editors_only(view):
    """Anonymous visitors log in first; others without the right are refused with the reason."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm("newsletter.manage_campaigns"):
            raise PermissionDenied(_("Only the centre's editors write the newsletter."))
        return view(request, *args, **kwargs)

    return wrapper


def _campaign(pk):
    campaign = selectors.campaign_for_editors(pk)
    if campaign is None:
        raise Http404
    return campaign


@require_safe
@editors_only
def campaign_list(request):
    page = Paginator(selectors.campaign_list(), PER_PAGE).get_page(page_param(request.GET))
    return render(request, "newsletter/manage/campaign_list.html", {"campaigns": page.object_list, "page": page,
                                                                     "query": ""})


@editors_only
def campaign_edit(request, pk=None):
    campaign = _campaign(pk) if pk is not None else None
    form = CampaignForm(request.POST or None, instance=campaign)
    errors = []
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in CampaignForm.Meta.fields}
        try:
            if campaign is None:
                campaign = services.campaign_create(by=request.user, **fields)
            else:
                campaign = services.campaign_update(campaign=campaign, by=request.user, **fields)
        except refusals.REFUSALS as refused:
            errors = refusals.refusal_messages(refused)
        else:
            messages.success(request, _("The campaign is saved."))
            return redirect("newsletter:manage_campaign", pk=campaign.pk)
    return render(request, "newsletter/manage/campaign_form.html", {"campaign": campaign, "form": form,
                                                                    "errors": errors})


def _campaign_page(request, campaign, *, block_form=None, schedule_form=None, errors=(), status=200):
    return render(request, "newsletter/manage/campaign.html", {
        "campaign": campaign,
        "blocks": list(campaign.blocks.prefetch_related("articles")),
        "block_form": block_form or BlockForm(),
        "schedule_form": schedule_form or CampaignScheduleForm(initial={"scheduled_at": campaign.scheduled_at}),
        "counts": selectors.delivery_counts(campaign),
        "errors": errors,
    }, status=status)


@require_safe
@editors_only
def campaign_manage(request, pk):
    return _campaign_page(request, _campaign(pk))


@require_POST
@editors_only
def block_add(request, pk):
    campaign = _campaign(pk)
    form = BlockForm(request.POST)
    errors = []
    if form.is_valid():
        try:
            services.block_add(campaign=campaign, by=request.user, kind=form.cleaned_data["kind"],
                               articles=form.cleaned_data["articles"], **form.block_fields())
        except refusals.REFUSALS as refused:
            errors = refusals.refusal_messages(refused)
        else:
            messages.success(request, _("The block is added."))
            return redirect("newsletter:manage_campaign", pk=campaign.pk)
    return _campaign_page(request, campaign, block_form=form, errors=errors, status=400)


def _block(campaign, block_pk):
    block = Block.objects.filter(campaign=campaign, pk=block_pk).select_related("campaign").first()
    if block is None:
        raise Http404
    return block


@editors_only
def block_edit(request, pk, block_pk):
    campaign = _campaign(pk)
    block = _block(campaign, block_pk)
    form = BlockForm(request.POST or None, instance=block)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            services.block_update(block=block, by=request.user, articles=form.cleaned_data["articles"],
                                  **form.block_fields())
        except refusals.REFUSALS as refused:
            errors = refusals.refusal_messages(refused)
        else:
            messages.success(request, _("The block is saved."))
            return redirect("newsletter:manage_campaign", pk=campaign.pk)
    return render(request, "newsletter/manage/block_form.html", {"campaign": campaign, "block": block,
                                                                 "form": form, "errors": errors})


@require_POST
@editors_only
def block_change(request, pk, block_pk):
    """Move up, move down or remove, as the button pressed says."""
    campaign = _campaign(pk)
    block = _block(campaign, block_pk)
    action = request.POST.get("action")
    try:
        if action in ("up", "down"):
            services.block_move(block=block, by=request.user, up=action == "up")
        elif action == "remove":
            services.block_remove(block=block, by=request.user)
            messages.success(request, _("The block is removed."))
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    return redirect("newsletter:manage_campaign", pk=campaign.pk)


@require_safe
@editors_only
def campaign_preview(request, pk):
    campaign = _campaign(pk)
    previews = []
    for language, name in settings.LANGUAGES:
        rendered = campaign.rendered.get(language) or render_campaign(campaign, language)
        previews.append({"language": language, "name": name, "subject": rendered["subject"],
                         "text": rendered["text"]})
    return render(request, "newsletter/manage/campaign_preview.html", {"campaign": campaign, "previews": previews})


@require_safe
@editors_only
@xframe_options_sameorigin
def campaign_preview_html(request, pk, language):
    """The e-mail's HTML as a page of its own, shown in the preview's frame. Its styles are inline, as
    mail programs need: this response alone allows them, and nothing else (no script, no frame)."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    campaign = _campaign(pk)
    rendered = campaign.rendered.get(language) or render_campaign(campaign, language)
    response = HttpResponse(rendered["html"])
    response["Content-Security-Policy"] = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                                           "frame-ancestors 'self'; base-uri 'none'; form-action 'none'")
    return response


@require_POST
@editors_only
def campaign_test(request, pk):
    campaign = _campaign(pk)
    try:
        services.campaign_send_test(campaign=campaign, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, _("A test e-mail is sent to %(email)s.") % {"email": request.user.email})
    return redirect("newsletter:manage_campaign", pk=campaign.pk)


@require_POST
@editors_only
def campaign_status(request, pk):
    """Schedule (with the form's moment), send now or cancel the schedule, as the button pressed says."""
    campaign = _campaign(pk)
    action = request.POST.get("action")
    try:
        if action == "schedule":
            form = CampaignScheduleForm(request.POST)
            if not form.is_valid():
                return _campaign_page(request, campaign, schedule_form=form, status=400)
            try:
                services.campaign_schedule(campaign=campaign, by=request.user, at=form.cleaned_data["scheduled_at"])
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for message in error.message_dict.get("scheduled_at", []):
                        form.add_error("scheduled_at", message)
                    return _campaign_page(request, campaign, schedule_form=form, status=400)
                raise
            messages.success(request, _("The campaign is scheduled: the queue sends it at the moment you chose."))
        elif action == "send":
            services.campaign_send_now(campaign=campaign, by=request.user)
            messages.success(request, _("The campaign is being sent."))
        elif action == "cancel":
            services.campaign_cancel(campaign=campaign, by=request.user)
            messages.success(request, _("The schedule is cancelled: the campaign is a draft again."))
        else:
            messages.error(request, _("Choose what to do with the campaign."))
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    return redirect("newsletter:manage_campaign", pk=campaign.pk)
