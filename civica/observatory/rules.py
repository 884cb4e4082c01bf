"""Who may do what in the observatory. Published figures are public; the catalogue, campaigns,
organisations' raw answers and publication are the analysts' (``Role.ANALYST``)."""

import rules
from django.utils.translation import gettext_lazy

from civica.accounts.predicates import is_observatory_analyst, is_participant
from civica.core import refusals
from civica.core.refusals import Requirements
from civica.network.predicates import represents_this_organisation

from .campaigns.predicates import (
    answer_is_editable,
    answer_is_under_review,
    campaign_takes_answers,
    represents_an_organisation,
    represents_answering_organisation,
)

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
rules.add_perm("observatory.read_report", is_published_report | is_observatory_analyst)
# Campaigns (issue 19, point 2). An organisation's raw answer: its representatives and the analysts;
# nobody else (evaluators, editors, other members, visitors) sees it, not even that it exists.
rules.add_perm("observatory.view_answer", represents_answering_organisation | is_observatory_analyst)
# Filling in (saving a draft, submitting): the organisation's representatives, while the campaign takes
# answers and the answer is theirs to change.
refusals.add_perm("observatory.fill_answer", Requirements(
    (is_participant, gettext_lazy("Verify your e-mail address to answer."), "participant"),
    (represents_answering_organisation, gettext_lazy(
        "Only the organisation's representatives fill in its answer.")),
    (answer_is_editable, gettext_lazy("This answer was submitted; it can be changed only if the centre "
                                      "queries it back.")),
    (campaign_takes_answers, gettext_lazy("The campaign does not take answers now.")),
))
# Querying back and accepting: the analysts, once the organisation has submitted.
refusals.add_perm("observatory.review_answer", Requirements(
    (is_observatory_analyst, gettext_lazy("Only the observatory's analysts review answers.")),
    (answer_is_under_review, gettext_lazy("The organisation has not submitted this answer yet.")),
))
# The campaigns page lists a representative's campaigns (and all of them for an analyst).
rules.add_perm("observatory.see_campaigns", represents_an_organisation | is_observatory_analyst)
