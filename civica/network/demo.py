"""Organisations, programmes and spaces named in the seeds (names, websites and categories as the
seeds give them; descriptions are our own words, what the seed says of a space is quoted from it, and
what it does not say — addresses, points on the maps, capacities, equipment — stays empty), and the demo
accounts that
represent one (demo_accounts.json's "represents"). Run by `manage.py loaddemo`, after accounts' demo.
The five spaces quote the seed (Plan 2021): only the online-events studio is open and bookable; CLTP Hub,
Qub, Pavilionul ECCA and Garnizoana Culturală are "not open yet". One application to become a member waits
for review: a fictional organisation's, made by the demo participant, marked fictional.

The member organisations get their membership (dues category by their category; since: not known, the
seeds give no date). The four networks of the About page (seeds/001) are loaded with what the seeds say of
them; their entities are named only where the seeds name them (the partner organisations above, the
Ministry of Culture): the few schools, localities and cities shown so the pages have something to show are
marked fictional. The figures stay as the About page states them, each tied to its network: the records
are far from complete (a handful of the 117 members, 35 schools…), so none is switched to counted."""

from civica.accounts.demo import demo_accounts
from civica.accounts.models import User
from civica.core.illustrations import illustrate

from . import services
from .models import (
    Category,
    EntityKind,
    Figure,
    MembershipApplication,
    Network,
    NetworkEntity,
    Organisation,
    Programme,
    Relationship,
    Space,
    SpaceKind,
    SpaceStatus,
)

CCC = "centrul-cultural-clujean"

ORGANISATIONS = [
    {
        "slug": CCC,
        "name": "Centrul Cultural Clujean",
        "category": Category.CIVIL_SOCIETY,
        "relationship": Relationship.HOST,
        "city": "Cluj-Napoca",
        "website": "https://www.cccluj.ro",
        "email": "office@cccluj.ro",
        "description_ro": "Organizație neguvernamentală care pune cultura în slujba transformării sociale și a "
        "dezvoltării durabile, cu o rețea de membri, școli, localități, orașe europene și parteneri.",
        "description_en": "A non-governmental organisation that puts culture to work for social change and "
        "sustainable development, with a network of members, schools, localities, European cities and partners.",
    },
    {
        "slug": "ciic",
        "name": "Centrul de Inovare și Imaginație Civică",
        "category": Category.PUBLIC_ADMINISTRATION,
        "relationship": Relationship.PARTNER,
        "city": "Cluj-Napoca",
        "website": "https://www.ciic.ro",
        "email": "imaginatiecivica@primariaclujnapoca.ro",
        "description_ro": "Laboratorul orașului pentru dezbateri publice, concursuri de soluții și colaborare "
        "între administrație, cetățeni, universități și mediul economic, deschis în octombrie 2017.",
        "description_en": "The city's laboratory for public debates, solution competitions and collaboration "
        "between the administration, residents, universities and business, opened in October 2017.",
    },
    {
        "slug": "primaria-cluj-napoca",
        "name": "Primăria Municipiului Cluj-Napoca",
        "category": Category.PUBLIC_ADMINISTRATION,
        "relationship": Relationship.MEMBER,
        "city": "Cluj-Napoca",
        "description_ro": "Administrația locală a orașului, membră a centrului și gazda CIIC.",
        "description_en": "The city's local administration, a member of the centre and home of CIIC.",
    },
    {
        "slug": "consiliul-judetean-cluj",
        "name": "Consiliul Județean Cluj",
        "category": Category.PUBLIC_ADMINISTRATION,
        "relationship": Relationship.MEMBER,
        "city": "Cluj-Napoca",
        "description_ro": "Administrația județului, membră a centrului și partener al rețelei România Remarcabilă.",
        "description_en": "The county administration, a member of the centre and a partner of the "
        "Remarkable Romania network.",
    },
    {
        "slug": "muzeul-etnografic-al-transilvaniei",
        "name": "Muzeul Etnografic al Transilvaniei",
        "category": Category.CULTURAL_INSTITUTION,
        "relationship": Relationship.PARTNER,
        "city": "Cluj-Napoca",
        "description_ro": "Muzeu cu care programul Jivipen colaborează pentru ca istoria și cultura romilor să "
        "fie prezente în colecții și programe publice.",
        "description_en": "A museum the Jivipen programme works with so that Roma history and culture are "
        "present in public collections and programmes.",
    },
    {
        "slug": "asociatia-dezvolt",
        "name": "Asociația DEZVOLT",
        "category": Category.CIVIL_SOCIETY,
        "relationship": Relationship.PARTNER,
        "city": "Cluj-Napoca",
        "description_ro": "Asociație care a construit, între 2022 și 2023, forumul online de dezbatere al CIIC.",
        "description_en": "An association that built CIIC's online debate forum between 2022 and 2023.",
    },
    {
        "slug": "sites-et-cites-remarquables-de-france",
        "name": "Sites et Cités Remarquables de France",
        "category": Category.CIVIL_SOCIETY,
        "relationship": Relationship.PARTNER,
        "description_ro": "Rețeaua franceză care a inspirat România Remarcabilă și îi este partener.",
        "description_en": "The French network that inspired Remarkable Romania and is its partner.",
    },
    {
        "slug": "municipiul-timisoara",
        "name": "Municipiul Timișoara",
        "category": Category.PUBLIC_ADMINISTRATION,
        "relationship": Relationship.PARTNER,
        "city": "Timișoara",
        "description_ro": "Partener în proiectul ECoC-SME, care a organizat Ateliere Locale de Învățare prin "
        "metoda world-café.",
        "description_en": "A partner in the ECoC-SME project that ran Local Learning Labs with the "
        "world-café method.",
    },
    {
        "slug": "universitatea-finlandei-de-est",
        "name": "Universitatea Finlandei de Est",
        "category": Category.UNIVERSITY,
        "relationship": Relationship.PARTNER,
        "description_ro": "Partenerul lider al proiectului ECoC-SME.",
        "description_en": "The lead partner of the ECoC-SME project.",
    },
]

