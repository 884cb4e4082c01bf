"""The world-café of the 20 October 2020 Local Learning Lab (seed 004): the six guiding questions as
written, six tables, three rounds, and fictional contributions that form recognisable themes, with
dot votes and an action plan. Loaded after meetings' demo (INSTALLED_APPS order), on its meeting."""

import datetime
import random

from django.utils import timezone

from civica.accounts.demo import demo_user
from civica.accounts.models import User
from civica.accounts.roles import Role
from civica.accounts.services import role_grant
from civica.meetings.demo import TIMISOARA_LAB_2
from civica.meetings.models import Meeting

from .models import ActionItem, Contribution, DotVote, Theme, Workshop, WorkshopQuestion, WorkshopRound, WorkshopTable

QUESTIONS = [
    "Cum putem activa mai multe start-up-uri și IMM-uri în sectorul cultural și creativ din regiunea noastră?",
    "Cum putem implica Asociația Timișoara Capitală Europeană a Culturii în contextul noilor inițiative din "
    "sectorul cultural și creativ?",
    "Ce alte părți interesate ar trebui să fie implicate sau ce alte modalități ar trebui să abordeze comunitatea "
    "pentru apariția unor noi inițiative?",
    "Cum a fost afectat sectorul cultural și creativ local și regional de pandemia Covid-19?",
    "Ce noi inițiative, inclusiv de sprijin, au apărut ca răspuns la problemele create de pandemie?",
    "Cum pot aceste inițiative să devină sustenabile chiar și după depășirea pandemiei de Covid-19?",
]
# The questions in English, translated for the demo (the workshop was held in Romanian).
QUESTIONS_EN = [
    "How can we get more start-ups and SMEs going in the cultural and creative sector of our region?",
    "How can we involve the Timișoara European Capital of Culture Association in the new initiatives of the "
    "cultural and creative sector?",
    "Which other stakeholders should be involved, or which other ways should the community take, for new "
    "initiatives to emerge?",
    "How has the Covid-19 pandemic affected the local and regional cultural and creative sector?",
    "Which new initiatives, including support, have emerged in answer to the problems the pandemic created?",
    "How can these initiatives become sustainable even after the Covid-19 pandemic is over?",
]
TABLE_TOPICS = [
    "Start-up-uri și IMM-uri",
    "Asociația CEaC",
    "Părți interesate",
    "Impactul pandemiei",
    "Inițiative noi",
    "Sustenabilitate",
]

