from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from civica.core.params import page_param

from . import moderation, selectors
from .lookups import process_or_404
from .models import ModerationAction, ReportReason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=gettext_lazy("Why?"), choices=ReportReason.choices)
    note = forms.CharField(label=gettext_lazy("Details (optional)"), max_length=500, required=False)


class ModerateForm(forms.Form):
    action = forms.ChoiceField(choices=[("hide", "hide"), ("restore", "restore")])
    reason = forms.CharField(label=gettext_lazy("Reason (recorded in the log)"), max_length=1000)


def _target_or_404(process, kind, pk):
    model = moderation.MODEL_BY_KIND.get(kind)
    target = model.objects.filter(process=process, pk=pk).first() if model else None
    if target is None:
        raise Http404
    target.process = process
    return target


def report_target(request, target):
    """Report ``target`` (any moderated content) as the form says, and go back to it."""
    form = ReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose why you report this."))
    else:
        try:
            moderation.report_create(target=target, by=request.user, **form.cleaned_data)
        except (PermissionDenied, ValidationError) as refused:
            messages.error(request, " ".join(getattr(refused, "messages", [str(refused)])))
        else:
            messages.success(request, _("Thank you: the moderators will look at it."))
    return redirect(moderation.target_url(target))


def moderate_target(request, target):
    """Hide or restore ``target`` with the reason the form gives, and go back to the queue."""
    if not request.user.has_perm("participation.moderate", target):
        raise PermissionDenied(_("Only the moderators of this consultation may do this."))
    form = ModerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why: the reason is recorded in the moderation log."))
    else:
        hide = form.cleaned_data["action"] == "hide"
        moderation.moderate(target=target, by=request.user, hide=hide, reason=form.cleaned_data["reason"])
        messages.success(request, _("Hidden.") if hide else _("Restored."))
    return redirect("moderation:queue")


@login_required
@require_POST
def report(request, slug, kind, pk):
    process = process_or_404(slug, request.user)
    return report_target(request, _target_or_404(process, kind, pk))


@login_required
@require_POST
def moderate(request, slug, kind, pk):
    process = process_or_404(slug, request.user)
    return moderate_target(request, _target_or_404(process, kind, pk))


@login_required
@require_safe
def queue(request):
    if not request.user.has_perm("participation.view_moderation_queue"):
        raise PermissionDenied(_("The moderation queue is for moderators."))
    return render(request, "participation/moderation_queue.html", {
        "items": selectors.moderation_queue(request.user), "form": ModerateForm(),
    })


@login_required
@require_safe
def log(request):
    if not request.user.has_perm("participation.view_moderation_queue"):
        raise PermissionDenied(_("The moderation log is for moderators."))
    actions = (ModerationAction.objects.filter(selectors.moderated_scope(request.user))
               .select_related("moderator", "process", "target_type").order_by("-created_at", "-id"))
    page = Paginator(actions, 50).get_page(page_param(request.GET))
    return render(request, "participation/moderation_log.html", {"page": page, "actions": page.object_list})
