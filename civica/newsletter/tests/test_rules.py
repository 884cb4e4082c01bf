"""Truth table of the newsletter's campaign permissions: every role, for a draft and a sent campaign."""

import pytest

from civica.newsletter.models import CampaignStatus
from civica.newsletter.tests.factories import campaign as make_campaign

pytestmark = pytest.mark.django_db

PERMISSIONS = ["newsletter.manage_campaigns", "newsletter.edit_campaign", "newsletter.send_campaign"]
KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator",
         "editor", "administrator", "superuser"]
EDITORS = {"editor", "administrator", "superuser"}


@pytest.mark.parametrize("status", [CampaignStatus.DRAFT, CampaignStatus.SENT])
@pytest.mark.parametrize("kind", KINDS)
def test_permissions(make_user, kind, status):
    campaign = make_campaign(status=status)
    user = make_user(kind)
    actual = {permission: user.has_perm(permission, campaign) for permission in PERMISSIONS}
    assert actual == dict.fromkeys(PERMISSIONS, kind in EDITORS)
