"""Who may do what in consultations: by phase, role and verification. One line a permission."""

import rules
from django.urls import reverse
from django.utils.translation import gettext as _

from civica.accounts.predicates import is_editor, is_participant
from civica.comments.registry import Commentable, commentables
from civica.core.permissions import add_admin_perms
from civica.moderation.registry import Moderatable, moderatables

from .models import Debate, Idea
from .phases import Action
from .predicates import (
    active_phase,
    has_supports_left,
    idea_untouched,
    idea_visible,
    is_idea_author,
    is_published,
    moderates_process,
    phase_allows,
    poll_anonymous,
    poll_open,
    poll_results_public,
    process_of,
    target_visible,
)

rules.add_perm("participation.read_process", is_published | is_editor)
rules.add_perm("participation.read_idea", (is_published & idea_visible) | is_idea_author | moderates_process)
rules.add_perm("participation.propose_idea", is_participant & is_published & phase_allows(Action.CREATE_IDEA))
rules.add_perm(
    "participation.edit_idea",
    is_participant & is_idea_author & idea_untouched & idea_visible & phase_allows(Action.CREATE_IDEA),
)
rules.add_perm(
    "participation.support_idea",
    is_participant & idea_visible & ~is_idea_author & phase_allows(Action.SUPPORT) & has_supports_left,
)
rules.add_perm("participation.withdraw_support", is_participant & phase_allows(Action.SUPPORT))
rules.add_perm("participation.answer_idea", moderates_process)

# Polls: open while their phase runs; anonymous answers only where the editor allowed them.
rules.add_perm("participation.answer_poll", is_published & poll_open & (is_participant | poll_anonymous))
rules.add_perm("participation.see_poll_results", poll_results_public | moderates_process)
rules.add_perm("participation.export_poll", moderates_process)

def _phase_closed_reason(user, target):
    if active_phase(process_of(target)) is None:
        return _("This consultation is not open for participation now.")
    return _("The current phase of this consultation does not allow you to %(verb)s.") % {"verb": _("comment")}


@rules.predicate
def may_read_idea(user, idea):
    return user.has_perm("participation.read_idea", idea)


# Ideas and debates take comments while the consultation's phase allows commenting.
commentables.register(Commentable(
    model=Idea, open_now=is_published & phase_allows(Action.COMMENT), closed_reason=_phase_closed_reason,
    readable=may_read_idea, scope_of=process_of, with_alignment=True,
    report_threshold=lambda idea: idea.process.report_threshold,
))
commentables.register(Commentable(
    model=Debate, open_now=is_published & phase_allows(Action.COMMENT), closed_reason=_phase_closed_reason,
    readable=(is_published & target_visible) | moderates_process, scope_of=process_of, with_alignment=True,
    report_threshold=lambda debate: debate.process.report_threshold,
))


# Ideas and debates are reported and moderated (moderation's registry); the consultation's moderators
# decide, hiding past its report threshold.
def _moderate_url(kind):
    return lambda target: reverse("participation:moderate", args=[target.process.slug, kind, target.pk])


moderatables.register(Moderatable(
    model=Idea, kind="ideas", scope_of=process_of, scope_field="process",
    describe=lambda idea: _('your idea "%(title)s"') % {"title": idea.title},
    moderate_url=_moderate_url("ideas"), report_threshold=lambda idea: idea.process.report_threshold,
    queue_queryset=lambda ideas: ideas.select_related("process"),
))
moderatables.register(Moderatable(
    model=Debate, kind="debates", scope_of=process_of, scope_field="process",
    describe=lambda debate: _('the debate "%(title)s"') % {"title": debate.translated("question")},
    moderate_url=_moderate_url("debates"), report_threshold=lambda debate: debate.process.report_threshold,
    queue_queryset=lambda debates: debates.select_related("process"),
))

# Running consultations from the site's own screens: the centre's editors (administrators too).
rules.add_perm("participation.manage_processes", is_editor)
rules.add_perm("participation.create_process", is_editor)
rules.add_perm("participation.manage_process", is_editor)
rules.add_perm("participation.publish_process", is_editor)
rules.add_perm("participation.manage_debate", is_editor)
rules.add_perm("participation.manage_poll", is_editor)

ADMIN_MODELS = ["process", "phase", "tag", "category", "idea", "debate", "poll", "question", "choice"]
add_admin_perms("participation", ADMIN_MODELS, is_editor)
