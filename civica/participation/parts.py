"""The personal parts of consultation pages (core/personal_parts.py): an idea's support box (the
person's support, what they may do with the idea), the moderators' answer form, the "you support
it" badge on idea cards (one query for every card of a page), and beside each verification level the
consultation asks for, whether the person holds it or where they get it (civica.verification)."""

from django.template.loader import get_template

from civica.core import refusals
from civica.core.personal_parts import once, part, remember, template_part
from civica.moderation.models import ReportReason
from civica.notifications import selectors as notification_selectors
from civica.verification.predicates import has_level, level_remedy, needed_level
from civica.verification.verifiers import get_verifier

from . import selectors
from .forms import AnswerForm
from .models import Support
from .predicates import active_phase


def _process(request, slug):
    """The consultation as its pages show it to the person, or None (gone, or not theirs to see)."""
    def load():
        process = selectors.process_for_permissions(slug)
        readable = process is not None and request.user.has_perm("participation.read_process", process)
        return remember(request, process) if readable else None
    return once(request, ("participation.process", slug), load)


def _idea(request, slug, idea_id):
    """The idea as its page shows it to the person, or None (gone, or not theirs to see)."""
    def load():
        process = _process(request, slug)
        if process is None or not idea_id.isdecimal():
            return None
        idea = selectors.idea_for_page(process=process, idea_id=int(idea_id), user=request.user)
        if idea is None:
            return None
        idea.process = process
        return remember(request, idea) if request.user.has_perm("participation.read_idea", idea) else None
    return once(request, ("participation.idea", slug, idea_id), load)


def _support_box(request, slug, idea_id):
    idea = _idea(request, slug, idea_id)
    if idea is None:
        return None
    user = request.user
    can_support = user.has_perm("participation.support_idea", idea)
    return {
        "process": idea.process, "idea": idea,
        "can_support": can_support,
        "can_withdraw": user.has_perm("participation.withdraw_support", idea),
        "support_refusal": None if can_support else refusals.why_not(user, "participation.support_idea", idea),
        "can_edit": user.has_perm("participation.edit_idea", idea),
        "is_following": user.is_authenticated and notification_selectors.is_following(user, idea),
        "report_reasons": ReportReason.choices,
    }


def _answer_form(request, slug, idea_id):
    idea = _idea(request, slug, idea_id)
    if idea is None or not request.user.has_perm("participation.answer_idea", idea):
        return None
    return {"process": idea.process, "idea": idea,
            "answer_form": AnswerForm(initial={"status": idea.status, "answer": idea.answer})}


def _propose(request, slug, where):
    """The "propose an idea" button, or what stands in its way: on the consultation's page with the
    reason (and only while a phase is open), on the list of ideas as the steps to take."""
    process = _process(request, slug)
    if process is None:
        return None
    can_propose = request.user.has_perm("participation.propose_idea", process)
    on_page = where == "page"
    return {"process": process, "can_propose": can_propose, "with_refusal": on_page,
            "current_phase": active_phase(process) if on_page else None,
            "propose_refusal": refusals.why_not(request.user, "participation.propose_idea", process)
            if on_page and not can_propose else None}


def _following(request, slug):
    process = _process(request, slug)
    if process is None:
        return None
    user = request.user
    following = user.is_authenticated and notification_selectors.is_following(user, process)
    return {"process": process, "is_following": following}


def _manage_notice(request, slug):
    process = _process(request, slug)
    if process is None or not request.user.has_perm("participation.manage_process", process):
        return None
    return {"process": process}


def _level_needed(request, slug, action):
    """Whether the person holds the level ``action`` needs here, or the link to get it that brings them
    back to this part of the page."""
    process = _process(request, slug)
    if process is None or action not in selectors.LEVELLED_ACTION_NAMES:
        return None
    level = needed_level(process, action)
    held = has_level(request.user, level)
    # Whether the census answers, asked once for all the levels the page lists.
    available = once(request, "verification.census_available", lambda: get_verifier().available())
    return {"held": held, "remedy": None if held else level_remedy(level, census_available=available),
            "back_to": f"{request.path}#verification-needed"}


template_part("participation.level_needed", "participation/parts/level_needed.html", _level_needed)
template_part("participation.propose", "participation/parts/propose.html", _propose)
template_part("participation.process_follow", "participation/parts/process_follow.html", _following)
template_part("participation.manage_notice", "participation/parts/manage_notice.html", _manage_notice)
template_part("participation.mine_filter", "participation/parts/mine_filter.html",
              lambda request: {} if request.user.is_authenticated else None)
template_part("participation.idea_support", "participation/parts/idea_support.html", _support_box)
template_part("participation.idea_answer", "participation/parts/idea_answer.html", _answer_form)


@part("participation.supported_badge")
def supported_badge(request, calls):
    """args: an idea's id. "You support it" on the cards of the ideas the person supports."""
    if not request.user.is_authenticated:
        return [""] * len(calls)
    ids = [int(args[0]) for args in calls if args and args[0].isdecimal()]
    supported = {str(pk) for pk in Support.objects.filter(user=request.user, idea_id__in=ids)
                 .values_list("idea_id", flat=True)}
    badge = get_template("participation/parts/supported_badge.html").render({})
    return [badge if args and args[0] in supported else "" for args in calls]
