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
# Dashboards and the sector's diagnosis (slice 4): analysts write the reports and publish them; a
# published report is everyone's, a draft its analysts'.


@rules.predicate
def is_published_report(user, report) -> bool:
    return report is not None and report.is_published


rules.add_perm("observatory.manage_reports", is_observatory_analyst)
rules.add_perm("observatory.publish_report", is_observatory_analyst)
rules.add_perm("observatory.view_report", is_published_report | is_observatory_analyst)
