"""Who may do what in consultations: by phase, role and verification. One line a permission.

Taking part (propose, edit and support an idea, answer a poll) is declared as ``core.refusals``
requirements, so what a refused person reads (log in, verify, phase closed, own idea, limit reached,
poll closed, the verification level the consultation asks for this action) is the first requirement that
fails. Ideas and debates are registered with the comments
app (open while the phase allows commenting, scoped to their consultation, hidden past its report
threshold) and with the moderation app (the consultation's moderators decide)."""

import rules
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.accounts.predicates import is_editor, is_participant, is_verified
from civica.comments.registry import Commentable, commentables
from civica.core import refusals
from civica.core.permissions import add_admin_perms
from civica.core.refusals import Requirements
from civica.moderation.registry import Moderatable, moderatables, premoderation
from civica.verification.predicates import requirement as level_requirement

from .conversations.services import statement_hidden_changed
from .models import Debate, Idea, Process, Statement
from .phases import Action
from .predicates import (
    active_phase,
    conversation_of,
    conversation_open,
    conversation_takes_statements,
    has_supports_left,
    idea_not_hidden_by_reports,
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
    statement_shown,
    target_visible,
)
from .services import idea_published

rules.add_perm("participation.read_process", is_published | is_editor)
rules.add_perm("participation.read_idea", (is_published & idea_visible) | is_idea_author | moderates_process)

# Taking part: each requirement with what a person refused by it reads, first failing first.
_VERBS = {
    Action.CREATE_IDEA: lambda: _("propose ideas"),
    Action.SUPPORT: lambda: _("support ideas"),
    Action.CONVERSE: lambda: _("take part in the conversation"),
}


def _as_participant(action):
    """Logged in, then verified: the first two requirements of taking part."""
    return (
        (rules.is_authenticated, lambda user, obj: _("Log in to %(verb)s.") % {"verb": _VERBS[action]()}),
        (is_verified, lambda user, obj: _("Verify your e-mail address to %(verb)s: open the link we sent you.")
         % {"verb": _VERBS[action]()}),
    )


def _phase_refusal(verb):
    def says(user, target):
        if active_phase(process_of(target)) is None:
            return _("This consultation is not open for participation now.")
        return _("The current phase of this consultation does not allow you to %(verb)s.") % {"verb": verb()}

    return says


def _phase_allows(action):
    return (phase_allows(action), _phase_refusal(_VERBS[action]))


def _supports_used_up(user, idea):
    return _("You have used all %(limit)s supports you have in this consultation.") % {
        "limit": process_of(idea).supports_per_person}


# The verification level each action needs in its consultation (``Process.level_<action>``,
# civica.verification): checked once the phase allows the action, so a closed phase says so first.
_LEVEL_PROPOSE = level_requirement("propose", process_of, _VERBS[Action.CREATE_IDEA])
_LEVEL_SUPPORT = level_requirement("support", process_of, _VERBS[Action.SUPPORT])
_LEVEL_COMMENT = level_requirement("comment", process_of, lambda: _("comment"))
_LEVEL_POLL = level_requirement("poll", process_of, lambda: _("answer polls"))
_LEVEL_CONVERSE = level_requirement("converse", lambda obj: conversation_of(obj).process,
                                    _VERBS[Action.CONVERSE])

refusals.add_perm("participation.propose_idea", Requirements(
    *_as_participant(Action.CREATE_IDEA),
    (is_published, lambda user, obj: _("You cannot %(verb)s here.") % {"verb": _VERBS[Action.CREATE_IDEA]()}),
    _phase_allows(Action.CREATE_IDEA),
    _LEVEL_PROPOSE,
))
refusals.add_perm("participation.edit_idea", Requirements(
    (is_idea_author, gettext_lazy("Only the author may edit an idea.")),
    (idea_untouched, gettext_lazy(
        "This idea can no longer be edited: others have already supported or commented on it.")),
    *_as_participant(Action.CREATE_IDEA),
    (idea_not_hidden_by_reports, gettext_lazy("This idea is hidden while moderators review it.")),
    _phase_allows(Action.CREATE_IDEA),
    _LEVEL_PROPOSE,
))
refusals.add_perm("participation.support_idea", Requirements(
    *_as_participant(Action.SUPPORT),
    _phase_allows(Action.SUPPORT),
    _LEVEL_SUPPORT,
    (~is_idea_author, gettext_lazy("You cannot support your own idea.")),
    (has_supports_left, _supports_used_up),
    (idea_visible, gettext_lazy("This idea is hidden while moderators review it.")),
))
rules.add_perm("participation.withdraw_support", is_participant & phase_allows(Action.SUPPORT))
rules.add_perm("participation.answer_idea", moderates_process)

