"""Editing, deleting (authors only), voting on, reporting and moderating (hiding, with a reason) a
comment, whatever it is about: ``/<lang>/comments/<id>/…``.

Posting stays on the target's own page (each app finds its target with its own access rules and
calls ``section.post_comment_from_form``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core import refusals
from civica.moderation.forms import ModerateForm, ReportForm
from civica.moderation.views import moderate_target, report_target

from . import services
from .forms import CommentEditForm
from .models import Comment
from .predicates import may_read_target


def _comment_or_404(request, comment_id):
    """Missing comments and comments on something the person may not see answer alike: not found."""
    comment = Comment.objects.filter(pk=comment_id).select_related("target_type", "scope_type").first()
    target = comment.target if comment is not None else None
    if target is None or not may_read_target(request.user, target):
        raise Http404
    return comment, target


@login_required
def comment_edit(request, comment_id):
    comment, target = _comment_or_404(request, comment_id)
    back = target.get_absolute_url() + f"#comment-{comment.pk}"
    if not request.user.has_perm("comments.edit", comment):
        messages.error(request, _("Comments can be edited by their author for 15 minutes after writing them."))
        return redirect(back)
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(comment=comment, by=request.user, body=form.cleaned_data["body"])
        except PermissionDenied as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("Your comment is saved."))
            return redirect(back)
    return render(request, "comments/comment_edit.html", {"target": target, "comment": comment,
                                                                "form": form, "back": back})


@login_required
@require_POST
def comment_remove(request, comment_id):
    comment, target = _comment_or_404(request, comment_id)
    try:
        services.comment_remove(comment=comment, by=request.user)
    except PermissionDenied as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, _("The comment is deleted."))
    return redirect(target.get_absolute_url() + "#comments")


@login_required
@require_POST
def comment_vote(request, comment_id):
    comment, target = _comment_or_404(request, comment_id)
    value = {"up": 1, "down": -1, "clear": 0}.get(request.POST.get("vote"))
    if value is None:
        messages.error(request, _("A vote is up or down."))
    else:
        try:
            services.comment_vote(comment=comment, by=request.user, value=value)
        except PermissionDenied as refused:
            refusals.show_refusal(request, refused)
    return redirect(target.get_absolute_url() + f"#comment-{comment.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def comment_report(request, comment_id):
    """A page of its own for reporting a comment (a thread shows a link per comment, not a form:
    fifty report forms made a signed-in person's idea page cost twice as much to render)."""
    comment, target = _comment_or_404(request, comment_id)
    if request.method == "POST":
        return report_target(request, comment)
    if comment.is_deleted or comment.is_hidden or comment.author_id == request.user.pk:
        # nothing to report: gone, already with the moderators (its text not shown), or one's own
        return redirect(target.get_absolute_url() + f"#comment-{comment.pk}")
    return render(request, "comments/comment_report.html", {
        "comment": comment, "target": target, "form": ReportForm(),
        "back": target.get_absolute_url() + f"#comment-{comment.pk}",
    })


@login_required
@require_http_methods(["GET", "POST"])
def comment_moderate(request, comment_id):
    """Moderators hide a comment (or restore it) with a reason, recorded in the moderation log; the
    thread links here. Deleting is for the comment's author only."""
    comment, target = _comment_or_404(request, comment_id)
    if request.method == "POST":
        return moderate_target(request, comment)
    if not request.user.has_perm("moderation.moderate", comment):
        raise PermissionDenied(_("Only the moderators of this consultation may do this."))
    return render(request, "comments/comment_moderate.html", {
        "comment": comment, "target": target, "form": ModerateForm(),
        "back": target.get_absolute_url() + f"#comment-{comment.pk}",
    })