PROGRAMMES = [
    ("academia-schimbarii", "Academia Schimbării", "Academy of Change", ["https://www.academiaschimbarii.ro"],
     "Formare, mentorat, rezidențe și apeluri deschise care cresc capacitatea sectorului cultural.",
     "Training, mentoring, residencies and open calls that build the capacity of the cultural sector."),
    ("arta-in-joaca", "Arta în Joacă", "Arta în Joacă", ["https://www.artainjoaca.ro"],
     "Educație culturală în școli, cu artiști în rezidență și formare pentru profesori.",
     "Cultural education in schools, with artists in residence and training for teachers."),
    ("ecca", "ECCA – Centrul European de Artă Contemporană", "ECCA – European Centre for Contemporary Art",
     ["https://www.ecca.ro"],
     "Pregătirea viitorului centru de artă contemporană al Clujului: pavilion, arhivă, școală curatorială.",
     "Preparing Cluj's future contemporary art centre: a pavilion, an archive, a curatorial school."),
    ("spatiu-interior", "Spațiu Interior", "Inner Space", ["https://www.innerspace.ro", "https://www.art-wellbeing.eu"],
     "Artă și știință împreună pentru sănătatea emoțională și starea de bine a locuitorilor.",
     "Art and science together for the emotional health and well-being of residents."),
    ("romania-remarcabila", "România Remarcabilă", "Remarkable Romania", ["https://www.romaniaremarcabila.ro"],
     "O rețea de localități care pun patrimoniul și cultura în centrul dezvoltării rurale.",
     "A network of localities that put heritage and culture at the heart of rural development."),
    ("jivipen", "Jivipen", "Jivipen", ["https://www.cccluj.ro/jivipen"],
     "Cultura romă și formele ei contemporane, pentru legături noi între comunitățile orașului.",
     "Roma culture and its contemporary forms, for new ties between the city's communities."),
    ("divizia-de-inovare-urbana", "Divizia de Inovare Urbană", "Urban Innovation Division",
     ["https://www.diviziadeinovare.ro"],
     "Cercetare-dezvoltare pentru provocările orașului: mobilitate, viitorul muncii, reziliență.",
     "Research and development for the city's challenges: mobility, the future of work, resilience."),
    ("culturepreneurs", "Culturepreneurs", "Culturepreneurs", [],
     "Educație antreprenorială pentru profesioniștii din sectoarele culturale și creative.",
     "Entrepreneurship education for professionals of the cultural and creative sectors."),
    ("quantum", "Quantum", "Quantum", ["https://www.quantum-cluj.ro"],
     "Educație STEAM și apetit pentru știință în comunitate.",
     "STEAM education and an appetite for science in the community."),
    ("culture-next", "Culture Next", "Culture Next", ["https://www.culturenext.eu"],
     "O rețea de orașe europene care se dezvoltă prin cultură.",
     "A network of European cities that develop through culture."),
    ("cercetare", "Cercetare", "Research", ["https://www.cccluj.ro/research"],
     "Studii despre sectorul cultural și impactul culturii, spre un observator al culturii.",
     "Studies of the cultural sector and of culture's impact, towards a culture observatory."),
    ("advocacy", "Advocacy și dezvoltare de politici", "Advocacy and policy development",
     ["https://www.cccluj.ro/advocacy"],
     "Strategii, politici publice și dialog între sectorul cultural și decidenți.",
     "Strategies, public policy and dialogue between the cultural sector and decision makers."),
]

