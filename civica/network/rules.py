"""Who may do what with the centre's spaces. One line a permission; predicates in predicates.py."""

import rules

from civica.accounts.predicates import is_administrator, is_editor
from civica.core.permissions import add_admin_perms

from .predicates import (
    booking_awaits_confirmation,
    booking_holds_time,
    booking_not_begun,
    booking_not_ended,
    is_member_representative,
    made_booking,
    represents_this_member,
    space_takes_bookings,
)

# Members book: a representative of a member organisation, for that organisation, an open bookable space.
rules.add_perm("network.book_space", is_member_representative & space_takes_bookings)
rules.add_perm("network.book_for_organisation", is_member_representative & represents_this_member)
rules.add_perm("network.see_booking", made_booking | is_editor)
# Staff confirm or decline requests and cancel any booking until it ends; the booker cancels before it begins.
rules.add_perm("network.manage_bookings", is_editor)
rules.add_perm("network.confirm_booking", is_editor & booking_awaits_confirmation & booking_not_ended)
rules.add_perm("network.decline_booking", is_editor & booking_awaits_confirmation & booking_not_ended)
rules.add_perm("network.cancel_booking",
               booking_holds_time & ((made_booking & booking_not_begun) | (is_editor & booking_not_ended)))

add_admin_perms("network", ["organisation", "programme", "space", "booking"], is_editor)
# Who represents an organisation is given by administrators only, as roles are.
add_admin_perms("network", ["representation"], is_administrator)
