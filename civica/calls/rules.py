"""Who may do what with calls. One line a permission; predicates in predicates.py."""

import rules

from civica.accounts.predicates import is_editor, is_participant
from civica.core.permissions import add_admin_perms

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

rules.add_perm("calls.read_call", call_is_public | is_editor)
rules.add_perm("calls.apply", eligible & call_is_open)
rules.add_perm("calls.ask_question", is_participant & call_accepts_questions)
rules.add_perm("calls.manage_call", is_editor)

# Applicants: their own application only; changes only while the call is open.
rules.add_perm("calls.read_application", is_applicant | is_editor)
rules.add_perm("calls.edit_application", is_applicant & application_is_draft & call_is_open)
rules.add_perm("calls.submit_application", is_applicant & application_is_draft & call_is_open)
rules.add_perm("calls.withdraw_application", is_applicant & application_is_submitted & call_is_open)
# Reopening: a submitted or a withdrawn application becomes a draft again, while the call is open.
rules.add_perm("calls.reopen_application",
               is_applicant & (application_is_submitted | application_is_withdrawn) & call_is_open)

# Evaluators: only what they were assigned and have no conflict with.
rules.add_perm("calls.evaluate", evaluates_call)
rules.add_perm("calls.review_application", evaluates_call & assigned_without_conflict)

ADMIN_MODELS = ["call", "calldocument", "formfield", "callquestion", "application", "criterion"]
add_admin_perms("calls", ADMIN_MODELS, is_editor)
