"""The demo: fictional subscribers and one sent, fictional campaign with a delivery for each recipient."""

import pytest

from civica.newsletter import demo
from civica.newsletter.models import Campaign, CampaignStatus, DeliveryStatus

pytestmark = pytest.mark.django_db


def test_the_demo_campaign_is_sent_to_the_fictional_subscribers(client, make_user):
    demo.load(lambda line: None)
    demo.load(lambda line: None)  # loading again adds nothing
    campaign = Campaign.objects.get()
    assert campaign.is_fictional and campaign.status == CampaignStatus.SENT
    deliveries = {(row.subscriber.email, row.status) for row in campaign.deliveries.select_related("subscriber")}
    assert deliveries == {(email, DeliveryStatus.SENT) for email, _language, lists in demo.SUBSCRIBERS
                          if "ccc-monthly" in lists}
    assert "demonstration" in campaign.rendered["en"]["text"].lower()
    client.force_login(make_user("editor"))
    page = client.get(f"/en/newsletter/manage/{campaign.pk}/").content.decode()
    assert "3 sent, 0 pending" in page
