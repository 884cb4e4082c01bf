"""The comment section a page shows, from ``comment_section(request, target, post_url=…)`` and
rendered with ``{% load comments %}{% show_comments section %}``, and posting from a page's form
(``post_comment_from_form``): each app finds its target with its own access rules and calls them.
A refused comment's text is kept in the session for the form the page shows next."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from civica.core import refusals
from civica.moderation.models import ReportReason, ReviewState

from . import selectors, services
from .forms import CommentForm
from .models import MAX_COMMENT_BODY, Comment
from .registry import commentables

# A refused comment's text waits here (per target) for the form the page shows next.
DRAFT_SESSION_KEY = "comment_drafts"


def comment_section(request, target, *, post_url: str) -> dict:
    """What ``{% show_comments %}`` renders for ``target``: the thread, the same for everyone. The form
    (with a refused draft restored), the buttons and whether and why the person may comment are
    personal parts (parts.py), filled for whoever asks."""

    sort = request.GET.get("comments")
    sort = sort if sort in selectors.CommentSort.ALL else selectors.CommentSort.OLDEST
    entry = commentables.for_object(target)
    return {
        "comments": selectors.comment_thread(target=target, sort=sort),
        "comment_count": target.comment_count,
        "comment_sort": sort,
        "comment_post_url": post_url,
        "comment_target_type": ContentType.objects.get_for_model(target).pk,
        "comment_target_id": target.pk,
        "with_alignment": entry.with_alignment if entry else False,
        "report_reasons": ReportReason.choices,
    }


def post_comment_from_form(request, target):
    """Post the comment a page's form sent; on refusal, keep what was typed for the page's form."""
    form = CommentForm(request.POST)
    back = target.get_absolute_url()
    if not form.is_valid():
        _keep_draft(request, target, request.POST)
        messages.error(request, _("Your comment was not posted: %(errors)s") % {
            "errors": " ".join(error for errors in form.errors.values() for error in errors)})
        return redirect(back + "#comments")
    parent = None
    if form.cleaned_data.get("parent"):
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
    try:
        comment = services.comment_post(target=target, by=request.user, body=form.cleaned_data["body"],
                                        parent=parent, alignment=form.cleaned_data.get("alignment") or None)
    except refusals.REFUSALS as refused:
        _keep_draft(request, target, request.POST)
        refusals.show_refusal(request, refused)
        return redirect(back + "#comments")
    if comment.review_state == ReviewState.WAITING:
        messages.success(request, _("Your comment waits for a moderator's approval: until then only you and "
                                    "the moderators see it."))
        return redirect(back + "#comments-waiting")
    messages.success(request, _("Your comment is published."))
    return redirect(f"{back}#comment-{comment.pk}")


def _draft_key(target) -> str:
    return f"{target._meta.label_lower}:{target.pk}"


def _keep_draft(request, target, data):
    drafts = request.session.get(DRAFT_SESSION_KEY, {})
    drafts[_draft_key(target)] = {
        "body": data.get("body", "")[:MAX_COMMENT_BODY * 2],
        "alignment": data.get("alignment", ""),
        "parent": data.get("parent", "")[:20],
    }
    request.session[DRAFT_SESSION_KEY] = drafts


def pop_draft_once(request, target):
    """The refused text kept for ``target``, taken from the session once and kept for the rest of the
    request (the section's form and the reply it answered both show it)."""
    popped = request.__dict__.setdefault("_civica_comment_drafts", {})
    key = _draft_key(target)
    if key not in popped:
        popped[key] = None
        if request.user.is_authenticated and DRAFT_SESSION_KEY in request.session:
            drafts = request.session[DRAFT_SESSION_KEY]
            popped[key] = drafts.pop(key, None)
            if popped[key] is not None:
                request.session[DRAFT_SESSION_KEY] = drafts
    return popped[key]
