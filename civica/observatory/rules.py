"""Who may do what in the observatory. Published figures are public; the catalogue, campaigns,
organisations' raw answers and publication are the analysts' (``Role.ANALYST``)."""

import rules

from civica.accounts.predicates import is_observatory_analyst, is_participant
from civica.network.predicates import represents_this_organisation

rules.add_perm("observatory.manage", is_observatory_analyst)
# An organisation's own answers and values, one by one: its analysts only (representatives see their
# own organisation's through the permissions the campaigns and the impact pages add).
rules.add_perm("observatory.view_raw_values", is_observatory_analyst)

# The impact platform (slice 3): an organisation's own figures beside its sector's, for its
# representatives (verified, as every representative acting on the platform) and the analysts.
rules.add_perm("observatory.view_impact",
               is_observatory_analyst | (is_participant & represents_this_organisation))
