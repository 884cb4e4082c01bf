"""Finding what a page shows, answering "not found" alike for what is missing and what the person may
not read (a draft consultation is not revealed by a different answer)."""

from django.http import Http404

from . import selectors
from .models import Debate, Idea, Statement


def process_or_404(slug, user):
    process = selectors.process_for_page(slug)
    if process is None or not user.has_perm("participation.read_process", process):
        raise Http404
    return process


def process_for_action_or_404(slug, user):
    """The same answer as ``process_or_404``, with only what permissions read (its phases): for a
    form's post, whose answer is not the consultation's page (a conversation's vote)."""
    process = selectors.process_for_permissions(slug)
    if process is None or not user.has_perm("participation.read_process", process):
        raise Http404
    return process


def idea_or_404(process, idea_id, user):
    idea = selectors.idea_for_page(process=process, idea_id=idea_id, user=user)
    if idea is None:
        raise Http404
    idea.process = process  # already loaded with its phases: permission checks reuse it
    if not user.has_perm("participation.read_idea", idea):
        raise Http404
    return idea


def debate_or_404(process, debate_id):
    debate = selectors.debate_for_page(process=process, debate_id=debate_id)
    if debate is None:
        raise Http404
    debate.process = process
    return debate


# Reporting and moderating an idea, a debate or a conversation's statement:
# /processes/<slug>/<kind>/<id>/report/ and /moderate/ (comments have /comments/<id>/report/ and
# /moderate/, whatever they are on).
MODERATED_KINDS = {"ideas": Idea, "debates": Debate, "statements": Statement}


def moderated_or_404(process, kind, pk):
    model = MODERATED_KINDS.get(kind)
    if model is Statement:
        target = Statement.objects.filter(conversation__process=process, pk=pk).select_related(
            "conversation", "author__user").first()
        if target is None:
            raise Http404
        target.conversation.process = process
        return target
    target = model.objects.filter(process=process, pk=pk).first() if model else None
    if target is None:
        raise Http404
    target.process = process
    return target