# The spaces of seed 000 (Plan 2021): "Asigurarea bunei administrări a noilor locații ale Centrului
# (CLTP Hub, Qub, Pavilionul ECCA, Garnizoană)" and the meeting room turned into an online-events studio.
# Their opening status is the one the plan gives; only the studio is said to be used by members.
SPACES = [
    {
        "slug": "cltp-hub", "kind": SpaceKind.HUB, "name_ro": "CLTP Hub", "name_en": "CLTP Hub",
        "status": SpaceStatus.PREPARING,
        "description_ro": "Hubul CLTP are un regulament de funcționare, o listă de dotări și echipamente și un "
        "spațiu fizic (Planul 2021).",
        "description_en": "The CLTP Hub has operating rules, a list of furnishings and equipment and a physical "
        "space (Plan 2021).",
        "status_note_ro": "„Procedura de achiziții de dotări și echipamente este în curs, iar Hubul va fi deschis "
        "publicul imediat ce normele sanitare o vor permite.” (Planul 2021)",
        "status_note_en": "“The procurement of furnishings and equipment is under way, and the Hub will open to "
        "the public as soon as the health rules allow.” (Plan 2021)",
    },
    {
        "slug": "qub", "kind": SpaceKind.LEARNING_SPACE, "name_ro": "Qub – Learning Qub",
        "name_en": "Qub – Learning Qub", "programme": "quantum", "status": SpaceStatus.PREPARING,
        "description_ro": "Obiectiv al programului Quantum pentru 2021: „Inițierea, dezvoltarea și lansarea Qub”. "
        "Planul său: biblioteca de resurse, formare STEAM, vizite de studiu și colaborare în activități "
        "educaționale STEAM.",
        "description_en": "An objective of the Quantum programme for 2021: “launching, developing and opening "
        "Qub”. Its plan: a resource library, STEAM training, study visits and collaboration in STEAM education "
        "activities.",
        "status_note_ro": "„Dezvoltarea spațiului – identificare, design, achiziții, instalare, lansare”: "
        "februarie–decembrie, lansare: decembrie (Planul 2021).",
        "status_note_en": "“Developing the space – finding, design, procurement, installation, launch”: "
        "February–December, launch: December (Plan 2021).",
    },
    {
        "slug": "pavilionul-ecca", "kind": SpaceKind.PAVILION, "name_ro": "Pavilionul ECCA",
        "name_en": "The ECCA Pavilion", "programme": "ecca", "status": SpaceStatus.PREPARING,
        "description_ro": "Obiectiv ECCA pentru 2021: „Deschiderea unui spațiu fizic (pavilion temporar)”.",
        "description_en": "An ECCA objective for 2021: “opening a physical space (a temporary pavilion)”.",
        "status_note_ro": "Pavilionul ECCA – dezvoltare: martie–octombrie, lansare: 21 octombrie (Planul 2021).",
        "status_note_en": "The ECCA Pavilion – development: March–October, launch: 21 October (Plan 2021).",
    },
    {
        "slug": "garnizoana-culturala", "kind": SpaceKind.CULTURAL_VENUE, "name_ro": "Garnizoana Culturală",
        "name_en": "Garnizoana Culturală (the Cultural Garrison)", "status": SpaceStatus.PREPARING,
        "description_ro": "Garnizoana Culturală are proiect tehnic finalizat și avize și a trecut prin consultare "
        "cu membrii Centrului (Planul 2021).",
        "description_en": "Garnizoana Culturală has a finished technical design and its permits, and went "
        "through consultation with the Centre's members (Plan 2021).",
        "status_note_ro": "„Procedura de achiziție pentru lucrările de construcții este în curs, iar Garnizoana "
        "va fi funcțională din 2022.” (Planul 2021)",
        "status_note_en": "“The procurement of the construction works is under way, and Garnizoana will be "
        "working from 2022.” (Plan 2021)",
    },
    {
        "slug": "studio-evenimente-online", "kind": SpaceKind.STUDIO,
        "name_ro": "Studioul pentru evenimente online", "name_en": "The online-events studio",
        "status": SpaceStatus.OPEN, "is_bookable": True,
        "description_ro": "Sala de ședințe a Centrului, reconvertită într-un studio pentru evenimente online.",
        "description_en": "The Centre's meeting room, turned into a studio for online events.",
        "status_note_ro": "„Am reconvertit sala de ședințe a Centrului într-un studio pentru evenimente online "
        "care poate fi folosit și de către membrii noștri, în mod gratuit.” (Planul 2021)",
        "status_note_en": "“We turned the Centre's meeting room into a studio for online events, which our "
        "members may use too, free of charge.” (Plan 2021)",
        "booking_terms_ro": "Membrii Centrului îl pot folosi în mod gratuit.",
        "booking_terms_en": "The Centre's members use it free of charge.",
    },
]


