"""Who may do what in the observatory. Published figures are public; the catalogue, campaigns,
organisations' raw answers and publication are the analysts' (``Role.ANALYST``)."""

import rules

from civica.accounts.predicates import is_observatory_analyst

rules.add_perm("observatory.manage", is_observatory_analyst)
# An organisation's own answers and values, one by one: its analysts only (representatives see their
# own organisation's through the permissions the campaigns and the impact pages add).
rules.add_perm("observatory.view_raw_values", is_observatory_analyst)
