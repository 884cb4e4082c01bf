"""Who may apply to a call, and on whose behalf: any verified participant, representatives of member
organisations, or representatives of organisations of the call's categories (for one of those)."""

from civica.accounts.predicates import is_participant
from civica.network.models import Relationship
from civica.network.predicates import is_member_representative

from .models import Eligibility


def eligible_organisations(user, call):
    """The organisations ``user`` may apply for (empty for calls open to individuals)."""
    if call.eligibility == Eligibility.PARTICIPANTS or not user.is_authenticated:
        return []
    representations = user.representations.select_related("organisation")
    organisations = [representation.organisation for representation in representations]
    if call.eligibility == Eligibility.MEMBER_REPRESENTATIVES:
        return [organisation for organisation in organisations if organisation.relationship == Relationship.MEMBER]
    return [organisation for organisation in organisations if organisation.category in call.eligible_categories]


def is_eligible(user, call) -> bool:
    if not is_participant(user):
        return False
    if call.eligibility == Eligibility.PARTICIPANTS:
        return True
    if call.eligibility == Eligibility.MEMBER_REPRESENTATIVES and not is_member_representative(user):
        return False
    return bool(eligible_organisations(user, call))