# The figures the seeds state about the centre and its network, as they state them. Neither page gives a
# date (the About page, seeds/001, lists awards up to 2023; the CIIC page, seeds/003, tells of 2022), nor
# its address: year and source address stay empty until an editor fills them in the admin.
ABOUT_CCC = ("pagina „Despre” a Centrului Cultural Clujean", "the Cluj Cultural Centre's About page")
ABOUT_CIIC = ("pagina Centrului de Inovare și Imaginație Civică",
              "the Centre for Civic Innovation and Imagination's page")
FIGURES = [
    # (key, value, more than, label_ro, label_en, source)
    ("members", 117, False, "organizații membre", "member organisations", ABOUT_CCC),
    ("schools", 35, False, "școli în Comunitatea Școlilor", "schools in the Community of Schools", ABOUT_CCC),
    ("municipalities", 12, False, "localități în rețeaua România Remarcabilă",
     "municipalities in the Remarkable Romania network", ABOUT_CCC),
    ("cities", 40, False, "orașe europene în rețeaua Culture Next", "European cities in the Culture Next network",
     ABOUT_CCC),
    ("partners", 60, True, "parteneri naționali și internaționali", "national and international partners", ABOUT_CCC),
    ("debates", 40, True, "dezbateri publice la CIIC din 2017", "public debates at CIIC since 2017", ABOUT_CIIC),
]

