"""Who may do what with the bodies. The pages are public; the centre's editors keep the bodies, their
seats and terms, the meetings they hold, their decisions and objectives (the staff's screens)."""

import rules

from civica.accounts.predicates import is_editor

rules.add_perm("governance.manage_bodies", is_editor)
