"""What is true of a data collection campaign or an answer to it, as ``rules`` predicates (who the user
is: accounts' and network's predicates). An answer's object is a ``CampaignAnswer``; a campaign's a
``Campaign``."""

import rules
from django.utils import timezone

from civica.network.predicates import represented_organisation_ids

from ..models import AnswerStatus, CampaignStatus


@rules.predicate
def represents_answering_organisation(user, answer):
    """The user represents the organisation the answer is of (``network.Representation``)."""
    return answer is not None and answer.organisation_id in represented_organisation_ids(user)


@rules.predicate
def represents_an_organisation(user):
    return bool(represented_organisation_ids(user))


@rules.predicate
def answer_is_editable(user, answer):
    """A draft, or an answer an analyst queried back."""
    return answer is not None and answer.status in (AnswerStatus.DRAFT, AnswerStatus.QUERIED)


@rules.predicate
def campaign_takes_answers(user, answer):
    """The campaign is open and its deadline has not passed; an answer queried back may be corrected
    after the deadline while the campaign stays open."""
    if answer is None:
        return False
    campaign = answer.campaign
    now = timezone.now()
    if campaign.status != CampaignStatus.OPEN or now < campaign.opens_at:
        return False
    return now < campaign.deadline or answer.status == AnswerStatus.QUERIED


@rules.predicate
def answer_is_under_review(user, answer):
    """Submitted or accepted: what an analyst queries or accepts (a draft is the organisation's still)."""
    return answer is not None and answer.status in (AnswerStatus.SUBMITTED, AnswerStatus.ACCEPTED)
