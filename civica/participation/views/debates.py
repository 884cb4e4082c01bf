"""A consultation's debates: the page with arguments for and against, following, and its comments."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST, require_safe

from civica.comments.models import Alignment
from civica.comments.section import post_comment_from_form
from civica.notifications import selectors as notification_selectors

from ..lookups import debate_or_404, process_or_404
from .common import comment_context, follow_from_form


@require_safe
def debate_detail(request, slug, debate_id):
    process = process_or_404(slug, request.user)
    debate = debate_or_404(process, debate_id)
    context = comment_context(request, debate)
    arguments = [comment for comment in context["comments"] if comment.alignment != Alignment.NEUTRAL]
    return render(request, "participation/debate_detail.html", {
        "process": process, "debate": debate, **context,
        "is_following": request.user.is_authenticated and notification_selectors.is_following(request.user, debate),
        "arguments_for": [comment for comment in arguments if comment.alignment == Alignment.IN_FAVOUR],
        "arguments_against": [comment for comment in arguments if comment.alignment == Alignment.AGAINST],
        "neutral_comments": [comment for comment in context["comments"] if comment.alignment == Alignment.NEUTRAL],
    })


@login_required
@require_POST
def debate_follow(request, slug, debate_id):
    process = process_or_404(slug, request.user)
    return follow_from_form(request, debate_or_404(process, debate_id))


@login_required
@require_POST
def debate_comment(request, slug, debate_id):
    process = process_or_404(slug, request.user)
    return post_comment_from_form(request, debate_or_404(process, debate_id))