PLAN_2021 = ("Planul 2021 al Centrului Cultural Clujean", "the Cluj Cultural Centre's Plan 2021")
ROMANIA = "România"
# (slug, name_ro, name_en, programme, description_ro, description_en, source, the figure it is about)
NETWORKS = [
    ("cluj-school-network", "Cluj School Network – Comunitatea Școlilor", "Cluj School Network – Community of Schools",
     "arta-in-joaca",
     "Rețeaua de școli a programului Arta în Joacă, în care „arta și creativitatea sunt oferite ca resurse "
     "pentru dezvoltarea socială și cognitivă a copiilor” (Planul 2021).",
     "The network of schools of the Arta în Joacă programme, where “art and creativity are offered as resources "
     "for the social and cognitive development of children” (Plan 2021).", PLAN_2021, "schools"),
    ("romania-remarcabila", "Rețeaua România Remarcabilă", "The Remarkable Romania network", "romania-remarcabila",
     "„O rețea de localități care atribuie patrimoniului și culturii rolul de motoare ale dezvoltării rurale și "
     "regionale” (Planul 2021).",
     "“A network of localities that make heritage and culture the engines of rural and regional development” "
     "(Plan 2021).", PLAN_2021, "municipalities"),
    ("culture-next", "Rețeaua Culture Next", "The Culture Next network", "culture-next",
     "„O rețea care sprijină orașe europene să implementeze programe și strategii de dezvoltare urbană prin "
     "cultură”, fondată în 2017 (Planul 2021).",
     "“A network that helps European cities carry out programmes and strategies of urban development through "
     "culture”, founded in 2017 (Plan 2021).", PLAN_2021, "cities"),
    ("parteneri", "Parteneri naționali și internaționali", "National and international partners", None,
     "Organizațiile cu care centrul lucrează în parteneriat.",
     "The organisations the centre works with in partnership.", ABOUT_CCC, "partners"),
]
# Named by the seeds: the partner organisations of the directory, and the Ministry of Culture (Plan 2021:
# "parteneriatele strategice cu Ministerul Culturii, Sites et Cités Remarquables, Consiliul Județean Cluj").
PARTNER_COUNTRIES = {"sites-et-cites-remarquables-de-france": "Franța", "universitatea-finlandei-de-est": "Finlanda"}
NAMED_ENTITIES = [
    # (network, kind, name, locality, county, country)
    ("parteneri", EntityKind.PARTNER, "Ministerul Culturii", "București", "", ROMANIA),
]
# Not named by the seeds: a few entries so the pages show something, marked fictional.
FICTIONAL_ENTITIES = [
    ("cluj-school-network", EntityKind.SCHOOL, "Școala demonstrativă nr. 1", "Cluj-Napoca", "Cluj", ROMANIA),
    ("cluj-school-network", EntityKind.SCHOOL, "Școala demonstrativă nr. 2", "Cluj-Napoca", "Cluj", ROMANIA),
    ("cluj-school-network", EntityKind.SCHOOL, "Școala demonstrativă nr. 3", "Florești", "Cluj", ROMANIA),
    ("romania-remarcabila", EntityKind.LOCALITY, "Comuna demonstrativă A", "", "Cluj", ROMANIA),
    ("romania-remarcabila", EntityKind.LOCALITY, "Comuna demonstrativă B", "", "Cluj", ROMANIA),
    ("culture-next", EntityKind.CITY, "Orașul demonstrativ A", "", "", "Portugalia"),
    ("culture-next", EntityKind.CITY, "Orașul demonstrativ B", "", "", "Italia"),
]


def _load_networks(log):
    networks = {}
    for position, (slug, name_ro, name_en, programme, description_ro, description_en, (source_ro, source_en),
                   _figure) in enumerate(NETWORKS, start=1):
        networks[slug], _created = Network.objects.update_or_create(slug=slug, defaults={
            "name_ro": name_ro, "name_en": name_en, "description_ro": description_ro,
            "description_en": description_en, "source_ro": source_ro, "source_en": source_en,
            "programme": Programme.objects.filter(slug=programme).first() if programme else None,
            "position": position})
    for organisation in Organisation.objects.filter(relationship=Relationship.PARTNER):
        NetworkEntity.objects.update_or_create(network=networks["parteneri"], name=organisation.name, defaults={
            "kind": EntityKind.PARTNER, "organisation": organisation, "locality": organisation.city,
            "country": PARTNER_COUNTRIES.get(organisation.slug, ROMANIA if organisation.city else "")})
    for fictional, rows in ((False, NAMED_ENTITIES), (True, FICTIONAL_ENTITIES)):
        for network, kind, name, locality, county, country in rows:
            NetworkEntity.objects.update_or_create(network=networks[network], name=name, defaults={
                "kind": kind, "locality": locality, "county": county, "country": country,
                "is_fictional": fictional})
    log(f"{len(networks)} networks, {NetworkEntity.objects.count()} entities")
    return networks


