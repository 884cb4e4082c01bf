"""Who may do what with calls. One line a permission; predicates in predicates.py."""

import rules
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.accounts.predicates import is_editor, is_participant
from civica.core import refusals
from civica.core.permissions import add_admin_perms
from civica.core.refusals import Requirements

from .predicates import (
    application_is_draft,
    application_is_submitted,
    application_is_withdrawn,
    assigned_without_conflict,
    call_accepts_questions,
    call_is_open,
    call_is_public,
    eligible,
    evaluates_call,
    is_applicant,
)


def _call_closed(user, obj):
    """Why a call that is not open takes no application now: its deadline passed, or it has not opened."""
    call = getattr(obj, "call", obj)
    if timezone.now() >= call.closes_at:
        return _("The deadline has passed: applications can no longer be changed or submitted.")
    return _("This call is not open for applications now.")


rules.add_perm("calls.read_call", call_is_public | is_editor)
refusals.add_perm("calls.apply", Requirements(
    (call_is_open, _call_closed),
    (eligible, gettext_lazy("You are not eligible for this call.")),
))
rules.add_perm("calls.ask_question", is_participant & call_accepts_questions)
rules.add_perm("calls.manage_call", is_editor)
# The editors' list of every call (drafts included) and creating a call: no call yet to ask about.
rules.add_perm("calls.manage_calls", is_editor)

# Applicants: their own application only; changes only while the call is open.
rules.add_perm("calls.read_application", is_applicant | is_editor)
# A draft that is no longer one was submitted in the meantime (from another tab or window).
refusals.add_perm("calls.edit_application", Requirements(
    (is_applicant, gettext_lazy("This application cannot be changed now.")),
    (application_is_draft, gettext_lazy("Your application was submitted in the meantime (perhaps from another tab "
                                        "or window), so these changes were not saved.")),
    (call_is_open, _call_closed),
))
refusals.add_perm("calls.submit_application", Requirements(
    (call_is_open, _call_closed),
    (is_applicant & application_is_draft, gettext_lazy("This application cannot be submitted now."), "own_draft"),
))
refusals.add_perm("calls.withdraw_application", Requirements(
    (call_is_open, _call_closed),
    (is_applicant & application_is_submitted, gettext_lazy("Only a submitted application can be withdrawn."),
     "own_submitted"),
))
# Reopening: a submitted or a withdrawn application becomes a draft again, while the call is open.
refusals.add_perm("calls.reopen_application", Requirements(
    (call_is_open, _call_closed),
    (is_applicant & (application_is_submitted | application_is_withdrawn),
     gettext_lazy("This application cannot be reopened."), "own_submitted_or_withdrawn"),
))

# Evaluators: only what they were assigned and have no conflict with.
rules.add_perm("calls.evaluate", evaluates_call)
rules.add_perm("calls.review_application", evaluates_call & assigned_without_conflict)

ADMIN_MODELS = ["call", "calldocument", "formfield", "callquestion", "application", "criterion"]
add_admin_perms("calls", ADMIN_MODELS, is_editor)
