"""Who may open a call for seats: the centre's editors (and administrators), as for any call."""

import rules

from civica.accounts.predicates import is_editor

rules.add_perm("governance.open_seat_call", is_editor)
