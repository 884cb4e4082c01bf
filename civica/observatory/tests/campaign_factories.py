"""Rows for the tests of data collection campaigns: an indicator, a campaign in each state with its
questions, an organisation's answer, an analyst."""

import datetime
from decimal import Decimal

from django.utils import timezone

from civica.calls.form_engine import FieldKind
from civica.network.tests.factories import MemberFactory, member_representative
from civica.observatory.models import (
    AnswerStatus,
    Campaign,
    CampaignAnswer,
    CampaignQuestion,
    CampaignStatus,
    Framework,
    Indicator,
    Unit,
)
from civica.observatory.tests.factories import analyst  # noqa: F401 -- the campaigns' tests import it here


def indicator(code="own-audience", unit=Unit.COUNT, **fields):
    framework, _ = Framework.objects.get_or_create(slug="own", defaults={"name_ro": "Indicatorii centrului"})
    values = {"framework": framework, "name_ro": f"Indicatorul {code}", "name_en": f"Indicator {code}",
              "definition_ro": "Definiție.", "unit": unit, **fields}
    return Indicator.objects.get_or_create(code=code, defaults=values)[0]


def make_campaign(*, state="open", year=2021, **fields):
    """A campaign to the member organisations with three questions: the audience (a count, linked to
    ``own-audience``, at least 0), the share of young people (a percentage, linked to ``own-young``) and a
    text. ``state``: draft, not_yet (open, before its opening), open, past_deadline (open), closed."""
    now = timezone.now()
    opens_at = now + datetime.timedelta(days=2) if state == "not_yet" else now - datetime.timedelta(days=10)
    deadline = now - datetime.timedelta(days=1) if state == "past_deadline" else now + datetime.timedelta(days=20)
    status = {"draft": CampaignStatus.DRAFT, "closed": CampaignStatus.CLOSED}.get(state, CampaignStatus.OPEN)
    campaign = Campaign.objects.create(**{
        "slug": f"colectare-{Campaign.objects.count() + 1}-{year}", "title_ro": "Colectarea de date 2021",
        "title_en": "Data collection 2021", "year": year, "opens_at": opens_at, "deadline": deadline,
        "status": status, **fields})
    CampaignQuestion.objects.create(campaign=campaign, key="audience", kind=FieldKind.NUMBER, position=1,
                                    label_ro="Public total", label_en="Total audience", min_value=Decimal(0),
                                    indicator=indicator("own-audience"))
    CampaignQuestion.objects.create(campaign=campaign, key="young", kind=FieldKind.NUMBER, position=2,
                                    label_ro="Ponderea tinerilor", label_en="Share of young people",
                                    indicator=indicator("own-young", unit=Unit.PERCENT))
    CampaignQuestion.objects.create(campaign=campaign, key="notes", kind=FieldKind.LONG_TEXT, position=3,
                                    label_ro="Observații", label_en="Notes", required=False)
    return campaign


def make_answer(campaign=None, organisation=None, *, status=AnswerStatus.DRAFT, answers=None):
    campaign = campaign or make_campaign()
    organisation = organisation or MemberFactory()
    return CampaignAnswer.objects.create(campaign=campaign, organisation=organisation, status=status,
                                         answers=answers if answers is not None else
                                         {"audience": "1200", "young": "35", "notes": ""})


def representative(organisation, **fields):
    return member_representative(organisation, **fields)
