"""Who may do what with motions and votes. One line a permission; predicates in predicates.py.
Loaded by the governance app's ``ready`` (apps.py)."""

import rules
from django.utils.translation import gettext_lazy

from civica.accounts.predicates import is_editor, is_participant
from civica.core import refusals
from civica.core.refusals import Requirements
from civica.network.predicates import is_member_representative, represents_member_organisation, represents_this_member

from .predicates import closed_message, motion_accepts_votes, motion_is_draft, motion_window_ended

# Editors (and administrators) write motions, see drafts and open them; a motion closes once its window ended.
rules.add_perm("governance.edit_motions", is_editor)
rules.add_perm("governance.see_motion", ~motion_is_draft | is_editor)
rules.add_perm("governance.open_motion", is_editor & motion_is_draft)
rules.add_perm("governance.close_motion", motion_window_ended)
# A representative of a member organisation votes for it, while the motion takes votes.
refusals.add_perm("governance.vote_on_motion", Requirements(
    (motion_accepts_votes, lambda user, motion: closed_message(motion)),
    (is_participant, gettext_lazy("Verify your e-mail address to vote for your organisation."), "participant"),
    (represents_member_organisation, gettext_lazy(
        "Only the representatives of the centre's member organisations vote in the General Assembly.")),
))
rules.add_perm("governance.vote_for_organisation", is_member_representative & represents_this_member)
# An organisation's own vote is seen by its representatives only; everyone sees the results.
rules.add_perm("governance.see_organisation_vote", represents_this_member)
