"""Demo meetings: CIIC's first public debate (October 2017, Parcul Feroviarilor: the month only), the
two ECoC-SME Local Learning Labs in Timișoara from the seed (8 October 2020, the day only; 20 October
2020 from 11:00), and upcoming fictional debates attached to the open consultations, at 18:00 on the
Bucharest clock, with registrations and a waiting list."""

import datetime
from decimal import Decimal

from django.utils import timezone

from civica.accounts.models import User
from civica.comments.demo import seed_conversation
from civica.core.illustrations import illustrate
from civica.participation.models import Process

from .models import Meeting, MeetingFormat, MeetingKind, Registration, RegistrationStatus, WhenKnown

TIMISOARA_LAB_1 = "atelier-local-de-invatare-timisoara-2020-10-08"
TIMISOARA_LAB_2 = "atelier-local-de-invatare-timisoara-2020-10-20"


# The venues' points on the maps. The seeds give a city or a street, not a building, so every point is
# marked approximate: the centre of Cluj-Napoca (Piața Unirii) for CIIC, the centre of Timișoara (Piața
# Victoriei) for Cowork Timișoara Garden, and strada Vasile Alecsandri by Piața Libertății, Timișoara, for
# "str. V. Alecsandri nr. 1".
CLUJ_CENTRE = {"latitude": Decimal("46.769700"), "longitude": Decimal("23.589800"), "coordinates_approximate": True}
TIMISOARA_CENTRE = {"latitude": Decimal("45.753700"), "longitude": Decimal("21.225700"),
                    "coordinates_approximate": True}
ALECSANDRI_STREET = {"latitude": Decimal("45.755600"), "longitude": Decimal("21.227900"),
                     "coordinates_approximate": True}