# Fictional notes, written for the demo; each list is one theme the harvest should recognise.
THEMES = {
    "Spații accesibile pentru creativi": [
        "chirii mici pentru ateliere în clădirile primăriei",
        "cladiri goale date artistilor pe termen lung",
        "spații de lucru ieftine pentru firmele creative",
        "un hub creativ în fosta fabrică",
        "ateliere comune unde tinerii pot închiria ore",
        "spatii nefolosite transformate in studiouri",
        "acces la săli pentru repetiții la preț redus",
        "coworking cultural în fiecare cartier",
        "clădiri abandonate reabilitate pentru industriile creative",
        "chirie subventionata pentru atelierele mici",
        "mai multe spații pentru expoziții temporare",
        "un incubator cu birouri pentru start-up-uri culturale",
        "spatii de productie pentru designeri si mesteri",
        "terenuri și clădiri ale statului date în folosință",
        "studiouri de înregistrare comune",
        "spații flexibile pentru evenimente mici",
    ],
    "Finanțare și granturi": [
        "granturi mici și rapide pentru proiecte culturale",
        "fond de garantare pentru firmele creative",
        "microgranturi fara birocratie",
        "finantare multianuala pentru ONG-urile culturale",
        "bani pentru prototipuri, nu doar pentru evenimente",
        "investitori locali interesați de cultură",
        "scheme de cofinanțare cu primăria",
        "burse pentru antreprenori culturali la început de drum",
        "credite cu dobândă mică pentru IMM-uri creative",
        "un fond de urgență pentru artiști",
        "apeluri de proiecte deschise tot anul",
        "finanțare pentru digitalizarea afacerilor culturale",
        "sponsorizări corporate pentru producții locale",
        "vouchere pentru servicii creative",
    ],
    "Formare și mentorat": [
        "cursuri de management pentru artiști",
        "mentorat de la antreprenori cu experiență",
        "ateliere despre marketing digital",
        "educatie antreprenoriala in universitati",
        "programe de incubare cu traineri",
        "schimburi de experiență cu alte capitale culturale",
        "școli de vară pentru tineri creativi",
        "coaching pentru scrierea de proiecte",
        "invatare intre colegi din sectoare diferite",
        "cursuri despre drepturi de autor și contracte",
        "formare în vânzări și exporturi culturale",
        "tutori pentru primul plan de afaceri",
        "workshopuri cu experti straini",
        "programe de accelerare pentru ideile culturale",
    ],
    "Colaborare între sectoare": [
        "parteneriate între firme IT și artiști",
        "clustere care leagă designul de industrie",
        "legaturi intre scoli si organizatiile culturale",
        "rețea între mediul de afaceri și cultură",
        "proiecte comune între universități și companii creative",
        "intalniri regulate intre sectoare",
        "platformă online unde se găsesc parteneri",
        "colaborare cu turismul și gastronomia locală",
        "parteneriate cu orașele din rețeaua CEaC",
        "firmele mari să lucreze cu freelanceri creativi",
        "hackathoane cultură plus tehnologie",
        "colaborari intre muzee si start-up-uri",
        "consorții pentru aplicații europene",
        "un forum anual al sectorului creativ",
        "mentori din industrie pentru proiectele artistice",
        "parteneriate public-private pentru evenimente",
    ],
    "Efectele pandemiei": [
        "spectacolele anulate au lăsat artiștii fără venit",
        "multi freelanceri au renuntat la meserie",
        "publicul s-a obișnuit să stea acasă",
        "venituri scăzute pentru teatre și cluburi",
        "restricțiile au oprit festivalurile",
        "pierderea locurilor de muncă în evenimente",
        "izolare și lipsa contactului cu publicul",
        "firmele mici și-au închis activitatea",
        "nesiguranta financiara pentru artisti",
        "turismul cultural aproape a dispărut",
        "sălile goale luni de zile",
        "oboseală și epuizare în echipele culturale",
        "contractele amanate sau anulate",
        "lipsa de sprijin pentru independenți",
        "scolile de arta au trecut greu la online",
    ],
    "Digitalizare și online": [
        "concerte transmise live pe internet",
        "muzee cu tururi virtuale",
        "magazine online pentru produsele artizanilor",
        "platforma digitala pentru evenimentele din oras",
        "cursuri online de teatru și dans",
        "bilete digitale și abonamente online",
        "arhive culturale digitalizate",
        "streaming pentru spectacole locale",
        "competente digitale pentru artisti mai in varsta",
        "conținut video pentru rețelele sociale",
        "expoziții hibride, în sală și online",
        "aplicatie cu agenda culturala a regiunii",
        "echipamente de filmare împrumutate organizațiilor",
        "podcasturi despre scena locală",
        "instruire pentru vanzari online",
        "biblioteci digitale pentru scenaristi",
    ],
    "Implicarea comunității": [
        "evenimente în cartiere, nu doar în centru",
        "voluntari pentru proiectele culturale",
        "consultări cu locuitorii despre programul CEaC",
        "publicul să propună idei de proiecte",
        "implicarea diasporei timișorene",
        "activitati pentru copii si varstnici",
        "bugetare participativă pentru cultură",
        "asociațiile de cartier ca parteneri",
        "ambasadori culturali în școli",
        "festivaluri organizate împreună cu comunitatea",
        "comunicare mai buna cu locuitorii",
        "spații publice animate de artiști locali",
        "cafenele culturale unde oamenii se intalnesc",
        "grupuri de lucru deschise tuturor locuitorilor",
        "invitarea oamenilor din periferie la spectacole",
    ],
    "Continuitate după CEaC": [
        "o strategie culturală pe termen lung după 2023",
        "instituțiile să preia proiectele de succes",
        "bugete stabile pentru cultură în anii următori",
        "legislatie care sprijina industriile creative",
        "evaluarea impactului și învățarea din greșeli",
        "parteneriatele să continue după anul titlului",
        "modele de afaceri care nu depind doar de granturi",
        "echipele formate să rămână în oraș",
        "infrastructura construită să fie folosită mereu",
        "un observator al culturii pentru date",
        "abonamente și membership pentru public fidel",
        "planuri de sustenabilitate încă de la început",
        "fonduri europene atrase si dupa 2023",
        "parteneriate internaționale păstrate pe termen lung",
    ],
}
ACTIONS = [
    (
        "Inventarul spațiilor disponibile",
        "Lista clădirilor și sălilor care pot fi date creativilor.",
        "Primăria și asociația CEaC",
        "Spații accesibile pentru creativi",
    ),
    (
        "Program de microgranturi",
        "Granturi mici, cu aplicare simplă, pentru IMM-uri și independenți.",
        "Municipiul Timișoara",
        "Finanțare și granturi",
    ),
    (
        "Rețea de mentori",
        "Antreprenori cu experiență care îndrumă start-up-urile culturale.",
        "Universități și clustere",
        "Formare și mentorat",
    ),
    (
        "Platformă de colaborare",
        "Un loc unde firmele, artiștii și școlile își găsesc parteneri.",
        "Partenerii ECoC-SME",
        "Colaborare între sectoare",
    ),
]