def load(log):
    for fields in ORGANISATIONS:
        slug = fields["slug"]
        Organisation.objects.update_or_create(slug=slug, defaults={k: v for k, v in fields.items() if k != "slug"})
    # Once: a membership corrected by the staff (its date) stays corrected.
    for organisation in Organisation.objects.filter(slug__in=[fields["slug"] for fields in ORGANISATIONS],
                                                    relationship=Relationship.MEMBER, membership__isnull=True):
        services.membership_sync(organisation=organisation)
    log(f"{len(ORGANISATIONS)} organisations")
    host = Organisation.objects.get(slug=CCC)
    for position, (slug, name_ro, name_en, websites, summary_ro, summary_en) in enumerate(PROGRAMMES, start=1):
        Programme.objects.update_or_create(
            slug=slug,
            defaults={
                "name_ro": name_ro, "name_en": name_en, "organisation": host, "websites": websites,
                "summary_ro": summary_ro, "summary_en": summary_en, "position": position,
            },
        )
    for programme in Programme.objects.filter(slug__in=[row[0] for row in PROGRAMMES]):
        illustrate(programme, seed=programme.slug)
    log(f"{len(PROGRAMMES)} programmes")
    for position, fields in enumerate(SPACES, start=1):
        fields = dict(fields, position=position)
        programme = fields.pop("programme", None)
        fields["programme"] = Programme.objects.get(slug=programme) if programme else None
        space, _created = Space.objects.update_or_create(slug=fields.pop("slug"), defaults=fields)
        illustrate(space, seed=space.slug)
    log(f"{len(SPACES)} spaces")
    for position, (key, value, more_than, label_ro, label_en, (source_ro, source_en)) in enumerate(FIGURES, start=1):
        # Created once: a figure corrected in the admin (its year, its address) stays corrected.
        Figure.objects.get_or_create(key=key, defaults={
            "value": value, "more_than": more_than, "label_ro": label_ro, "label_en": label_en,
            "source_ro": source_ro, "source_en": source_en, "position": position,
        })
    networks = _load_networks(log)
    for slug, *_rest, figure in NETWORKS:
        # Tied once; what the figure shows (stated or counted) is the editors' to change.
        Figure.objects.filter(key=figure, network__isnull=True).update(network=networks[slug])
    log(f"{len(FIGURES)} figures")
    representatives = [account for account in demo_accounts()["accounts"] if "represents" in account]
    for account in representatives:
        services.representation_add(user=User.objects.get(email=account["email"]),
                                    organisation=Organisation.objects.get(slug=account["represents"]), by=None)
    log(f"{len(representatives)} representatives of organisations")
    _pending_application(log)


# Invented for the demo, and marked so on every page that shows it (``is_fictional``).
PENDING_APPLICATION = {
    "name": "Asociația Culturală Exemplu (fictivă)",
    "category": Category.CIVIL_SOCIETY,
    "city": "Cluj-Napoca",
    "description": "Organizație fictivă, pentru demonstrație: ateliere de lectură pentru copii în cartierele "
    "orașului.",
    "position": "Președintă",
    "statement": "Text fictiv, pentru demonstrație: dorim să folosim spațiile Centrului pentru atelierele "
    "noastre și să participăm la Adunarea Generală a Membrilor.",
}


def _pending_application(log):
    applicant = User.objects.get(email="participant@civica.test")
    MembershipApplication.objects.get_or_create(
        name=PENDING_APPLICATION["name"], is_fictional=True,
        defaults={**{key: value for key, value in PENDING_APPLICATION.items() if key != "name"},
                  "applicant": applicant})
    log("1 application to become a member (fictional)")
