"""Who may do what with the centre's spaces. One line a permission; predicates in predicates.py."""

import rules
from django.utils.translation import gettext_lazy

from civica.accounts.predicates import is_administrator, is_editor, is_participant
from civica.core import refusals
from civica.core.permissions import add_admin_perms
from civica.core.refusals import Requirements

from .predicates import (
    application_is_open,
    booking_awaits_confirmation,
    booking_holds_time,
    booking_not_begun,
    booking_not_ended,
    is_member_representative,
    is_membership_reviewer,
    made_application,
    made_booking,
    organisation_is_partner,
    represents_member_organisation,
    represents_this_member,
    represents_this_organisation,
    space_takes_bookings,
)

# Members book: a representative of a member organisation, for that organisation, an open bookable space.
# (A member representative is a participant who represents a member organisation.)
refusals.add_perm("network.book_space", Requirements(
    (space_takes_bookings, gettext_lazy("This space does not take bookings.")),
    (is_participant, gettext_lazy("Verify your e-mail address to book a space."), "participant"),
    (represents_member_organisation, gettext_lazy(
        "Spaces are booked by the representatives of the centre's member organisations. If you represent one, "
        "ask the centre to add you as its representative.")),
))
rules.add_perm("network.book_for_organisation", is_member_representative & represents_this_member)
rules.add_perm("network.see_booking", made_booking | is_editor)
# An organisation's bookings (its page): its representatives and the staff; the public sees only that a
# space's time is taken (the space's page).
rules.add_perm("network.see_organisation_bookings", represents_this_member | is_editor)
# Staff confirm or decline requests and cancel any booking until it ends; the booker cancels before it begins.
rules.add_perm("network.manage_bookings", is_editor)
rules.add_perm("network.confirm_booking", is_editor & booking_awaits_confirmation & booking_not_ended)
rules.add_perm("network.decline_booking", is_editor & booking_awaits_confirmation & booking_not_ended)
rules.add_perm("network.cancel_booking",
               booking_holds_time & ((made_booking & booking_not_begun) | (is_editor & booking_not_ended)))

# Joining: a verified person applies for their organisation (a new one, or a partner they represent);
# the staff who keep the network and the Board of Directors (registry.reviewer_checks) review; the
# General Assembly decides and a reviewer records its decision; the applicant withdraws until then.
refusals.add_perm("network.apply_for_membership", Requirements(
    (rules.is_authenticated, gettext_lazy("Log in to apply for your organisation.")),
    (is_participant, gettext_lazy("Verify your e-mail address to apply for your organisation."), "participant"),
))
refusals.add_perm("network.apply_for_organisation", Requirements(
    (is_participant, gettext_lazy("Verify your e-mail address to apply for your organisation."), "participant"),
    (represents_this_organisation, gettext_lazy("You may apply only for an organisation you represent.")),
    (organisation_is_partner, gettext_lazy("Only a partner organisation applies to become a member: this one "
                                           "is a member already or runs the platform.")),
))
rules.add_perm("network.review_membership_applications", is_membership_reviewer)
rules.add_perm("network.see_membership_application", made_application | is_membership_reviewer)
rules.add_perm("network.review_membership_application", is_membership_reviewer & application_is_open)
rules.add_perm("network.decide_membership_application", is_membership_reviewer & application_is_open)
rules.add_perm("network.withdraw_membership_application", made_application & application_is_open)

add_admin_perms("network", ["organisation", "programme", "space", "booking", "network", "networkentity"],
                is_editor)
# Who represents an organisation is given by administrators only, as roles are.
add_admin_perms("network", ["representation"], is_administrator)
# The staff's screens: editors keep the organisations, programmes and spaces; administrators say who
# represents an organisation (it makes a member representative, as a role does).
rules.add_perm("network.manage_network", is_editor)
rules.add_perm("network.manage_representatives", is_administrator)
