"""The demo's General Assembly motion: the approval of the 2020 plan by the General Assembly of
Members on 6 March 2020 (seeds/000: "Conform planului aprobat în Adunarea Generală a Membrilor…",
"prioritățile asumate în Adunarea Generală din 6 martie 2020"). The decision and its date are the
seed's; the voting hours and the member organisations' votes are invented and marked fictional
(``is_fictional``). The seeds say nothing of a vote on the 2021 plan, which stays a draft
(accountability/demo.py), so no motion approves it."""

import datetime

from django.utils import timezone

from civica.accountability.models import Plan
from civica.network.models import Organisation

from ..models import Body, BodyRole, HeldBy
from .models import Majority, Motion, MotionKind, MotionOption, MotionStatus, MotionVote
from .services import FOR_AGAINST_OPTIONS

GENERAL_ASSEMBLY = "adunarea-generala"
TITLE_RO = "Aprobarea planului Centrului Cultural Clujean pentru 2020"


def _general_assembly() -> Body:
    body, _created = Body.objects.get_or_create(slug=GENERAL_ASSEMBLY, defaults={
        "name_ro": "Adunarea Generală a Membrilor", "name_en": "General Assembly of Members",
        "role": BodyRole.DECISION_MAKING, "held_by": HeldBy.ORGANISATIONS})
    return body


def load(log):
    tz = timezone.get_current_timezone()
    plan = Plan.objects.filter(organisation__slug="centrul-cultural-clujean", year=2020, end_year=2020).first()
    members = list(Organisation.objects.members().order_by("name"))
    motion, _created = Motion.objects.update_or_create(title_ro=TITLE_RO, defaults={
        "body": _general_assembly(),
        "title_en": "Approval of the Cluj Cultural Centre's plan for 2020",
        "text_ro": ("Adunarea Generală a Membrilor aprobă planul Centrului Cultural Clujean pentru 2020 și "
                    "prioritățile asumate pentru acest an.\n\n"
                    "*Demonstrație: decizia și data sunt din planul publicat al centrului; orele votului și "
                    "voturile organizațiilor membre sunt fictive.*"),
        "text_en": ("The General Assembly of Members approves the Cluj Cultural Centre's plan for 2020 and the "
                    "priorities assumed for the year.\n\n"
                    "*Demo: the decision and its date are from the centre's published plan; the voting hours and "
                    "the member organisations' votes are fictional.*"),
        "kind": MotionKind.FOR_AGAINST, "majority": Majority.SIMPLE, "quorum_percent": 50,
        "opens_at": datetime.datetime(2020, 3, 6, 10, 0, tzinfo=tz),
        "closes_at": datetime.datetime(2020, 3, 6, 18, 0, tzinfo=tz),
        "status": MotionStatus.CLOSED, "electorate": len(members), "approves_plan": plan, "is_fictional": True,
        "opened_at": datetime.datetime(2020, 3, 6, 10, 0, tzinfo=tz),
        "closed_at": datetime.datetime(2020, 3, 6, 18, 0, tzinfo=tz),
    })
    options = {}
    for index, (key, ro, en) in enumerate(FOR_AGAINST_OPTIONS):
        options[key], _created = MotionOption.objects.update_or_create(
            motion=motion, key=key, defaults={"label_ro": ro, "label_en": en, "position": index})
    for minutes, organisation in enumerate(members):
        MotionVote.objects.update_or_create(motion=motion, organisation=organisation, defaults={
            "option": options["for"], "is_fictional": True,
            "cast_at": datetime.datetime(2020, 3, 6, 16, minutes % 60, tzinfo=tz)})
    log(f"General Assembly motion: the approval of the 2020 plan, {len(members)} fictional votes of member "
        "organisations")
