"""The demo's data collection campaign (issue 19, points 2 and 7): the 2021 collection to the centre's
member organisations, its questions linked to four of the centre's own indicators, and FICTIONAL answers
(``illustrative=True`` on the campaign, the answers and the values; the pages say so) from the members the
demo has. The network's demo has two members; three more, invented and named as such, join them so that
the sector's aggregates (at least ``CIVICA_OBSERVATORY_MIN_ORGANISATIONS`` organisations) can be published.

The indicators are made with ``get_or_create`` by code, in the framework ``own`` (the full catalogue,
made elsewhere, uses the same codes and slug). Loading twice changes nothing."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from civica.calls.form_engine import FieldKind
from civica.network import services as network_services
from civica.network.models import Category, Organisation, Relationship

from ..campaigns import services as campaign_services
from ..models import (
    AnswerStatus,
    Campaign,
    CampaignAnswer,
    CampaignQuestion,
    CampaignStatus,
    Framework,
    Indicator,
    Unit,
    ValueStatus,
)

SLUG = "colectare-date-organizatii-2021"
BUCHAREST = datetime.timezone(datetime.timedelta(hours=2))

FRAMEWORK = {"name_ro": "Indicatorii Centrului Cultural Clujean",
             "name_en": "The Cluj Cultural Centre's own indicators", "position": 40}

# code, name (ro, en), definition (ro, en)
INDICATORS = [
    ("own-audience", "Public al organizațiilor culturale", "Audience of cultural organisations",
     "Numărul de participanți la evenimentele organizației într-un an (bilete, înscrieri sau numărători).",
     "People taking part in the organisation's events in a year (tickets, registrations or counts)."),
    ("own-events", "Evenimente organizate", "Events organised",
     "Numărul de evenimente publice organizate într-un an.", "Public events organised in a year."),
    ("own-staff", "Angajați", "Staff", "Numărul de angajați la 31 decembrie.", "Employees on 31 December."),
    ("own-volunteers", "Voluntari", "Volunteers", "Numărul de voluntari activi într-un an.",
     "Volunteers active during the year."),
]

# Invented for the demo (their names say so): members who answered, beside the network's two.
FICTIONAL_MEMBERS = [
    ("teatrul-exemplu-fictiv", "Teatrul Exemplu (organizație fictivă)", Category.CULTURAL_INSTITUTION),
    ("asociatia-imaginara-fictiva", "Asociația Culturală Imaginară (organizație fictivă)", Category.CIVIL_SOCIETY),
    ("galeria-demonstrativa-fictiva", "Galeria Demonstrativă (organizație fictivă)", Category.CULTURAL_INSTITUTION),
]
FICTIONAL_NOTE = ("Organizație fictivă, inventată pentru demonstrația platformei.",
                  "A fictional organisation, invented to show how the platform works.")

# key, kind, label (ro, en), indicator code, required
QUESTIONS = [
    ("audience", FieldKind.NUMBER, "Câți participanți au avut evenimentele dumneavoastră în 2021?",
     "How many people took part in your events in 2021?", "own-audience", True),
    ("events", FieldKind.NUMBER, "Câte evenimente publice ați organizat în 2021?",
     "How many public events did you organise in 2021?", "own-events", True),
    ("staff", FieldKind.NUMBER, "Câți angajați aveați la 31 decembrie 2021?",
     "How many employees did you have on 31 December 2021?", "own-staff", True),
    ("volunteers", FieldKind.NUMBER, "Câți voluntari au fost activi în 2021?",
     "How many volunteers were active in 2021?", "own-volunteers", False),
    ("highlights", FieldKind.LONG_TEXT, "Ce a marcat anul 2021 pentru organizația dumneavoastră?",
     "What marked 2021 for your organisation?", None, False),
]

# FICTIONAL figures, by organisation slug: audience, events, staff, volunteers.
ANSWERS = {
    "primaria-cluj-napoca": (48000, 120, 35, 60),
    "consiliul-judetean-cluj": (21000, 45, 18, 25),
    "teatrul-exemplu-fictiv": (15500, 140, 42, 12),
    "asociatia-imaginara-fictiva": (3200, 38, 4, 55),
    "galeria-demonstrativa-fictiva": (6100, 22, 6, 9),
}
HIGHLIGHT = ("Răspuns fictiv, scris pentru demonstrație: un an cu evenimente în aer liber și online.",)


def _indicators():
    framework, _created = Framework.objects.get_or_create(slug="own", defaults=FRAMEWORK)
    indicators = {}
    for position, (code, name_ro, name_en, definition_ro, definition_en) in enumerate(INDICATORS, start=1):
        indicators[code], _created = Indicator.objects.get_or_create(code=code, defaults={
            "framework": framework, "position": 100 + position, "name_ro": name_ro, "name_en": name_en,
            "definition_ro": definition_ro, "definition_en": definition_en, "unit": Unit.COUNT,
            "minimum": Decimal(0), "source": "Colectarea de date de la organizațiile membre",
            "breakdowns": ["category"]})
    return indicators


def _fictional_members():
    for slug, name, category in FICTIONAL_MEMBERS:
        organisation, created = Organisation.objects.get_or_create(slug=slug, defaults={
            "name": name, "category": category, "relationship": Relationship.MEMBER, "city": "Cluj-Napoca",
            "description_ro": FICTIONAL_NOTE[0], "description_en": FICTIONAL_NOTE[1]})
        if created:
            network_services.membership_sync(organisation=organisation)


@transaction.atomic
def load(log):
    indicators = _indicators()
    _fictional_members()
    campaign, _created = Campaign.objects.get_or_create(slug=SLUG, defaults={
        "title_ro": "Colectarea de date de la organizațiile membre, 2021",
        "title_en": "Data collection from member organisations, 2021",
        "intro_ro": "Observatorul cultural al centrului cere organizațiilor membre cifrele anului 2021: public, "
                    "evenimente, angajați și voluntari. **Răspunsurile din demonstrație sunt fictive.** "
                    "Doar agregatele a cel puțin trei organizații sunt publicate.",
        "intro_en": "The centre's cultural observatory asks member organisations for their 2021 figures: "
                    "audience, events, staff and volunteers. **The answers in the demo are fictional.** "
                    "Only aggregates of at least three organisations are published.",
        "year": 2021, "opens_at": datetime.datetime(2022, 2, 1, 9, 0, tzinfo=BUCHAREST),
        "deadline": datetime.datetime(2022, 3, 31, 23, 59, tzinfo=BUCHAREST), "status": CampaignStatus.CLOSED,
        "illustrative": True})
    for position, (key, kind, label_ro, label_en, code, required) in enumerate(QUESTIONS, start=1):
        CampaignQuestion.objects.get_or_create(campaign=campaign, key=key, defaults={
            "kind": kind, "position": position, "label_ro": label_ro, "label_en": label_en, "required": required,
            "min_value": Decimal(0) if kind == FieldKind.NUMBER else None,
            "indicator": indicators[code] if code else None})
    answered = 0
    for slug, (audience, events, staff, volunteers) in ANSWERS.items():
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        answer, created = CampaignAnswer.objects.get_or_create(campaign=campaign, organisation=organisation, defaults={
            "status": AnswerStatus.ACCEPTED, "illustrative": True, "value_status": ValueStatus.FINAL,
            "answers": {"audience": str(audience), "events": str(events), "staff": str(staff),
                        "volunteers": str(volunteers), "highlights": HIGHLIGHT[0]},
            "submitted_at": datetime.datetime(2022, 3, 20, 12, 0, tzinfo=BUCHAREST),
            "reviewed_at": timezone.now()})
        if created:
            campaign_services.write_indicator_values(answer, None)
        answered += 1
    log(f"1 data collection campaign, {answered} fictional answers")