def load(log):
    tz = timezone.get_current_timezone()
    # Upcoming events at 18:00 on the Bucharest clock (adding days keeps the wall-clock hour).
    now = timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
    day = datetime.timedelta(days=1)
    meetings = [
        {"slug": "dezbatere-parcul-feroviarilor-2017", "kind": MeetingKind.PUBLIC_DEBATE,
         "title_ro": "Parcul Feroviarilor – Concursul de soluții pentru reabilitarea parcului",
         "title_en": "Parcul Feroviarilor – the solution competition for the park's rehabilitation",
         "description_ro": "Dezbaterea publică cu care s-a inaugurat Centrul de Inovare și Imaginație Civică, în "
         "octombrie 2017.",
         "description_en": "The public debate that opened the Centre for Civic Innovation and Imagination in "
         "October 2017.",
         # The seed says "în luna octombrie 2017": the month only.
         "starts_at": datetime.datetime(2017, 10, 1, tzinfo=tz), "ends_at": datetime.datetime(2017, 11, 1, tzinfo=tz),
         "when_known": WhenKnown.MONTH, "place": "CIIC", "address": "Cluj-Napoca", **CLUJ_CENTRE,
         "process": Process.objects.filter(slug="parcul-feroviarilor-2017").first(), "registration_open": False,
         "minutes_ro": "Minută fictivă, pentru demonstrație: participanții au cerut păstrarea arborilor și un loc "
         "de joacă pentru toate vârstele.",
         "minutes_en": "Fictional minutes, for demonstration: participants asked to keep the trees and for a "
         "playground for all ages."},
        {"slug": TIMISOARA_LAB_1, "kind": MeetingKind.WORKSHOP,
         "title_ro": "Atelier Local de Învățare: Parteneriatele trans-sectoriale, rețele și clustere",
         "title_en": "Local Learning Lab: cross-sector partnerships, networks and clusters",
         "description_ro": "Atelier al proiectului ECoC-SME despre cum valorificăm un mega-eveniment ca și CEaC, "
         "moderat de Andrei Munteanu (Cowork Timișoara).",
         "description_en": "An ECoC-SME workshop on making the most of a mega-event such as the European Capital "
         "of Culture, facilitated by Andrei Munteanu (Cowork Timișoara).",
         # The seed says "în data de 08.10.2020": the day only.
         "starts_at": datetime.datetime(2020, 10, 8, tzinfo=tz), "ends_at": datetime.datetime(2020, 10, 9, tzinfo=tz),
         "when_known": WhenKnown.DAY,
         "place": "Cowork Timișoara Garden", "address": "Timișoara", **TIMISOARA_CENTRE, "registration_open": False},
        {"slug": TIMISOARA_LAB_2, "kind": MeetingKind.WORKSHOP,
         "title_ro": "Atelier Local de Învățare: Sectorul cultural și creativ în Timișoara și în regiune",
         "title_en": "Local Learning Lab: the cultural and creative sector in Timișoara and the region",
         "description_ro": "Impactul pandemiei de Covid-19 și modalitățile de dezvoltare a sectorului în anii de "
         "pregătire a CEaC, anul deținerii titlului și anii moștenire, prin metoda world-café.",
         "description_en": "The impact of the Covid-19 pandemic and how the sector can develop in the years "
         "before, during and after the European Capital of Culture title, using the world-café method.",
         # The seed says "începând cu ora 11": the start, not the end.
         "starts_at": datetime.datetime(2020, 10, 20, 11, 0, tzinfo=tz),
         "ends_at": datetime.datetime(2020, 10, 20, 14, 0, tzinfo=tz), "when_known": WhenKnown.START,
         "place": "Fosta Cancelarie de război", "address": "str. V. Alecsandri nr. 1, parter, Timișoara",
         **ALECSANDRI_STREET,
         "registration_open": False},
        {"slug": "dezbatere-cluj-for-youth-2030", "kind": MeetingKind.PUBLIC_DEBATE, "format": MeetingFormat.HYBRID,
         "title_ro": "Dezbatere publică: Cluj for Youth 2030 (demonstrație)",
         "title_en": "Public debate: Cluj for Youth 2030 (demonstration)",
         "description_ro": "Discutăm ideile propuse în consultare, cu Consiliul Consultativ de Tineret.",
         "description_en": "We discuss the ideas proposed in the consultation, with the Youth Consultative Council.",
         "starts_at": now + 10 * day, "ends_at": now + 10 * day + datetime.timedelta(hours=2),
         "place": "CIIC", "address": "Cluj-Napoca", **CLUJ_CENTRE, "online_url": "https://meet.example.org/cluj-for-youth",
         "process": Process.objects.filter(slug="cluj-for-youth-2030").first(), "capacity": 12,
         "terms_ro": "Participarea este gratuită. Dezbaterea este filmată.",
         "terms_en": "Taking part is free. The debate is filmed."},
        {"slug": "dezbatere-oras-neutru-climatic", "kind": MeetingKind.PUBLIC_DEBATE,
         "title_ro": "Dezbatere publică: orașul neutru climatic (demonstrație)",
         "title_en": "Public debate: the climate-neutral city (demonstration)",
         "description_ro": "Ce măsuri propun locuitorii pentru misiunea climatică a orașului.",
         "description_en": "Which measures residents propose for the city's climate mission.",
         "starts_at": now + 20 * day, "ends_at": now + 20 * day + datetime.timedelta(hours=2),
         "place": "CIIC", "address": "Cluj-Napoca", **CLUJ_CENTRE,
         "process": Process.objects.filter(slug="cluj-oras-neutru-climatic").first(), "capacity": 80},
    ]
    for fields in meetings:
        slug = fields.pop("slug")
        meeting, _created = Meeting.objects.update_or_create(slug=slug, defaults=fields)
        illustrate(meeting, seed=slug)
    youth = Meeting.objects.get(slug="dezbatere-cluj-for-youth-2030")
    if not youth.registrations.exists():
        residents = list(User.objects.filter(email__startswith="resident").order_by("email")[:14])
        for number, person in enumerate(residents):
            Registration.objects.create(meeting=youth, person=person, status=RegistrationStatus.REGISTERED
                                        if number < youth.capacity else RegistrationStatus.WAITING,
                                        created_at=now - datetime.timedelta(hours=50 - number))
    residents = list(User.objects.filter(email__startswith="resident").order_by("email"))
    park_debate = Meeting.objects.get(slug="dezbatere-parcul-feroviarilor-2017")
    comments = seed_conversation(park_debate, [
        ("Mulțumim pentru minută. Când vor fi publicate proiectele din concurs? *(comentariu fictiv)*",
         ["Ar fi util și un panou în parc cu proiectul câștigător. *(fictiv)*"]),
        ("Am apreciat că am putut pune întrebări direct echipei. Data viitoare, vă rog, și o transmisiune "
         "online. *(comentariu fictiv)*", []),
    ], residents[:4], starting_at=park_debate.ends_at + datetime.timedelta(hours=2))
    log(f"{Meeting.objects.count()} meetings, {Registration.objects.count()} registrations, {comments} comments")
