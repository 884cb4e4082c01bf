"""A consultation's ideas: the list (sorts, filters, pages), proposing and editing one, its page with
supports, following, the official answer and its comments."""

import random

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.comments.section import post_comment_from_form
from civica.core import refusals
from civica.core.page_cache import shared_page, write_reaches_whole_scope, write_scope
from civica.core.params import id_param, page_param
from civica.moderation.models import ReviewState
from civica.moderation.selectors import rejection_reasons

from .. import selectors, services
from ..forms import AnswerForm, IdeaForm
from ..lookups import idea_or_404, process_or_404
from ..models import IdeaStatus
from .common import IDEA_TARGET, PROCESS_SCOPE, comment_context, follow_from_form, sees_more_than_visitors

IDEAS_PER_PAGE = 20


@shared_page(scope=PROCESS_SCOPE, personal_when=sees_more_than_visitors)
@require_safe
def idea_list(request, slug):
    process = process_or_404(slug, request.user)
    sort = request.GET.get("sort")
    sort = sort if sort in selectors.IdeaSort.ALL else selectors.IdeaSort.SUPPORTED
    if sort == selectors.IdeaSort.RANDOM and "idea_seed" not in request.session:
        request.session["idea_seed"] = random.randint(1, 10_000)
    status = request.GET.get("status") if request.GET.get("status") in IdeaStatus.values else None
    category = id_param(request.GET, "category")
    mine = request.GET.get("mine") == "1"
    page = selectors.idea_page(process=process, user=request.user, number=page_param(request.GET),
                               per_page=IDEAS_PER_PAGE, sort=sort, status=status, category=category, mine=mine,
                               seed=request.session.get("idea_seed", 0))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "participation/idea_list.html", {
        "process": process, "page": page, "ideas": page.object_list, "sort": sort, "status": status,
        "idea_places": [selectors.idea_place(idea, process) for idea in page.object_list],
        "category": category, "mine": mine, "sorts": _sort_labels(), "statuses": IdeaStatus.choices,
        "query": query.urlencode(),
    })


def _sort_labels():
    return [
        (selectors.IdeaSort.SUPPORTED, _("Most supported")),
        (selectors.IdeaSort.NEWEST, _("Newest")),
        (selectors.IdeaSort.COMMENTED, _("Most commented")),
        (selectors.IdeaSort.RANDOM, _("Random")),
    ]


@require_safe
def similar_ideas(request, slug):
    process = process_or_404(slug, request.user)
    title = request.GET.get("title", "")[:150]
    return render(request, "participation/_similar_ideas.html", {
        "process": process, "similar": selectors.similar_ideas(process=process, title=title),
    })


@login_required
def idea_create(request, slug):
    process = process_or_404(slug, request.user)
    refusals.check(request.user, "participation.propose_idea", process)
    form = IdeaForm(request.POST or None, request.FILES or None, process=process)
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.idea_create(process=process, by=request.user,
                                        submission_key=form.cleaned_data.get("submission_key"), **form.idea_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if idea.review_state == ReviewState.WAITING:
                messages.success(request, _("Thank you! Your idea waits for a moderator's approval: until then "
                                            "only you and the moderators see it. You will be told of their decision."))
            else:
                messages.success(request, _("Your idea is published. Thank you!"))
            return redirect("participation:idea_detail", slug=process.slug, idea_id=idea.pk)
    return render(request, "participation/idea_form.html", {"process": process, "form": form, "idea": None})


@login_required
def idea_update(request, slug, idea_id):
    process = process_or_404(slug, request.user)
    idea = idea_or_404(process, idea_id, request.user)
    refusal = refusals.why_not(request.user, "participation.edit_idea", idea)
    if refusal:
        messages.error(request, refusal)
        return redirect("participation:idea_detail", slug=process.slug, idea_id=idea.pk)
    form = IdeaForm(request.POST or None, request.FILES or None, instance=idea, process=process)
    if request.method == "POST" and form.is_valid():
        try:
            services.idea_update(idea=idea, by=request.user, **form.idea_fields())
        except PermissionDenied as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("Your changes are saved."))
        return redirect("participation:idea_detail", slug=process.slug, idea_id=idea.pk)
    return render(request, "participation/idea_form.html", {"process": process, "form": form, "idea": idea})


@shared_page(scope=PROCESS_SCOPE, target=IDEA_TARGET)
@require_safe
def idea_detail(request, slug, idea_id):
    """The same page for everyone; what one person may do with the idea is in its personal parts."""
    process = process_or_404(slug, request.user)
    idea = idea_or_404(process, idea_id, request.user)
    return render(request, "participation/idea_detail.html", {
        "process": process,
        "idea": idea,
        "idea_place": selectors.idea_place(idea, process),
        # Pre-moderation: shown to its author (and moderators) only, since nobody else reads the idea.
        "rejection_reason": rejection_reasons([idea]).get(idea.pk, ""),
        # "What became of it": the plan activities that implement the idea (accountability).
        "implemented_by": list(idea.activities.select_related("plan", "programme")),
        **comment_context(request, idea),
    })


@write_scope(*PROCESS_SCOPE, target=IDEA_TARGET)
@login_required
@require_POST
def idea_support(request, slug, idea_id):
    process = process_or_404(slug, request.user)
    idea = idea_or_404(process, idea_id, request.user)
    if process.supports_per_person is not None:
        # Every idea's support box of the consultation says whether the person has supports left.
        write_reaches_whole_scope(request)
    try:
        if request.POST.get("withdraw"):
            if services.idea_withdraw_support(idea=idea, by=request.user):
                messages.success(request, _("Your support is withdrawn."))
        elif services.idea_support(idea=idea, by=request.user):
            messages.success(request, _("Thank you for your support."))
    except PermissionDenied as refused:
        refusals.show_refusal(request, refused)
    return redirect("participation:idea_detail", slug=process.slug, idea_id=idea.pk)


@write_scope(*PROCESS_SCOPE, target=IDEA_TARGET)
@login_required
@require_POST
def idea_follow(request, slug, idea_id):
    process = process_or_404(slug, request.user)
    return follow_from_form(request, idea_or_404(process, idea_id, request.user))


@write_scope(*PROCESS_SCOPE, target=IDEA_TARGET)
@login_required
@require_POST
def idea_answer(request, slug, idea_id):
    process = process_or_404(slug, request.user)
    idea = idea_or_404(process, idea_id, request.user)
    if not request.user.has_perm("participation.answer_idea", idea):
        raise PermissionDenied(_("Only the moderators of this consultation may answer ideas officially."))
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.idea_answer(idea=idea, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            refusals.show_refusal(request, error)
        else:
            messages.success(request, _("The official answer is published."))
    else:
        messages.error(request, _("The answer was not saved: please check the status and the text."))
    return redirect("participation:idea_detail", slug=process.slug, idea_id=idea.pk)


@write_scope(*PROCESS_SCOPE, target=IDEA_TARGET)
@login_required
@require_POST
def idea_comment(request, slug, idea_id):
    process = process_or_404(slug, request.user)
    return post_comment_from_form(request, idea_or_404(process, idea_id, request.user))
