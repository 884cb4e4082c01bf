"""What the pages of data collection campaigns read, each in a fixed number of queries.

- ``campaigns_for(user)``: a representative's campaigns, each with the organisations of theirs it asks
  and their answers; an analyst's: every campaign.
- ``review_rows(campaign)``: every organisation asked, with its answer (or none yet), for the analysts."""

from dataclasses import dataclass, field

from civica.network.models import NetworkEntity, Organisation, Relationship

from ..models import Campaign, CampaignAnswer, CampaignStatus, Target


@dataclass
class OrganisationRow:
    organisation: Organisation
    answer: CampaignAnswer | None = None


@dataclass
class CampaignRow:
    campaign: Campaign
    organisations: list[OrganisationRow] = field(default_factory=list)


def _asks(campaign, organisation, network_members) -> bool:
    if campaign.target == Target.MEMBERS:
        return organisation.relationship == Relationship.MEMBER
    if campaign.target == Target.NETWORK:
        return organisation.pk in network_members.get(campaign.network_id, set())
    return organisation.category in (campaign.categories or [])


def campaigns_for(user, *, analyst: bool) -> list[CampaignRow]:
    """The campaigns on ``user``'s list. Four queries whatever their number."""
    campaigns = Campaign.objects.all() if analyst else Campaign.objects.exclude(status=CampaignStatus.DRAFT)
    campaigns = list(campaigns)
    if not user.is_authenticated:
        return []
    organisations = list(Organisation.objects.filter(representatives__user=user).order_by("name"))
    network_members: dict[int, set] = {}
    network_ids = {campaign.network_id for campaign in campaigns if campaign.target == Target.NETWORK}
    if network_ids and organisations:
        for network_id, organisation_id in (NetworkEntity.objects.filter(network_id__in=network_ids,
                                                                         organisation__in=organisations)
                                            .values_list("network_id", "organisation_id")):
            network_members.setdefault(network_id, set()).add(organisation_id)
    answers = {}
    if organisations and campaigns:
        answers = {(answer.campaign_id, answer.organisation_id): answer for answer in
                   CampaignAnswer.objects.filter(campaign__in=campaigns, organisation__in=organisations)}
    rows = []
    for campaign in campaigns:
        row = CampaignRow(campaign, [OrganisationRow(organisation, answers.get((campaign.pk, organisation.pk)))
                                     for organisation in organisations
                                     if campaign.status != CampaignStatus.DRAFT
                                     and _asks(campaign, organisation, network_members)])
        if row.organisations or analyst:
            rows.append(row)
    return rows


def review_rows(campaign) -> list[OrganisationRow]:
    """Every organisation the campaign asks, by name, with its answer. Two queries."""
    answers = {answer.organisation_id: answer for answer in
               campaign.answers.select_related("submitted_by", "reviewed_by")}
    return [OrganisationRow(organisation, answers.get(organisation.pk))
            for organisation in campaign.targeted_organisations().order_by("name")]
