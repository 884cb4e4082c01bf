"""Demo bodies (issue 18, points 3, 6 and 7), from the seeds:

- the General Assembly of Members (seeds/000): decision-making, a seat per member organisation; it
  approved the 2020 plan on 6 March 2020;
- the Board of Directors (Consiliul Director, seeds/000): its composition validated in 2020 for a new
  term, it aims at quarterly meetings and met twice in 2020, and "the institutions and organisations
  represented" on it; its annual objectives, 2020 assessed (the PROPUS/REALIZAT table) and 2021 set;
- the CIIC Board (seeds/002, 003): formed at the end of August 2022 of local community representatives
  and key actors, consultative, unpaid, open to new members;
- the Youth Consultative Council (seeds/002): involves young people in decisions and in the "Cluj for
  Youth 2030" action plan.

The seeds name nobody who holds a seat, give no body's size or term length, no age range and no date of
the Board's two 2020 meetings: the people are fictional (``Term.is_fictional``, shown on the pages), the
meetings' months and the Board's decisions are fictional and say so, and the Youth Council's age range is
illustrative and says so. Sizes and term lengths the seeds do not give are left empty. Safe to run again."""

import datetime

from django.utils import timezone

from civica.meetings.models import Meeting, MeetingKind, WhenKnown
from civica.network.models import Organisation

from .models import Body, BodyMeeting, BodyObjective, BodyRole, Decision, HeldBy, Seat, SeatRole, Term
from .motions import demo as motions_demo
from .seat_calls import demo as seat_calls_demo

GENERAL_ASSEMBLY = "adunarea-generala"
BOARD = "consiliul-director"
CIIC_BOARD = "board-ciic"
YOUTH_COUNCIL = "consiliul-consultativ-de-tineret"

BODIES = [
    {"slug": GENERAL_ASSEMBLY, "position": 1, "role": BodyRole.DECISION_MAKING, "held_by": HeldBy.ORGANISATIONS,
     "name_ro": "Adunarea Generală a Membrilor", "name_en": "General Assembly of Members",
     "description_ro": "Organul de conducere al Centrului Cultural Clujean, format din organizațiile membre. "
     "În Adunarea Generală din 6 martie 2020 a fost aprobat planul pentru 2020. Obiectivele sale pentru 2021: "
     "testarea de mecanisme de acces pentru membri în spațiile și proiectele Centrului, dezvoltarea "
     "mecanismelor de implicare a membrilor și pregătirea pentru demararea de apeluri de proiecte pentru membri.",
     "description_en": "The governing body of the Cluj Cultural Centre, made up of its member organisations. The "
     "General Assembly of 6 March 2020 approved the plan for 2020. Its goals for 2021: testing ways for members "
     "to use the Centre's spaces and projects, developing ways to involve members, and preparing calls for "
     "projects for the members.",
     "eligibility_ro": "Organizațiile membre ale Centrului, fiecare prin reprezentantul său.",
     "eligibility_en": "The Centre's member organisations, each through its representative."},
    {"slug": BOARD, "position": 2, "role": BodyRole.DECISION_MAKING, "held_by": HeldBy.EITHER,
     "reviews_membership_applications": True,
     "name_ro": "Consiliul Director", "name_en": "Board of Directors",
     "description_ro": "Componența Consiliului Director a fost validată în 2020 pentru un nou mandat. Consiliul "
     "își propune întâlniri trimestriale (în 2020 au avut loc două) și obiective anuale, creșterea colaborării "
     "cu instituțiile și organizațiile reprezentate în el și invitarea Ministrului Culturii.",
     "description_en": "The Board's membership was confirmed in 2020 for a new term. The Board aims to meet "
     "every quarter (it met twice in 2020) and to set annual objectives, to work more with the institutions "
     "and organisations represented on it, and to invite the Minister of Culture to join.",
     "eligibility_ro": "Reprezentanți ai instituțiilor și organizațiilor, validați de Adunarea Generală.",
     "eligibility_en": "Representatives of institutions and organisations, confirmed by the General Assembly."},
    {"slug": CIIC_BOARD, "position": 3, "role": BodyRole.CONSULTATIVE, "held_by": HeldBy.EITHER,
     "is_open_to_new_members": True, "established_on": datetime.date(2022, 8, 1),
     "name_ro": "Board-ul CIIC", "name_en": "CIIC Board",
     "description_ro": "Format la finele lunii august 2022 din reprezentanți ai comunității locale și actori "
     "cheie implicați în proiectele-pilot ale DIU și CIIC, Board-ul sprijină dezvoltarea de proiecte și "
     "parteneriate strategice. Rolul său este consultativ, iar membrii nu sunt remunerați.",
     "description_en": "Formed at the end of August 2022 of local community representatives and key actors "
     "involved in the pilot projects of the Urban Innovation Division and CIIC, the Board supports strategic "
     "projects and partnerships. Its role is consultative and its members are unpaid.",
     "eligibility_ro": "Reprezentanți ai comunității locale și actori cheie; Board-ul rămâne deschis pentru "
     "membri noi.",
     "eligibility_en": "Local community representatives and key actors; the Board remains open to new members."},
    {"slug": YOUTH_COUNCIL, "position": 4, "role": BodyRole.CONSULTATIVE, "held_by": HeldBy.PERSONS,
     "min_age": 14, "max_age": 35,
     "name_ro": "Consiliul Consultativ de Tineret", "name_en": "Youth Consultative Council",
     "description_ro": "Implică tinerii în procesul de luare a deciziilor și în elaborarea politicilor publice "
     "pentru tineret, și în planul de acțiune „Cluj for Youth 2030”.",
     "description_en": "Involves young people in decision-making and in public policy for young people, and "
     "in the “Cluj for Youth 2030” action plan.",
     "eligibility_ro": "Tineri. Intervalul de vârstă de 14–35 de ani este ilustrativ, pentru demonstrație: "
     "sursele nu îl dau.",
     "eligibility_en": "Young people. The age range of 14–35 is illustrative, for demonstration: the sources "
     "do not give it."},
]

