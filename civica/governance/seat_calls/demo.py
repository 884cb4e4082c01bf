"""The demo's Youth Council recruitment call (issue 18, point 7). What the council does is the seeds'
(002: it involves young people in decisions and in public policy for the youth sector, and in the
"Cluj for Youth 2030" action plan); its size, age range and term length when the demo has to create the
body, the number of seats and the dates are fictional and say so."""

import datetime
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from civica.calls.models import Call, CallKind, CallStatus, Criterion, Eligibility, FormField

from ..models import Body, BodyRole, SeatCall
from .services import form_field_specs

BODY_NAME_RO = "Consiliul Consultativ de Tineret"
BODY_SLUG = "consiliul-consultativ-de-tineret"
CALL_SLUG = "recrutare-consiliul-consultativ-de-tineret"
FICTIONAL = (" *(Numărul de locuri, limitele de vârstă, durata mandatului și termenele sunt fictive, "
             "pentru demonstrație.)*")
FICTIONAL_EN = (" *(The number of seats, the age range, the term length and the dates are fictional, "
                "for demonstration.)*")
SEATS = 5
CRITERIA = [("Motivație și implicare", "Motivation and commitment", 1),
            ("Legătura cu sectorul de tineret", "Ties with the youth sector", 1)]


def _youth_council():
    """The council as the bodies' demo made it, or (when it has not) as the seeds describe it, with
    fictional rules said to be so."""
    body = Body.objects.filter(Q(slug=BODY_SLUG) | Q(name_ro=BODY_NAME_RO)).first()
    if body is not None:
        return body
    return Body.objects.create(
        slug=BODY_SLUG, name_ro=BODY_NAME_RO, name_en="Youth Consultative Council", role=BodyRole.CONSULTATIVE,
        description_ro="Implică tinerii în procesul de luare a deciziilor și în elaborarea de politici publice "
                       "pentru sectorul de tineret; sprijină planul de acțiune pentru tineret „Cluj for Youth 2030”."
                       + FICTIONAL,
        description_en="Involves young people in decision-making and in public policy for the youth sector; supports "
                       "the “Cluj for Youth 2030” youth action plan." + FICTIONAL_EN,
        size=15, term_months=24, min_age=14, max_age=35,
        eligibility_ro="Tineri cu vârsta între 14 și 35 de ani." + FICTIONAL,
        eligibility_en="Young people aged 14 to 35." + FICTIONAL_EN, is_open_to_new_members=True)


def load(log):
    body = _youth_council()
    now = timezone.localtime().replace(hour=17, minute=0, second=0, microsecond=0)
    call, _created = Call.objects.update_or_create(slug=CALL_SLUG, defaults={
        "kind": CallKind.OPEN_CALL, "title_ro": "Recrutare: Consiliul Consultativ de Tineret",
        "title_en": "Recruitment: Youth Consultative Council",
        "summary_ro": "Consiliul Consultativ de Tineret implică tinerii în luarea deciziilor și în politicile publice "
                      "pentru tineret, inclusiv în planul „Cluj for Youth 2030”. Dacă aveți vârsta potrivită, "
                      "candidați pentru un loc în consiliu." + FICTIONAL,
        "summary_en": "The Youth Consultative Council involves young people in decisions and in public policy for "
                      "youth, including the “Cluj for Youth 2030” plan. If you are within its age range, apply for "
                      "a seat on the council." + FICTIONAL_EN,
        "eligibility": Eligibility.PARTICIPANTS, "budget_total": Decimal(0), "amount_min": Decimal(0),
        "amount_max": Decimal(0), "opens_at": now - datetime.timedelta(days=7),
        "closes_at": now + datetime.timedelta(days=21), "status": CallStatus.PUBLISHED})
    for spec in form_field_specs(body):
        FormField.objects.update_or_create(call=call, key=spec["key"], defaults=spec)
    for position, (name_ro, name_en, weight) in enumerate(CRITERIA):
        Criterion.objects.update_or_create(call=call, name_ro=name_ro, defaults={
            "name_en": name_en, "weight": Decimal(weight), "position": position})
    SeatCall.objects.update_or_create(call=call, defaults={"body": body, "seats": SEATS,
                                                           "term_months": body.term_months})
    log(f"Call for seats: {call.title_ro} ({SEATS} seats)")