def load(log):
    meeting = Meeting.objects.filter(slug=TIMISOARA_LAB_2).first()
    if meeting is None or hasattr(meeting, "workshop"):
        return
    residents = list(User.objects.filter(email__startswith="resident").order_by("email"))
    rng = random.Random(2020)
    workshop = Workshop.objects.create(
        meeting=meeting, slug="world-cafe-timisoara-2020", dots_per_person=3, closed_at=meeting.ends_at
    )
    questions = [
        WorkshopQuestion.objects.create(workshop=workshop, position=n, text_ro=text, text_en=text_en)
        for n, (text, text_en) in enumerate(zip(QUESTIONS, QUESTIONS_EN, strict=True))
    ]
    tables = [
        WorkshopTable.objects.create(workshop=workshop, number=n + 1, topic=topic, question=questions[n])
        for n, topic in enumerate(TABLE_TOPICS)
    ]
    # The demo facilitator hosts the first table and may run the workshop (rounds, the room screen).
    facilitator = demo_user("facilitator")
    role_grant(user=facilitator, role=Role.FACILITATOR, scope=workshop, by=None)
    WorkshopTable.objects.filter(pk=tables[0].pk).update(facilitator=facilitator)
    rounds = [
        WorkshopRound.objects.create(
            workshop=workshop,
            number=n + 1,
            duration_minutes=25,
            started_at=meeting.starts_at + datetime.timedelta(minutes=15 + 30 * n),
        )
        for n in range(3)
    ]
    themes = {}
    for position, (label, notes) in enumerate(THEMES.items()):
        theme = Theme.objects.create(workshop=workshop, position=position, label=label, curated=True)
        themes[label] = theme
        for index, note in enumerate(notes):
            round_ = rounds[index % 3]
            Contribution.objects.create(
                table=tables[(position + index) % len(tables)],
                round=round_,
                text=note,
                theme=theme,
                is_representative=index < 3,
                author=rng.choice(residents),
                created_at=round_.started_at + datetime.timedelta(minutes=rng.randint(1, 24)),
            )
    labels = list(themes)
    for person in residents[:20]:
        for label in rng.sample(labels, 3):
            DotVote.objects.create(theme=themes[label], voter=person)
    for position, (title, description, owner, theme_label) in enumerate(ACTIONS):
        item = ActionItem.objects.create(
            workshop=workshop,
            position=position,
            title=title,
            description=description,
            owner=owner,
            due_on=datetime.date(2021, 6, 30),
        )
        item.themes.add(themes[theme_label])
    log(
        f"world-café: {Contribution.objects.filter(table__workshop=workshop).count()} contributions, "
        f"{len(themes)} themes, {DotVote.objects.filter(theme__workshop=workshop).count()} dots"
    )
    return timezone.now()