# Fictional people (the seeds name nobody): (body, role, name, organisation slug or None, starts_on, ends_on).
FICTIONAL_TERMS = [
    (BOARD, SeatRole.CHAIR, "Ioana Mureșan", "muzeul-etnografic-al-transilvaniei", datetime.date(2020, 3, 6), None),
    (BOARD, SeatRole.VICE_CHAIR, "Andrei Pop", "primaria-cluj-napoca", datetime.date(2020, 3, 6), None),
    (BOARD, SeatRole.SECRETARY, "Maria Rus", "asociatia-dezvolt", datetime.date(2020, 3, 6), None),
    (BOARD, SeatRole.MEMBER, "Vlad Cîmpean", "consiliul-judetean-cluj", datetime.date(2020, 3, 6), None),
    (CIIC_BOARD, SeatRole.CHAIR, "Elena Sabău", None, datetime.date(2022, 8, 31), None),
    (CIIC_BOARD, SeatRole.MEMBER, "Radu Oltean", "asociatia-dezvolt", datetime.date(2022, 8, 31), None),
    (CIIC_BOARD, SeatRole.MEMBER, "Cristina Bălan", None, datetime.date(2022, 8, 31), None),
    (YOUTH_COUNCIL, SeatRole.CHAIR, "Ștefan Moldovan", None, datetime.date(2023, 1, 15), None),
    (YOUTH_COUNCIL, SeatRole.MEMBER, "Ana Todea", None, datetime.date(2023, 1, 15), None),
]
# A seat of the Board held before 2020 (its history) and a vacant seat of the Youth Council.
EARLIER_BOARD_TERM = ("Mihai Crișan", "muzeul-etnografic-al-transilvaniei", datetime.date(2017, 3, 1),
                      datetime.date(2020, 3, 6))
GA_REPRESENTATIVES = ["Dana Pop", "Sorin Vaida", "Lavinia Ilieș", "Tudor Man", "Irina Coman", "Paul Hosu"]

# The seed's PROPUS / REALIZAT table for the Board (2020), and its objectives for 2021.
OBJECTIVES_2020 = [
    ("Actualizarea Consiliului Director pentru noul mandat", "Renewing the Board of Directors for the new term",
     "fully", "Componența Consiliului Director a fost validată în 2020 pentru un nou mandat.",
     "The Board's membership was confirmed in 2020 for a new term."),
    ("Organizarea de întâlniri trimestriale", "Holding quarterly meetings", "partly",
     "În 2020 au avut loc două întâlniri de CD, în loc de patru, cum ne propuseserăm. Cauza principală pentru "
     "aceasta au fost restricțiile impuse în starea de urgență/de alertă. Comunicarea s-a derulat însă bine pe "
     "email.",
     "The Board met twice in 2020 instead of the four times planned, mainly because of the restrictions of the "
     "state of emergency and alert. Communication by e-mail worked well."),
    ("Statut onorific pentru Ministerul Culturii (și statut de proiect strategic pentru Centru)",
     "Honorary status for the Ministry of Culture (and strategic project status for the Centre)", "small",
     "În acest sens au avut loc numai discuții informale deocamdată. Obiectivul va fi transferat pentru anul 2021.",
     "Only informal talks have taken place so far. The objective moves to 2021."),
]
OBJECTIVES_2021 = [
    ("Setarea și urmărirea de obiective anuale pentru Consiliul Director",
     "Setting and following up annual objectives for the Board of Directors"),
    ("Creșterea colaborării cu instituțiile și organizațiile reprezentate în Consiliul Director",
     "Increasing collaboration with the institutions and organisations represented on the Board"),
    ("Invitarea Ministrului Culturii în Consiliul Director", "Inviting the Minister of Culture to join the Board"),
]

# The seed says two Board meetings took place in 2020, not when: the months here are fictional.
BOARD_MEETINGS_2020 = [
    {"slug": "consiliul-director-2020-1", "month": 6, "number": 1,
     "decision_ro": "Consiliul Director ia act de validarea componenței sale pentru noul mandat.",
     "decision_en": "The Board of Directors takes note that its membership is confirmed for the new term."},
    {"slug": "consiliul-director-2020-2", "month": 11, "number": 2,
     "decision_ro": "Consiliul Director își propune obiective anuale pentru 2021.",
     "decision_en": "The Board of Directors sets itself annual objectives for 2021."},
]


