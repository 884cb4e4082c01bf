"""The demo's 2021 data collection: fictional answers of five member organisations, marked so on the
campaign, the answers, the values and the page; enough organisations for a published aggregate; loaded
twice without duplicates."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from civica.accounts import demo as accounts_demo
from civica.network import demo as network_demo
from civica.observatory.demo import campaigns as demo_campaigns
from civica.observatory.models import CampaignAnswer, Indicator, IndicatorValue
from civica.observatory.selectors import published_series

pytestmark = pytest.mark.django_db


def test_the_2021_campaign_has_fictional_answers_enough_to_publish(client, settings):
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    for _ in range(2):
        accounts_demo.load(lambda message: None)
        network_demo.load(lambda message: None)
        demo_campaigns.load(lambda message: None)
    answers = CampaignAnswer.objects.filter(campaign__slug=demo_campaigns.SLUG)
    assert answers.count() == 5 and all(answer.illustrative for answer in answers)
    values = IndicatorValue.objects.filter(indicator__code="own-audience", year=2021)
    assert values.count() == 5 and all(value.illustrative for value in values)
    [point] = published_series(Indicator.objects.get(code="own-audience"))
    assert point.value == Decimal(48000 + 21000 + 15500 + 3200 + 6100) and point.organisations == 5
    member = get_user_model().objects.get(email="member@civica.test")
    client.force_login(member)
    page = client.get(f"/en/observatory/campaigns/{demo_campaigns.SLUG}/").content.decode()
    assert "Fictional demo campaign" in page
    answer = client.get(f"/en/observatory/campaigns/{demo_campaigns.SLUG}/answers/consiliul-judetean-cluj/")
    assert "Fictional demo answer" in answer.content.decode() and "21,000" in answer.content.decode()
