"""Why an action is refused, in words the person understands (permissions themselves are
plain booleans in rules.py; this only explains a refusal)."""

from django.utils.translation import gettext as _

from civica.accounts.predicates import is_verified
from civica.comments.refusals import comment_refusal

from .phases import Action
from .predicates import active_phase, has_supports_left, is_idea_author, phase_allows, process_of

_VERBS = {
    Action.CREATE_IDEA: lambda: _("propose ideas"),
    Action.SUPPORT: lambda: _("support ideas"),
}


def refusal(user, action: Action, target) -> str:
    if action == Action.COMMENT:
        return comment_refusal(user, target)
    verb = _VERBS[action]()
    if not user.is_authenticated:
        return _("Log in to %(verb)s.") % {"verb": verb}
    if not is_verified(user):
        return _("Verify your e-mail address to %(verb)s: open the link we sent you.") % {"verb": verb}
    if not phase_allows(action)(user, target):
        if active_phase(process_of(target)) is None:
            return _("This consultation is not open for participation now.")
        return _("The current phase of this consultation does not allow you to %(verb)s.") % {"verb": verb}
    if action == Action.SUPPORT:
        if is_idea_author(user, target):
            return _("You cannot support your own idea.")
        if not has_supports_left(user, target):
            return _("You have used all %(limit)s supports you have in this consultation.") % {
                "limit": process_of(target).supports_per_person
            }
        if getattr(target, "is_hidden", False):
            return _("This idea is hidden while moderators review it.")
    return _("You cannot %(verb)s here.") % {"verb": verb}


def edit_refusal(user, idea) -> str:
    if not is_idea_author(user, idea):
        return _("Only the author may edit an idea.")
    if idea.support_count or idea.comment_count:
        return _("This idea can no longer be edited: others have already supported or commented on it.")
    return refusal(user, Action.CREATE_IDEA, idea)


def poll_refusal(user, poll) -> str:
    if not poll.is_open():
        return _("This poll is closed.") if poll.is_closed() else _("This poll is not open yet.")
    if not user.is_authenticated:
        return _("Log in to answer this poll.")
    if not is_verified(user):
        return _("Verify your e-mail address to answer polls: open the link we sent you.")
    return _("You cannot answer this poll.")