def _bodies(log) -> dict:
    bodies = {}
    for fields in BODIES:
        fields = dict(fields)
        slug = fields.pop("slug")
        bodies[slug], _ = Body.objects.update_or_create(slug=slug, defaults=fields)
    log(f"{len(bodies)} bodies")
    return bodies


def _term(seat, name, organisation, starts_on, ends_on) -> None:
    Term.objects.update_or_create(seat=seat, starts_on=starts_on, defaults={
        "holder_name": name, "organisation": organisation, "ends_on": ends_on, "is_fictional": True})


def _seats_and_terms(bodies, log) -> None:
    organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
    terms = 0
    for position, (slug, role, name, organisation, starts_on, ends_on) in enumerate(FICTIONAL_TERMS, start=1):
        seat, _ = Seat.objects.get_or_create(body=bodies[slug], role=role, position=position)
        _term(seat, name, organisations.get(organisation) if organisation else None, starts_on, ends_on)
        terms += 1
        if slug == BOARD and role == SeatRole.CHAIR:
            earlier, organisation, starts_on, ends_on = EARLIER_BOARD_TERM
            _term(seat, earlier, organisations.get(organisation), starts_on, ends_on)
            terms += 1
    Seat.objects.get_or_create(body=bodies[YOUTH_COUNCIL], role=SeatRole.MEMBER, position=len(FICTIONAL_TERMS) + 1)
    # The General Assembly: a seat for each member organisation, held by a fictional representative.
    members = Organisation.objects.members().order_by("name")
    for position, (organisation, name) in enumerate(zip(members, GA_REPRESENTATIVES, strict=False), start=1):
        seat, _ = Seat.objects.get_or_create(body=bodies[GENERAL_ASSEMBLY], role=SeatRole.MEMBER, position=position)
        _term(seat, name, organisation, datetime.date(2020, 3, 6), None)
        terms += 1
    log(f"{terms} terms (fictional people)")


def _objectives(bodies) -> None:
    board = bodies[BOARD]
    for position, (text_ro, text_en, level, narrative_ro, narrative_en) in enumerate(OBJECTIVES_2020, start=1):
        BodyObjective.objects.update_or_create(body=board, year=2020, position=position, defaults={
            "text_ro": text_ro, "text_en": text_en, "level": level, "narrative_ro": narrative_ro,
            "narrative_en": narrative_en})
    for position, (text_ro, text_en) in enumerate(OBJECTIVES_2021, start=1):
        BodyObjective.objects.update_or_create(body=board, year=2021, position=position, defaults={
            "text_ro": text_ro, "text_en": text_en})


def _board_meetings(bodies, log) -> None:
    tz = timezone.get_current_timezone()
    board = bodies[BOARD]
    for fields in BOARD_MEETINGS_2020:
        start = datetime.datetime(2020, fields["month"], 1, tzinfo=tz)
        meeting, _ = Meeting.objects.update_or_create(slug=fields["slug"], defaults={
            "kind": MeetingKind.BOARD, "when_known": WhenKnown.MONTH, "starts_at": start,
            "ends_at": start + datetime.timedelta(days=1), "registration_open": False,
            "title_ro": f"Ședința Consiliului Director ({fields['number']} din 2, 2020)",
            "title_en": f"Meeting of the Board of Directors ({fields['number']} of 2, 2020)",
            "description_ro": "În 2020 Consiliul Director s-a întrunit de două ori (Planul 2021). Luna ședinței "
            "este fictivă, pentru demonstrație: sursele nu o dau.",
            "description_en": "The Board of Directors met twice in 2020 (the 2021 Plan). The month of the meeting "
            "is fictional, for demonstration: the sources do not give it.",
            "minutes_ro": "Minută fictivă, pentru demonstrație.",
            "minutes_en": "Fictional minutes, for demonstration."})
        BodyMeeting.objects.update_or_create(meeting=meeting, defaults={
            "body": board,
            "agenda_ro": "Ordine de zi fictivă, pentru demonstrație:\n\n1. Activitatea Centrului\n2. Diverse",
            "agenda_en": "Fictional agenda, for demonstration:\n\n1. The Centre's work\n2. Other business"})
        Decision.objects.update_or_create(body=board, number=f"{fields['number']}/2020", defaults={
            "meeting": meeting, "decided_on": start.date(), "is_fictional": True,
            "text_ro": fields["decision_ro"], "text_en": fields["decision_en"]})
    log("2 meetings of the Board of Directors in 2020 (months fictional), with a decision each (fictional)")


def load(log):
    bodies = _bodies(log)
    _seats_and_terms(bodies, log)
    _objectives(bodies)
    _board_meetings(bodies, log)
    seat_calls_demo.load(log)  # the Youth Council's recruitment call
    motions_demo.load(log)  # the General Assembly's motion approving the 2020 plan
