"""The consultations' list and a consultation's page, and following a consultation."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from civica.core.page_cache import shared_page, write_scope
from civica.core.params import int_param, page_param

from .. import selectors
from ..conversations import selectors as conversation_selectors
from ..lookups import process_or_404
from ..models import Tag
from ..phases import phase_contents
from ..polls import selectors as poll_selectors
from ..predicates import active_phase
from .common import PROCESS_SCOPE, follow_from_form, sees_more_than_visitors

PROCESSES_PER_PAGE = 12


@shared_page(personal_when=lambda request: request.user.has_perm("participation.add_process"))
@require_safe
def process_list(request):
    """The same for everyone but editors, who see the drafts too."""
    state = request.GET.get("state") if request.GET.get("state") in selectors.ProcessState.ALL else None
    tag = request.GET.get("tag") or None
    year = int_param(request.GET, "year", minimum=1900, maximum=2200)
    page = Paginator(selectors.process_list(user=request.user, state=state, tag=tag, year=year),
                     PROCESSES_PER_PAGE).get_page(page_param(request.GET))
    processes = list(page.object_list)
    for process in processes:
        process.current_phase = active_phase(process)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "participation/process_list.html", {
        "processes": processes, "page": page, "query": query.urlencode(), "state": state, "tag": tag, "year": year,
        "tags": Tag.objects.filter(processes__is_published=True).distinct().order_by("kind", "slug"),
        "years": selectors.process_years(),
    })


@shared_page(scope=PROCESS_SCOPE, personal_when=sees_more_than_visitors)
@require_safe
def process_detail(request, slug):
    """The same for everyone (a draft only editors see is theirs alone: a visitor gets no page); what
    one person may do here is in the personal parts."""
    process = process_or_404(slug, request.user)
    phase = active_phase(process)
    ideas = selectors.idea_list(process=process, user=request.user)[:6]
    return render(request, "participation/process_detail.html", {
        "process": process,
        "now": timezone.now(),
        "current_phase": phase,
        "phase_content": phase_contents[phase.kind] if phase and phase.kind in phase_contents else None,
        "ideas": ideas,
        "idea_places": selectors.idea_places(process=process, user=request.user),
        "debates": selectors.debate_list(process=process),
        "polls": poll_selectors.poll_list(process=process),
        "levels_needed": selectors.levels_needed(process=process),
        "conversations": conversation_selectors.conversation_list(process=process),
        "can_export": request.user.has_perm("participation.export_contributions", process),
    })


@write_scope(*PROCESS_SCOPE)
@login_required
@require_POST
def process_follow(request, slug):
    return follow_from_form(request, process_or_404(slug, request.user))