# Polls: open while their phase runs; anonymous answers only where the editor allowed them.
# (Logged in or anonymous allowed) and (verified or anonymous allowed) is (participant or anonymous allowed).
refusals.add_perm("participation.answer_poll", Requirements(
    (is_published, gettext_lazy("You cannot answer this poll.")),
    (poll_open, lambda user, poll: _("This poll is closed.") if poll.is_closed() else _("This poll is not open yet.")),
    (rules.is_authenticated | poll_anonymous, gettext_lazy("Log in to answer this poll."),
     "logged_in_unless_anonymous", True),
    (is_verified | poll_anonymous,
     gettext_lazy("Verify your e-mail address to answer polls: open the link we sent you."),
     "verified_unless_anonymous", True),
    _LEVEL_POLL,
))
# Conversations (conversations/): open while their phase runs, to verified participants; statements
# written by participants wait for the consultation's moderators, who may also take any statement out.
def _conversation_refusal(user, obj):
    conversation = conversation_of(obj)
    if conversation.phase.ends_at <= timezone.now():
        return _("This conversation is closed.")
    return _("This conversation is not open yet.")


_CONVERSING = (
    *_as_participant(Action.CONVERSE),
    (is_published, gettext_lazy("You cannot take part here.")),
    (conversation_open, _conversation_refusal),
    _LEVEL_CONVERSE,
)
refusals.add_perm("participation.vote_statement", Requirements(
    *_CONVERSING,
    (statement_shown, gettext_lazy("This statement is not shown: moderators took it out or have not approved it yet.")),
))
refusals.add_perm("participation.submit_statement", Requirements(
    *_CONVERSING,
    (conversation_takes_statements, gettext_lazy("This conversation takes no statements from participants.")),
))
# The conversation's staff screen (what waits, taking a statement out): its consultation's moderators; the
# decisions themselves are moderation's (``moderation.review`` / ``moderation.moderate`` on the statement).
rules.add_perm("participation.moderate_conversation", moderates_process)
rules.add_perm("participation.export_conversation_full", moderates_process)
rules.add_perm("participation.see_poll_results", poll_results_public | moderates_process)
rules.add_perm("participation.export_poll", moderates_process)
# Everything contributed to a consultation, hidden content included (``exports``): its moderators, with people
# as codes; names only for the editors and administrators, who run consultations (a moderator reviews
# content and needs no one's name for it).
rules.add_perm("participation.export_contributions", moderates_process)
rules.add_perm("participation.export_contributions_with_names", is_editor)


@rules.predicate
def may_read_idea(user, idea):
    return user.has_perm("participation.read_idea", idea)


# Ideas and debates take comments while the consultation's phase allows commenting.
_COMMENTS_OPEN = Requirements(
    (is_published, gettext_lazy("You cannot comment here.")),
    (phase_allows(Action.COMMENT), _phase_refusal(lambda: _("comment"))),
    _LEVEL_COMMENT,
)
commentables.register(Commentable(
    model=Idea, open_now=_COMMENTS_OPEN,
    readable=may_read_idea, scope_of=process_of, with_alignment=True,
    report_threshold=lambda idea: idea.process.report_threshold,
))
commentables.register(Commentable(
    model=Debate, open_now=_COMMENTS_OPEN,
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
    on_publish=idea_published, review_text=lambda idea: f"{idea.title}\n\n{idea.body}",
))
# Pre-moderation: a consultation whose editors chose it makes new ideas and comments wait for a moderator.
premoderation.register(Process, lambda process: process.contributions_wait)
# A conversation's statements: a participant's waits for the consultation's moderators whatever the
# consultation's setting (Pol.is's strict moderation; the conversation's form says so), and any may be taken
# out; their votes then leave the map.
moderatables.register(Moderatable(
    model=Statement, kind="statements", scope_of=lambda statement: statement.conversation.process,
    scope_field="conversation__process",
    describe=lambda statement: _('your statement "%(text)s"') % {"text": statement.text[:80]},
    moderate_url=_moderate_url("statements"),
    report_threshold=lambda statement: statement.conversation.process.report_threshold,
    author_of=lambda statement: statement.author.user if statement.author_id else None,
    queue_queryset=lambda statements: statements.select_related("conversation__process", "author__user"),
    on_hidden_changed=statement_hidden_changed, review_text=lambda statement: statement.text,
    waits=lambda statement: True,
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
rules.add_perm("participation.manage_conversation", is_editor)

ADMIN_MODELS = ["process", "phase", "tag", "category", "idea", "debate", "poll", "question", "choice"]
add_admin_perms("participation", ADMIN_MODELS, is_editor)
