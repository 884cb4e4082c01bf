import random

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.comments.models import Alignment
from civica.comments.section import comment_section, post_comment_from_form
from civica.core import refusals
from civica.core.params import id_param, int_param, page_param
from civica.moderation.views import moderate_target, report_target
from civica.notifications import selectors as notification_selectors
from civica.notifications import services as notification_services

from . import selectors, services
from .forms import AnswerForm, IdeaForm
from .lookups import process_or_404
from .models import Debate, Idea, IdeaStatus, Tag
from .phases import phase_contents
from .polls import selectors as poll_selectors
from .predicates import active_phase

IDEAS_PER_PAGE = 20
PROCESSES_PER_PAGE = 12


def _idea_or_404(process, idea_id, user):
    idea = selectors.idea_for_page(process=process, idea_id=idea_id, user=user)
    if idea is None:
        raise Http404
    idea.process = process  # already loaded with its phases: permission checks reuse it
    if not user.has_perm("participation.read_idea", idea):
        raise Http404
    return idea


@require_safe
def process_list(request):
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


@require_safe
def process_detail(request, slug):
    process = process_or_404(slug, request.user)
    phase = active_phase(process)
    ideas = selectors.idea_list(process=process, user=request.user)[:6]
    can_propose = request.user.has_perm("participation.propose_idea", process)
    return render(request, "participation/process_detail.html", {
        "process": process,
        "now": timezone.now(),
        "current_phase": phase,
        "phase_content": phase_contents[phase.kind] if phase and phase.kind in phase_contents else None,
        "ideas": ideas,
        "debates": selectors.debate_list(process=process),
        "polls": poll_selectors.poll_list(process=process),
        "is_following": request.user.is_authenticated and notification_selectors.is_following(request.user, process),
        "can_propose": can_propose,
        "propose_refusal": refusals.why_not(request.user, "participation.propose_idea", process),
    })


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
    ideas = selectors.idea_list(process=process, user=request.user, sort=sort, status=status, category=category,
                                mine=mine, seed=request.session.get("idea_seed", 0))
    page = Paginator(ideas, IDEAS_PER_PAGE).get_page(page_param(request.GET))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "participation/idea_list.html", {
        "process": process, "page": page, "ideas": page.object_list, "sort": sort, "status": status,
        "category": category, "mine": mine, "sorts": _sort_labels(), "statuses": IdeaStatus.choices,
        "query": query.urlencode(), "can_propose": request.user.has_perm("participation.propose_idea", process),
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
            messages.success(request, _("Your idea is published. Thank you!"))
            return redirect("participation:idea_detail", slug=process.slug, idea_id=idea.pk)
    return render(request, "participation/idea_form.html", {"process": process, "form": form, "idea": None})


@login_required
def idea_update(request, slug, idea_id):
    process = process_or_404(slug, request.user)
    idea = _idea_or_404(process, idea_id, request.user)
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


@require_safe
def idea_detail(request, slug, idea_id):
    process = process_or_404(slug, request.user)
    idea = _idea_or_404(process, idea_id, request.user)
    user = request.user
    can_support = user.has_perm("participation.support_idea", idea)
    return render(request, "participation/idea_detail.html", {
        "process": process,
        "idea": idea,
        "can_support": can_support,
        "can_withdraw": user.has_perm("participation.withdraw_support", idea),
        "support_refusal": None if can_support else refusals.why_not(user, "participation.support_idea", idea),
        "can_edit": user.has_perm("participation.edit_idea", idea),
        "can_answer": user.has_perm("participation.answer_idea", idea),
        "is_following": user.is_authenticated and notification_selectors.is_following(user, idea),
        "answer_form": AnswerForm(initial={"status": idea.status, "answer": idea.answer}),
        # "What became of it": the plan activities that implement the idea (accountability).
        "implemented_by": list(idea.activities.select_related("plan", "programme")),
        **_comment_context(request, idea),
    })


@login_required
@require_POST
def idea_support(request, slug, idea_id):
    process = process_or_404(slug, request.user)
    idea = _idea_or_404(process, idea_id, request.user)
    try:
        if request.POST.get("withdraw"):
            if services.idea_withdraw_support(idea=idea, by=request.user):
                messages.success(request, _("Your support is withdrawn."))
        elif services.idea_support(idea=idea, by=request.user):
            messages.success(request, _("Thank you for your support."))
    except PermissionDenied as refused:
        refusals.show_refusal(request, refused)
    return redirect("participation:idea_detail", slug=process.slug, idea_id=idea.pk)


def _follow(request, target):
    following = request.POST.get("follow") == "1"
    notification_services.follow_set(by=request.user, target=target, following=following)
    messages.success(request, _("You will be notified of what happens here.") if following
                     else _("You no longer follow this."))
    return redirect(target.get_absolute_url())


@login_required
@require_POST
def idea_follow(request, slug, idea_id):
    process = process_or_404(slug, request.user)
    return _follow(request, _idea_or_404(process, idea_id, request.user))


@login_required
@require_POST
def process_follow(request, slug):
    return _follow(request, process_or_404(slug, request.user))


@login_required
@require_POST
def debate_follow(request, slug, debate_id):
    process = process_or_404(slug, request.user)
    return _follow(request, _debate_or_404(process, debate_id))


@login_required
@require_POST
def idea_answer(request, slug, idea_id):
    process = process_or_404(slug, request.user)
    idea = _idea_or_404(process, idea_id, request.user)
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


# --- Debates and comments -------------------------------------------------------------------

def _debate_or_404(process, debate_id):
    debate = selectors.debate_for_page(process=process, debate_id=debate_id)
    if debate is None:
        raise Http404
    debate.process = process
    return debate


def _comment_context(request, target):
    return comment_section(request, target, post_url=request.path + "comments/")


@require_safe
def debate_detail(request, slug, debate_id):
    process = process_or_404(slug, request.user)
    debate = _debate_or_404(process, debate_id)
    context = _comment_context(request, debate)
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
def idea_comment(request, slug, idea_id):
    process = process_or_404(slug, request.user)
    return post_comment_from_form(request, _idea_or_404(process, idea_id, request.user))


@login_required
@require_POST
def debate_comment(request, slug, debate_id):
    process = process_or_404(slug, request.user)
    return post_comment_from_form(request, _debate_or_404(process, debate_id))


# Reporting and moderating an idea or a debate: /processes/<slug>/<kind>/<id>/report/ and /moderate/
# (comments have /comments/<id>/report/ and /moderate/, whatever they are on).
MODERATED_KINDS = {"ideas": Idea, "debates": Debate}


def _moderated_or_404(process, kind, pk):
    model = MODERATED_KINDS.get(kind)
    target = model.objects.filter(process=process, pk=pk).first() if model else None
    if target is None:
        raise Http404
    target.process = process
    return target


@login_required
@require_POST
def report(request, slug, kind, pk):
    process = process_or_404(slug, request.user)
    return report_target(request, _moderated_or_404(process, kind, pk))


@login_required
@require_POST
def moderate(request, slug, kind, pk):
    process = process_or_404(slug, request.user)
    return moderate_target(request, _moderated_or_404(process, kind, pk))
