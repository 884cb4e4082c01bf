"""Why a person may not comment on a target, in their language."""

from django.utils.translation import gettext as _

from civica.accounts.predicates import is_verified

from .registry import commentables


def comment_refusal(user, target) -> str:
    if not user.is_authenticated:
        return _("Log in to comment.")
    if not is_verified(user):
        return _("Verify your e-mail address to comment: open the link we sent you.")
    if getattr(target, "is_hidden", False):
        return _("Comments are closed while moderators review this.")
    entry = commentables.for_object(target)
    if entry is not None and not entry.open_now.test(user, target):
        return entry.closed_reason(user, target)
    return _("You cannot comment here.")
