"""Who has staff work, as a `rules` predicate: anyone holding a role (global or scoped), superusers, and
the member representatives (who follow their bookings there)."""

import rules

from civica.accounts.predicates import is_superuser, role_keys
from civica.network.predicates import is_member_representative


@rules.predicate
def holds_a_role(user):
    return user.is_authenticated and user.is_active and bool(role_keys(user))


# Cheapest first: a role is read once a request and most pages have read it already.
has_staff_work = is_superuser | holds_a_role | is_member_representative
