"""The moderation queue and log (``/<lang>/moderation/``), and the two steps every report and
moderation form ends in, whatever the target: ``report_target`` and ``moderate_target`` (the apps that
own a target find it with their own access rules and call them).

Pre-moderation: ``waiting/`` lists what waits for the moderator's approval (with its counts per kind),
``review/<kind>/<id>/`` approves or rejects one item of any registered kind (POST; a target the moderator
does not moderate answers 404 alike with a missing one)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.page_cache import personal_page
from civica.core.params import page_param

from . import selectors, services
from .forms import ModerateForm, ReportForm, ReviewForm
from .registry import moderatables


def report_target(request, target):
    """Report ``target`` (any moderated content) as the form says, and go back to it."""
    form = ReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose why you report this."))
    else:
        try:
            services.report_create(target=target, by=request.user, **form.cleaned_data)
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("Thank you: the moderators will look at it."))
    return redirect(services.target_url(target))


def moderate_target(request, target):
    """Hide or restore ``target`` with the reason the form gives, and go back to the queue."""
    if not request.user.has_perm("moderation.moderate", target):
        raise PermissionDenied(_("Only the moderators of this consultation may do this."))
    form = ModerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why: the reason is recorded in the moderation log."))
    else:
        hide = form.cleaned_data["action"] == "hide"
        try:
            services.moderate(target=target, by=request.user, hide=hide, reason=form.cleaned_data["reason"])
        except ValidationError as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("Hidden.") if hide else _("Restored."))
    # Back to the page of the queue the form was on (its hidden ``page``), the first when none.
    page = page_param(request.POST)
    return redirect(reverse("moderation:queue") + (f"?page={page}" if page > 1 else ""))


@personal_page  # kept for the moderator (core.page_cache): 350 open reports cost a render
@login_required
@require_safe
def queue(request):
    if not request.user.has_perm("moderation.view_queue"):
        raise PermissionDenied(_("The moderation queue is for moderators."))
    queue = selectors.moderation_queue(request.user, page=page_param(request.GET))
    return render(request, "moderation/moderation_queue.html", {
        "queue": queue, "page": queue.page, "items": queue.page.object_list,
        "waiting_total": sum(count for _kind, count in selectors.waiting_counts(request.user)),
    })


@personal_page
@login_required
@require_safe
def waiting(request):
    if not request.user.has_perm("moderation.view_queue"):
        raise PermissionDenied(_("The moderation queue is for moderators."))
    waiting = selectors.waiting_for_approval(request.user, page=page_param(request.GET))
    return render(request, "moderation/moderation_waiting.html", {
        "waiting": waiting, "page": waiting.page, "items": waiting.page.object_list,
    })


@login_required
@require_POST
def review(request, kind, target_id):
    """Approve or reject one waiting contribution, and go back to the waiting section's page."""
    entry = next((entry for entry in moderatables.entries() if entry.kind == kind and entry.reviewed), None)
    target = entry.model.objects.filter(pk=target_id).first() if entry is not None else None
    if target is None or not request.user.has_perm("moderation.review", target):
        raise Http404(_("Nothing to review here."))
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or reject, and give a reason of at most 1,000 characters."))
    else:
        approve = form.cleaned_data["decision"] == "approve"
        try:
            services.review_decide(target=target, by=request.user, approve=approve,
                                   reason=form.cleaned_data["reason"],
                                   fingerprint=form.cleaned_data["fingerprint"] or None)
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("Approved: everyone can see it now.") if approve
                             else _("Rejected: its author is told the reason."))
    page = page_param(request.POST)
    return redirect(reverse("moderation:waiting") + (f"?page={page}" if page > 1 else ""))


@login_required
@require_safe
def log(request):
    if not request.user.has_perm("moderation.view_queue"):
        raise PermissionDenied(_("The moderation log is for moderators."))
    page = Paginator(selectors.moderation_log(request.user), 50).get_page(page_param(request.GET))
    return render(request, "moderation/moderation_log.html", {"page": page, "actions": page.object_list})
