"""The moderation queue and log (``/<lang>/moderation/``), and the two steps every report and
moderation form ends in, whatever the target: ``report_target`` and ``moderate_target`` (the apps that
own a target find it with their own access rules and call them)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from civica.core import refusals
from civica.core.page_cache import personal_page
from civica.core.params import page_param

from . import selectors, services
from .forms import ModerateForm, ReportForm


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
        services.moderate(target=target, by=request.user, hide=hide, reason=form.cleaned_data["reason"])
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
    })


@login_required
@require_safe
def log(request):
    if not request.user.has_perm("moderation.view_queue"):
        raise PermissionDenied(_("The moderation log is for moderators."))
    page = Paginator(selectors.moderation_log(request.user), 50).get_page(page_param(request.GET))
    return render(request, "moderation/moderation_log.html", {"page": page, "actions": page.object_list})
