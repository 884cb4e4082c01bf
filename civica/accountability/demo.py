"""The Cluj Cultural Centre's Plan 2021 (seeds/000) and the 2020 plan it assesses, transcribed into data.

Priorities, objectives, activities, implementation periods, the quantitative marketing targets and the
2021 budget are written exactly as the seed gives them (list numbering and the trailing ";" or "." of list
items left out; cells with bullet points written as "heading: item; item"). The English texts, the 2020
narratives (summaries in our own words, figures kept) and the plans' introductions are ours. The
progress updates and indicator values of 2021 are invented for the demo and flagged ``illustrative``.

Run by `manage.py loaddemo`: each plan is updated in place and its children are deleted and created
again, so a second run creates nothing new.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from civica.accounts.models import User
from civica.comments.demo import seed_conversation
from civica.network.models import Organisation, Programme

from . import versions
from .models import (
    Activity,
    ActivityStatus,
    Area,
    BudgetGroup,
    BudgetKind,
    BudgetLine,
    Indicator,
    IndicatorValue,
    Level,
    Objective,
    Plan,
    PlanStatus,
    Priority,
    ProgressUpdate,
)

HOST = "centrul-cultural-clujean"

# ---------------------------------------------------------------------------------------------------
# Plan 2020: the priorities assumed in the General Assembly of 6 March 2020, assessed at year end
# ("CE NE-AM PROPUS ȘI CE AM REALIZAT ÎN 2020").
# ---------------------------------------------------------------------------------------------------

PLAN_2020 = {
    "year": 2020,
    "title_ro": "Plan 2020",
    "title_en": "Plan 2020",
    "status": PlanStatus.PUBLISHED,
    "approved_by": "Adunarea Generală a Membrilor",
    "approved_on": datetime.date(2020, 3, 6),
    "introduction_ro": (
        "Prioritățile pe care Centrul Cultural Clujean și le-a asumat pentru 2020 în Adunarea Generală a "
        "Membrilor din 6 martie 2020, cu evaluarea lor la sfârșitul anului. Pandemia de coronavirus a schimbat "
        "contextul la scurt timp după aprobare: unele obiective nu au mai fost relevante sau realizabile, iar "
        "altele, legate de sănătatea organizației, a sectorului cultural și a orașului, au devenit urgente."
    ),
    "introduction_en": (
        "The priorities the Cluj Cultural Centre set itself for 2020 at the General Assembly of Members of "
        "6 March 2020, with their assessment at the end of the year. The coronavirus pandemic changed the "
        "context soon after they were approved: some objectives were no longer relevant or achievable, while "
        "others, about the health of the organisation, of the cultural sector and of the city, became urgent."
    ),
}

# (area name_ro, area name_en, [(text_ro, text_en, level, narrative_ro, narrative_en), ...])
AREAS_2020 = [
    ("Priorități generale", "Overall priorities", [
        ("Program: prioritizarea dezvoltării sectorului cultural, politicilor și cercetării",
         "Programme: prioritising the development of the cultural sector, policy and research",
         Level.LARGE,
         "Au pornit programe ample de formare (inclusiv 6 module de învățare în Culturepreneurs) și apeluri "
         "deschise pentru artiști și organizații culturale, alături de cercetări locale, naționale și europene. "
         "Centrul a contribuit la strategii și la măsurile de sprijin pentru sectorul cultural.",
         "Extensive training programmes (including 6 learning modules in Culturepreneurs) and open calls for "
         "artists and cultural organisations were launched, alongside local, national and European research. "
         "The Centre contributed to strategies and to support measures for the cultural sector."),
        ("Management: îmbunătățirea organizării interne și performanței generale a organizației",
         "Management: improving the internal organisation and the overall performance of the organisation",
         Level.LARGE,
         "Departamentul financiar-administrativ a fost reorganizat, cu proceduri și roluri clarificate și "
         "bugetul cheltuit integral; planificarea și monitorizarea s-au îmbunătățit, iar departamentul de "
         "Operațiuni a fost înființat.",
         "The financial and administrative department was reorganised, with clearer procedures and roles and "
         "the budget spent in full; planning and monitoring improved and an Operations department was set up."),
        ("Marketing și comunicare: creșterea notorietății Centrului și a proiectelor la nivel local",
         "Marketing and communication: making the Centre and its projects better known locally",
         Level.PARTLY,
         "Centrul a devenit mai cunoscut în mediul cultural și academic și, prin răspunsul la criza COVID-19, "
         "la nivel național și european. Proiectele nu au câștigat însă o notorietate semnificativă în rândul "
         "publicului larg, mai ales din cauza pandemiei.",
         "The Centre became better known in cultural and academic circles and, through its response to the "
         "COVID-19 crisis, nationally and in Europe. The projects, however, gained little recognition with the "
         "general public, largely because of the pandemic."),
    ]),
    ("Program", "Programme", [
        ("Focus pe temele de interes ale sectorului cultural",
         "Focus on the topics that matter to the cultural sector",
         Level.LARGE,
         "Formare și mentorat în Academia Schimbării, 6 module de învățare în Culturepreneurs și apeluri "
         "deschise pentru artiști și organizații (Artiști Împreună, Art&Well-being, re:form), plus cercetări și "
         "contribuții la strategii și la măsurile de sprijin pentru cultură.",
         "Training and mentoring in the Academy of Change, 6 learning modules in Culturepreneurs and open calls "
         "for artists and organisations (Artiști Împreună, Art&Well-being, re:form), as well as research and "
         "contributions to strategies and to support measures for culture."),
        ("Focus pe coeziune socială și well-being",
         "Focus on social cohesion and well-being",
         Level.PARTLY,
         "Centrul a găzduit atelierul de scriere creativă Roma Sheroes și a pornit Întâlnirile Jivipen, un "
         "dialog online cu artiști și activiști romi. Au început și un pilot cultural împotriva burnout-ului și "
         "cercetări despre cultură și starea de bine (Inner Space, LEAP, MESOC).",
         "The Centre hosted the Roma Sheroes creative writing workshop and started the Jivipen Meetings, an "
         "online dialogue with Roma artists and activists. A cultural pilot against burnout and research on "
         "culture and well-being (Inner Space, LEAP, MESOC) also began."),
        ("Extindere în zona metropolitană și în județ",
         "Extending our work to the metropolitan area and the county",
         Level.SMALL,
         "Pandemia nu a permis extinderea dorită în afara municipiului, dar au avut loc activități în județul "
         "Cluj prin România Remarcabilă.",
         "The pandemic prevented the intended expansion beyond the city, although Remarkable Romania did run "
         "activities in Cluj County."),
    ]),
    ("Financiar-administrativ", "Financial and administrative", [
        ("Implementarea instrumentelor de management financiar și procedurilor necesare",
         "Putting the necessary financial management tools and procedures in place",
         Level.LARGE,
         "Instrumentele de management financiar și procedurile (între altele, de achiziții și onboarding) sunt "
         "în uz. Procedura de inventar este finalizată în proporție de 90%, iar cele de travel, offboarding și "
         "monitorizare a proiectelor sunt în lucru.",
         "The financial management tools and procedures (among them procurement and onboarding) are in use. "
         "The inventory procedure is 90% complete; travel, offboarding and project monitoring procedures are "
         "being written."),
        ("Asigurarea securității și legalității complete a tuturor activităților Centrului",
         "Making all of the Centre's activities fully secure and lawful",
         Level.FULLY,
         "Noi furnizori de servicii contabile și de expertiză în achiziții publice au fost aleși prin proceduri "
         "deschise, iar asistența juridică a fost îmbunătățită.",
         "New providers of accounting services and public procurement expertise were chosen through open "
         "procedures, and legal support was improved."),
        ("Creșterea semnificativă a finanțării corporate",
         "Significantly increasing corporate funding",
         Level.SMALL,
         "Din cauza pandemiei, atragerea de fonduri corporate nu a avut succesul așteptat și rămâne dificilă; "
         "pentru 2021 a pornit un nou plan de corporate engagement și finanțare privată.",
         "Because of the pandemic, raising corporate funds was less successful than expected and remains "
         "difficult; a new corporate engagement and private funding plan was started for 2021."),
    ]),
    ("Infrastructură", "Infrastructure", [
        ("Dezvoltarea mecanismelor instituționale necesare deschiderii Hubului și Garnizoanei",
         "Developing the institutional arrangements needed to open the Hub and the Garrison",
         Level.LARGE,
         "Hubul CLTP are regulament, listă de dotări și spațiu și se va deschide când normele sanitare o vor "
         "permite. Garnizoana Culturală are proiect tehnic și avize, lucrările sunt în achiziție și va funcționa "
         "din 2022.",
         "The CLTP Hub has its rules, an equipment list and a space, and will open as soon as health rules "
         "allow. The Cultural Garrison has its technical design and permits, the building works are being "
         "procured, and it will operate from 2022."),
        ("Identificare unei soluții concrete pentru demararea ECCA",
         "Finding a concrete solution for starting ECCA",
         Level.SMALL,
         "Nu s-a găsit o soluție pentru clădirea ECCA. Centrul a decis să pornească un ECCA temporar și să "
         "continue demersurile pentru un centru european de artă contemporană de anvergură la Cluj.",
         "No solution was found for the ECCA building. The Centre decided to start a temporary ECCA and to keep "
         "working towards a major European centre for contemporary art in Cluj."),
        ("Îmbunătățirea condițiilor de lucru de la birou",
         "Improving working conditions at the office",
         Level.FULLY,
         "Evaluările interne arată o satisfacție foarte ridicată față de condițiile de lucru, inclusiv față de "
         "adaptarea la pandemie; sala de ședințe a devenit un studio pentru evenimente online, gratuit și pentru "
         "membri.",
         "Internal assessments show very high satisfaction with working conditions, including how work was "
         "adapted to the pandemic; the meeting room became a studio for online events, free for members too."),
    ]),
    ("Marketing și comunicare", "Marketing and communication", [
        ("Construirea de canale proprii de comunicare online și off-line",
         "Building our own online and offline communication channels",
         Level.LARGE,
         "Site-urile proiectelor și al Centrului au fost dezvoltate, comunicarea s-a extins pe LinkedIn pe "
         "lângă Facebook și Instagram, iar Divizia și Art & Well-being au newslettere. Canalele folosite mai "
         "mult la nivel european (Medium, Twitter) nu au fost dezvoltate.",
         "The projects' and the Centre's websites were developed, communication spread to LinkedIn besides "
         "Facebook and Instagram, and the Division and Art & Well-being have newsletters. Channels used more "
         "at European level (Medium, Twitter) were not developed."),
        ("Crearea de conținut editorial",
         "Creating editorial content",
         Level.PARTLY,
         "Centrul are acum o linie de design unitară și un plan de teme editoriale; au apărut articole despre "
         "proiecte, dar nu și materiale generale pe temele la care lucrează.",
         "The Centre now has a consistent design line and a plan of editorial themes; articles about the "
         "projects appeared, but no general pieces on the themes it works on."),
        ("Proiecte de marketing derulate în colaborare cu membrii și partenerii Centrului",
         "Marketing projects run together with the Centre's members and partners",
         Level.SMALL,
         "După întâlnirea de la începutul anului cu echipele de comunicare ale membrilor, la Ziua Proiectelor "
         "Deschise, colaborarea nu a continuat; legătura s-a păstrat mai ales prin informări despre schimbările "
         "aduse de pandemie.",
         "After the meeting with members' communication teams at the Open Projects Day early in the year, the "
         "collaboration did not continue; contact was kept mainly through updates on the changes the pandemic "
         "brought."),
    ]),
    ("Echipa executivă", "Executive team", [
        ("Crearea echipei de Operațiuni",
         "Creating the Operations team",
         Level.LARGE,
         "Departamentul de Operațiuni lucrează deja cu celelalte departamente. Are un Director de Operațiuni, "
         "un Grants Manager și un Responsabil Logistic, iar un al doilea Grants Manager este în curs de angajare.",
         "The Operations department already works with the other departments. It has a Director of "
         "Operations, a Grants Manager and a Logistics Officer, and a second Grants Manager is being hired."),
        ("Stabilizarea structurii curente",
         "Stabilising the current structure",
         Level.LARGE,
         "Nu au existat fluctuații de personal: echipa a fost întărită acolo unde era nevoie, organizarea "
         "muncii a fost clarificată, iar fișele de post sunt în actualizare.",
         "There was no staff turnover: the team was strengthened where needed, the organisation of work was "
         "clarified, and job descriptions are being updated."),
        ("Dezvoltarea cercurilor concentrice de sprijin (experți, membri, parteneri, voluntari)",
         "Developing the concentric circles of support (experts, members, partners, volunteers)",
         Level.LARGE,
         "Au început colaborări cu experți externi, parteneriatele naționale și internaționale au crescut, iar "
         "prima acțiune cu voluntari a avut loc în România Remarcabilă. Participarea organizațiilor membre "
         "trebuie încă încurajată mai bine.",
         "Collaborations with outside experts began, national and international partnerships grew, and the "
         "first volunteer action took place in Remarkable Romania. Member organisations' participation still "
         "needs better encouragement."),
    ]),
    ("Consiliul Director", "Board of Directors", [
        ("Actualizarea Consiliului Director pentru noul mandat",
         "Renewing the Board of Directors for the new term",
         Level.FULLY,
         "Noua componență a Consiliului Director a fost validată pentru un nou mandat în 2020.",
         "The Board's membership was confirmed for a new term in 2020."),
        ("Organizarea de întâlniri trimestriale",
         "Holding quarterly meetings",
         Level.PARTLY,
         "Consiliul s-a întâlnit de două ori în 2020, nu de patru ori cum era planificat, mai ales din cauza "
         "restricțiilor stării de urgență și de alertă; comunicarea prin e-mail a funcționat bine.",
         "The Board met twice in 2020 rather than the planned four times, mainly because of the state of "
         "emergency and state of alert restrictions; communication by e-mail worked well."),
        ("Statut onorific pentru Ministerul Culturii (și statut de proiect strategic pentru Centru)",
         "Honorary status for the Ministry of Culture (and strategic project status for the Centre)",
         Level.SMALL,
         "Deocamdată au avut loc doar discuții informale; obiectivul trece în 2021.",
         "Only informal talks have taken place so far; the objective moves to 2021."),
    ]),
    ("Adunarea Generală a Membrilor", "General Assembly of Members", [
        ("Follow-up practic pe temele Concentric",
         "Practical follow-up on the Concentric themes",
         Level.PARTLY,
         "A avut loc o singură întâlnire Concentric, despre protejarea sectorului cultural local în pandemie. "
         "Grupurile de lucru formate apoi au propus administrației măsuri concrete pentru cultură, iar reacția "
         "Primăriei este așteptată.",
         "Only one Concentric meeting took place, on protecting the local cultural sector during the pandemic. "
         "The working groups formed afterwards proposed concrete measures for culture to the administration, "
         "and the City Hall's response is awaited."),
        ("Dezvoltarea mecanismelor de implicare a membrilor",
         "Developing mechanisms for member involvement",
         Level.SMALL,
         "Pandemia a schimbat prioritățile membrilor și ale Centrului: colaborările obișnuite au continuat, dar "
         "nu au pornit altele noi. Membrii s-au implicat însă mult mai mult în măsurile de sprijin pentru "
         "cultură și în grupurile de lucru.",
         "The pandemic changed the members' and the Centre's priorities: the usual collaborations continued but "
         "no new ones began. Members did, however, get much more involved in support measures for culture and "
         "in the working groups."),
        ("Pregătirea pentru demararea de apeluri de proiecte pentru membrii Centrului",
         "Preparing to launch calls for projects for the Centre's members",
         Level.PARTLY,
         "Criza finanțării culturii a exclus apeluri suplimentare, dar Centrul a derulat programe de finanțare "
         "proprii (Artiști Împreună, re:form, Bursele de Inovare Cluj) și a propus, prin grupurile de lucru, "
         "programe de finanțare aflate în analiza autorităților locale și județene.",
         "The crisis in culture funding ruled out additional calls, but the Centre ran its own funding "
         "programmes (Artiști Împreună, re:form, the Cluj Innovation Grants) and, through its working groups, "
         "proposed funding programmes now being considered by the local and county authorities."),
    ]),
]

# ---------------------------------------------------------------------------------------------------
# Plan 2021 ("CENTRUL CULTURAL CLUJEAN ÎN 2021" and the programme pages). The seed does not say it was
# approved, so it stays a draft.
# ---------------------------------------------------------------------------------------------------

PLAN_2021 = {
    "year": 2021,
    "title_ro": "Plan 2021",
    "title_en": "Plan 2021",
    "status": PlanStatus.DRAFT,
    "approved_by": "",
    "approved_on": None,
    "introduction_ro": (
        "Planul anual al Centrului Cultural Clujean pentru 2021, anul în care organizația își încheie faza de "
        "start-up și pregătește tranziția către funcționarea ca institut pentru cultură și societate. Cuprinde "
        "prioritățile pe domenii, obiectivele și activitățile celor douăsprezece programe, țintele de "
        "comunicare și bugetul operațional."
    ),
    "introduction_en": (
        "The Cluj Cultural Centre's annual plan for 2021, the year in which the organisation completes its "
        "start-up phase and prepares its transition to working as an institute for culture and society. It "
        "sets out the priorities by area, the objectives and activities of the twelve programmes, the "
        "communication targets and the operating budget."
    ),
}

# (area name_ro, area name_en, [(text_ro, text_en), ...])
AREAS_2021 = [
    ("Priorități generale", "Overall priorities", [
        ("Program: încheierea fazei start-up și pregătirea fazei de tranziție către funcționarea ca institut",
         "Programme: completing the start-up phase and preparing the transition phase towards working as an "
         "institute"),
        ("Management: îmbunătățirea organizării interne și performanței generale a organizației",
         "Management: improving the internal organisation and the overall performance of the organisation"),
        ("Marketing și comunicare: trecerea la comunicarea cu publicul larg",
         "Marketing and communication: moving on to communicating with the general public"),
    ]),
    ("Program", "Programme", [
        ("Pregătirea pentru transfer în comunitate a mecanismelor și proiectelor demarate în faza start-up",
         "Preparing the mechanisms and projects started in the start-up phase for transfer to the community"),
        ("Planificarea fazei de tranziție 2022-2024 către funcționare ca institut pentru cultură și societate",
         "Planning the 2022–2024 transition phase towards working as an institute for culture and society"),
        ("Extinderea activității în zona metropolitană și în județ",
         "Extending our work to the metropolitan area and the county"),
    ]),
    ("Financiar-administrativ", "Financial and administrative", [
        ("Finalizarea digitizării documentelor, circuitelor și procedurilor financiar-administrative",
         "Completing the digitisation of financial and administrative documents, workflows and procedures"),
        ("Asigurarea unui cash flow pozitiv pe tot parcursul anului",
         "Keeping cash flow positive throughout the year"),
        ("Creșterea semnificativă a aporturilor private în finanțarea Centrului",
         "Significantly increasing private contributions to the Centre's funding"),
    ]),
    ("Infrastructură", "Infrastructure", [
        ("Asigurarea bunei administrări a noilor locații ale Centrului (CLTP Hub, Qub, Pavilionul ECCA, "
         "Garnizoană)",
         "Running the Centre's new venues well (CLTP Hub, Qub, the ECCA Pavilion, the Garrison)"),
        ("Identificarea unei soluții concrete pentru viitoarea clădire ECCA",
         "Finding a concrete solution for the future ECCA building"),
        ("Îmbunătățirea condițiilor pentru lucru și evenimente în format hibrid",
         "Improving the conditions for hybrid work and events"),
    ]),
    ("Marketing și comunicare", "Marketing and communication", [
        ("Susținerea în comunicare a tranziției organizației dinspre centru spre institut",
         "Supporting, through communication, the organisation's transition from centre to institute"),
        ("Accent pe comunicarea cu publicul larg și dezvoltarea de comunități în jurul proiectelor Centrului",
         "Focusing on communication with the general public and on building communities around the Centre's "
         "projects"),
        ("Crearea de conținut editorial propriu",
         "Creating our own editorial content"),
    ]),
    ("Echipa executivă", "Executive team", [
        ("Dezvoltarea echipei de Operațiuni",
         "Developing the Operations team"),
        ("Creșterea colaborării între proiectele interne",
         "Increasing collaboration between internal projects"),
        ("Dezvoltarea cercurilor concentrice de sprijin (experți, membri, parteneri, voluntari)",
         "Developing the concentric circles of support (experts, members, partners, volunteers)"),
    ]),
    ("Consiliul Director", "Board of Directors", [
        ("Setarea și urmărirea de obiective anuale pentru Consiliul Director",
         "Setting and following up annual objectives for the Board of Directors"),
        ("Creșterea colaborării cu instituțiile și organizațiile reprezentate în Consiliul Director",
         "Increasing collaboration with the institutions and organisations represented on the Board"),
        ("Invitarea Ministrului Culturii în Consiliul Director",
         "Inviting the Minister of Culture to join the Board of Directors"),
    ]),
    ("Adunarea Generală a Membrilor", "General Assembly of Members", [
        ("Testarea de mecanisme de acces pentru membri în spațiile și proiectele Centrului",
         "Testing ways for members to use the Centre's spaces and take part in its projects"),
        ("Dezvoltarea mecanismelor de implicare a membrilor",
         "Developing mechanisms for member involvement"),
        ("Pregătirea pentru demararea de apeluri de proiecte pentru membrii Centrului",
         "Preparing to launch calls for projects for the Centre's members"),
    ]),
]


def _activity(title_ro, title_en, period_text, project="", updates=()):
    """A row of a programme's table. ``updates``: illustrative ``(ISO date in 2021, progress %)`` pairs."""
    return {"title_ro": title_ro, "title_en": title_en, "period_text": period_text, "project": project,
            "updates": updates}


def _section(text, text_en=""):
    """A heading row inside a programme's table: it groups the rows that follow ("" ends the group)."""
    return {"section": text, "section_en": text_en}


# (programme slug, [(objective_ro, objective_en), ...], [rows of the activity table])
PROGRAMMES_2021 = [
    ("academia-schimbarii", [
        ("Consolidarea modulelor principale ale Academiei și a modelelor lor de funcționare (Program de formare "
         "și mentorat, Rezidențe, Apeluri deschise, Metodologie mediere culturală)",
         "Consolidating the Academy's main modules and how they work (training and mentoring programme, "
         "residencies, open calls, cultural mediation methodology)"),
        ("Consolidarea relației cu sectorul cultural", "Strengthening the relationship with the cultural sector"),
        ("Parteneriate strategice", "Strategic partnerships"),
        ("Pregătirea pentru tranziție / transfer", "Preparing for transition / transfer"),
    ], [
        _activity("Forumul Academiei Schimbării", "Academy of Change Forum", "Octombrie 2021"),
        _activity("Metodologie mediere culturală", "Cultural mediation methodology", "Iunie - octombrie",
                  updates=(("2021-07-15", 30), ("2021-09-30", 70))),
        _activity("Programul de formare & mentorat", "Training & mentoring programme", "Aprilie – octombrie",
                  updates=(("2021-05-10", 25), ("2021-07-20", 60), ("2021-10-29", 100))),
        _activity("Rezidențe artiști și cercetători", "Residencies for artists and researchers", "În derulare",
                  "Studiotopia"),
        _activity("2 evenimente publice", "2 public events", "August - septembrie", "Studiotopia"),
        _activity("Platforma culturaincluj.ro", "The culturaincluj.ro platform", "Martie – octombrie",
                  "Impact Cultural"),
        _activity("Rezidență și activități de dezvoltare a publicului", "Residency and audience development "
                  "activities", "Octombrie – decembrie 2021", "Stronger Peripheries"),
        _activity("Cultura 2030", "Cultura 2030", "În derulare", updates=(("2021-03-15", 40),)),
        _activity("Rezidențe artistice și cercetare", "Artist residencies and research", "Iunie – noiembrie 2021",
                  "Future Audiences"),
        _activity("Ateliere Future Audiences (4 ateliere)", "Future Audiences workshops (4 workshops)",
                  "Iunie – decembrie 2021", "Future Audiences"),
    ]),
    ("arta-in-joaca", [
        ("Consolidarea rețelei de școli prin Cluj School Network (CSN)",
         "Consolidating the network of schools through the Cluj School Network (CSN)"),
        ("Definitivarea modelului de intervenție culturală Arta în Joacă",
         "Finalising the Arta în Joacă cultural intervention model"),
        ("Consolidarea capacității mediului educațional de a integra educația culturală și STEAM pentru bunăstarea "
         "elevilor și profesorilor",
         "Building schools' capacity to integrate cultural and STEAM education for the well-being of pupils and "
         "teachers"),
        ("Definirea și dezvoltarea de mecanisme de colaborare între școli și alte sectoare",
         "Defining and developing ways for schools to work with other sectors"),
        ("Definirea planului de transfer și începerea implementării lui",
         "Defining the transfer plan and starting to implement it"),
    ], [
        _activity("Dezvoltarea rețelei de școli Cluj School Network (15 școli)",
                  "Developing the Cluj School Network of schools (15 schools)", "Ianuarie - decembrie",
                  "Learning Qub", updates=(("2021-03-31", 25), ("2021-06-30", 50))),
        _activity("Spațiu well-being Ghibu", "Ghibu well-being space", "Ianuarie - iunie",
                  "Art & Well-being, Learning Qub, Prototyping Futures"),
        _activity("Dezvoltarea modelului de intervenție cultural-educațională",
                  "Developing the cultural-educational intervention model", "Aprilie - Decembrie", "Arta în Joacă"),
        _activity("Sesiuni de formare pentru cadre didactice Pre-Texts (2 sesiuni)",
                  "Pre-Texts training sessions for teachers (2 sessions)", "Mai și septembrie", "Learning Qub",
                  updates=(("2021-05-28", 50), ("2021-09-24", 100))),
        _activity("Activități educație culturală: Ateliere online; Tabere de vară în școli rurale",
                  "Cultural education activities: online workshops; summer camps in rural schools",
                  "Ianuarie – decembrie", "Arta în Joacă, Learning Qub"),
    ]),
    ("ecca", [
        ("Identificarea soluției pentru spațiul ECCA (plan de activitate, demersuri către autorități etc)",
         "Finding a solution for the ECCA space (activity plan, approaches to the authorities, etc.)"),
        ("Finalizarea unui nou design instituțional (redefinit) al proiectului ECCA",
         "Completing a new (redefined) institutional design for the ECCA project"),
        ("Deschiderea unui spațiu fizic (pavilion temporar)", "Opening a physical space (a temporary pavilion)"),
        ("Consolidarea colaborărilor instituționale la nivel local, național și internațional",
         "Strengthening institutional collaborations locally, nationally and internationally"),
        ("Continuarea pilotării unor componente ale ECCA: formare de curatori, cercetare și arhivare, schimb de "
         "bune practici între specialiști",
         "Continuing to pilot parts of ECCA: curator training, research and archiving, exchange of good practice "
         "between specialists"),
    ], [
        _activity("Identificarea unui spațiu pentru ECCA și inițierea procedurilor pentru preluare și dezvoltare",
                  "Finding a space for ECCA and starting the procedures to take it over and develop it",
                  "Ianuarie - 15 octombrie"),
        _activity("Dosarul ECCA: Documentele de design instituțional",
                  "The ECCA file: institutional design documents", "Ianuarie - iunie",
                  updates=(("2021-03-15", 40), ("2021-06-25", 100))),
        _activity("Pavilionul ECCA", "The ECCA Pavilion", "Dezvoltare: martie-octombrie Lansare: 21 octombrie",
                  updates=(("2021-05-31", 30), ("2021-09-15", 75))),
        _activity("Întâlnirile ECCA (#2-#4)", "ECCA Meetings (#2–#4)", "#2: 14 aprilie #3: 27 mai #4: 24 iulie",
                  updates=(("2021-04-14", 33), ("2021-05-27", 67), ("2021-07-24", 100))),
        _activity("Arhiva de Artă - concept, activități de documentare și digitalizare, simpozion",
                  "The Art Archive – concept, documentation and digitisation, symposium",
                  "Dezvoltare: martie-octombrie Simpozion: 22 octombrie"),
        _activity("Școala Curatorială de Toamnă #3", "Autumn Curatorial School #3",
                  "Pregătire: februarie-noiembrie Eveniment: 11-15 septembrie"),
        _activity("Expoziția Studiotopia – activități de pregătire", "Studiotopia exhibition – preparation",
                  "Ianuarie-noiembrie", "Studiotopia"),
        _activity("Conferința ECCA", "ECCA Conference", "Noiembrie", "Future Audiences"),
    ]),
    ("spatiu-interior", [
        ("Explorarea potențialului culturii pentru well-being prin acțiuni pilot",
         "Exploring culture's potential for well-being through pilot actions"),
        ("Contribuție la documentarea impactului culturii asupra sănătății și stării de bine",
         "Helping to document the impact of culture on health and well-being"),
        ("Consolidarea unei rețele de experți (Think Tank) și organizații implicate în cultură și well-being",
         "Consolidating a network of experts (Think Tank) and organisations working on culture and well-being"),
        ("Creșterea rolului Centrului ca pol de expertiză pentru cultură și well-being",
         "Growing the Centre's role as a hub of expertise in culture and well-being"),
        ("Inițierea unor propuneri de politici publice și/sau măsuri care să contribuie la creșterea accesului la "
         "cultură pentru îmbunătățirea calității vieții și sănătății cetățenilor",
         "Initiating public policy proposals and/or measures that widen access to culture to improve residents' "
         "quality of life and health"),
    ], [
        _activity("Program artistic – rezidențe artistice, co-producții, prezentare publică",
                  "Artistic programme – artist residencies, co-productions, public presentation",
                  "Aprilie-Septembrie", "Art & Well-being"),
        _activity("Proiect pilot: Spațiu de Artă și Well-being la Liceul Onisifor Ghibu Cluj-Napoca",
                  "Pilot project: an Art and Well-being Space at the Onisifor Ghibu High School, Cluj-Napoca",
                  "Pilot: ian-iunie Model: iunie Transfer: iunie-decembrie", "Art & Well-being, Learning Qub",
                  updates=(("2021-03-31", 35), ("2021-06-30", 70))),
        _activity("Proiect pilot: Program de vouchere culturale pentru well-being",
                  "Pilot project: a cultural voucher programme for well-being",
                  "Dezvoltare: martie - mai Lansare: iunie Funcționare: iunie-decembrie",
                  "Art & Well-being, Academia Schimbării"),
        _activity("Cercetare: Studii impact proiecte pilot și program artistic; promovare cercetări",
                  "Research: impact studies of the pilot projects and the artistic programme; promoting the "
                  "research", "Aprilie-Septembrie", "Art & Well-being"),
        _activity("Transfer: ghiduri de intervenție și propuneri de scalare/replicare și politici publice bazate pe "
                  "proiectele pilot - spații de artă și well-being, prescripții culturale, grupuri de lucru",
                  "Transfer: intervention guides and proposals for scaling/replication and public policy based on "
                  "the pilot projects – art and well-being spaces, cultural prescriptions, working groups",
                  "Aprilie-Septembrie"),
        _activity("Publicație Art & Well-being", "Art & Well-being publication", "Septembrie", "Art & Well-being"),
        _activity("Art & Well-being Forum", "Art & Well-being Forum", "8-9-10 septembrie", "Art & Well-being",
                  updates=(("2021-09-08", 30), ("2021-09-10", 100))),
        _activity("Consolidare Think Tank, Rețea Culturală și Well-being",
                  "Consolidating the Think Tank, the Culture and Well-being Network", "Martie-decembrie"),
        _activity("Formare și consiliere pentru profesori pentru creșterea bunăstării fizice și emoționale",
                  "Training and counselling for teachers to improve physical and emotional well-being", "August",
                  "Learning Qub, CSN-Arta în Joacă"),
        _activity("Arts & Health Collective Pilot Project", "Arts & Health Collective Pilot Project",
                  "Martie-decembrie", "World Health Organization"),
    ]),
    ("romania-remarcabila", [
        ("Dezvoltarea principiilor și instrumentelor de lucru ale rețelei",
         "Developing the network's principles and working tools"),
        ("Inițierea unui grup de tineri resursă pentru activitățile rețelei",
         "Starting a group of young people as a resource for the network's activities"),
        ("Dezvoltarea parteneriatelor strategice cu Ministerul Culturii, Sites et Cités Remarquables, Consiliul "
         "Județean Cluj",
         "Developing strategic partnerships with the Ministry of Culture, Sites et Cités Remarquables and Cluj "
         "County Council"),
        ("Repertorierea și promovarea patrimoniului localităților din rețea",
         "Inventorying and promoting the heritage of the network's localities"),
        ("Facilitarea unor intervenții locale în beneficiul comunităților rurale",
         "Facilitating local interventions that benefit rural communities"),
    ], [
        _activity("Consolidarea rețelei – finalizarea instrumentelor și beneficiilor pentru localitățile membre, "
                  "vizite în localitățile membre",
                  "Consolidating the network – finalising the tools and benefits for member localities, visits to "
                  "member localities", "Martie - Aprilie"),
        _activity("Întâlnire de lucru cu autoritățile locale", "Working meeting with the local authorities",
                  "Aprilie (9)", updates=(("2021-04-09", 100),)),
        _activity("Roots: Grup de tineri resursă pentru RR - întâlniri de lucru, program de formare în "
                  "interpretarea și valorificarea patrimoniului",
                  "Roots: a group of young people as a resource for RR – working meetings, training in heritage "
                  "interpretation and promotion", "Martie (19)"),
        _activity("Repertorierea patrimoniului localităților din rețea - fișe de localitate/ documentare (meșteri "
                  "și producători locali, obiective de patrimoniu etc.)",
                  "Inventorying the heritage of the network's localities – locality sheets/documentation (local "
                  "craftspeople and producers, heritage sites, etc.)", "Martie - Iunie",
                  updates=(("2021-04-15", 30), ("2021-06-15", 80))),
        _activity("Campanie de promovare și valorizare a patrimoniului localităților rețelei – identitate "
                  "vizuală, panouri de promovare obiective remarcabile, campanie online",
                  "Campaign to promote and value the heritage of the network's localities – visual identity, "
                  "signs promoting remarkable sites, online campaign", "Martie - Decembrie"),
        _activity("Evenimente in situ și panotare obiective remarcabile",
                  "On-site events and signs for remarkable sites", "3 iulie - 11 septembrie",
                  updates=(("2021-07-03", 10), ("2021-08-15", 55), ("2021-09-11", 100))),
        _activity("Participare Târgul de Patrimoniu de la Paris", "Taking part in the Heritage Fair in Paris",
                  "Noiembrie"),
    ]),
    ("jivipen", [
        ("Îmbunătățirea relațiilor dintre romi și ne-romi, a percepției și a reflectării publice a minorității "
         "romi",
         "Improving relations between Roma and non-Roma and the public perception and portrayal of the Roma "
         "minority"),
        ("Promovarea și susținerea artiștilor, actorilor și producătorilor romi",
         "Promoting and supporting Roma artists, actors and producers"),
        ("Facilitarea accesului locuitorilor din Pata Rât la activități culturale și sociale",
         "Making cultural and social activities accessible to the residents of Pata Rât"),
        ("Colaborarea cu instituțiile și organizațiile culturale pentru a crește reprezentarea culturii și "
         "istoriei romilor în colecțiile și programele lor culturale",
         "Working with cultural institutions and organisations to increase the representation of Roma culture "
         "and history in their collections and cultural programmes"),
    ], [
        _section("1. Activități interculturale", "1. Intercultural activities"),
        _activity("Zilele Culturii Rome – în cadrul Zilelor Clujului", "Roma Culture Days – part of the Cluj Days",
                  "Mai / Septembrie"),
        _activity("Întâlnirile Jivipen", "Jivipen Meetings", "Lunar, martie-decembrie",
                  updates=(("2021-03-25", 10), ("2021-06-24", 40), ("2021-09-30", 70))),
        _activity("Tabere de vară Școala de Vară de la Telciu", "Summer camps: the Telciu Summer School",
                  "August 2021", "Arta în Joacă"),
        _section("2. Promovarea și susținerea culturii romilor", "2. Promoting and supporting Roma culture"),
        _activity("Expoziția Cunoaște rOmul, Ziua Internațională a Romilor",
                  "The Cunoaște rOmul exhibition, International Roma Day", "1 – 30 aprilie, 8 aprilie 2021",
                  updates=(("2021-04-08", 50), ("2021-04-30", 100))),
        _activity("Activități de documentare și dezvoltare a unor instrumente de sprijin a culturii romi – "
                  "fond/apeluri deschise, rezidențe",
                  "Research and development of tools to support Roma culture – a fund/open calls, residencies",
                  "Iunie-octombrie"),
        _section("3. Acces cultural și participare la viața orașului pentru oamenii din Pata Rât",
                 "3. Access to culture and to the life of the city for the people of Pata Rât"),
        _activity("Voucher cultural", "Cultural voucher", "Aprilie-noiembrie", "Academia Schimbării"),
        _section("4. Colaborări instituționale pentru reprezentarea culturii și istoriei romilor în colecții și "
                 "programe publice",
                 "4. Institutional collaborations to represent Roma culture and history in collections and public "
                 "programmes"),
        _activity("Muzeul Etnografic al Transilvaniei, IAFAR - Rezidențe de cercetare și producție bazate pe "
                  "arhive și colecții publice: Rezidențele Jivipen - cercetare și documentare",
                  "Ethnographic Museum of Transylvania, IAFAR – research and production residencies based on "
                  "public archives and collections: the Jivipen Residencies – research and documentation",
                  "Aprilie-decembrie", "Future Audiences"),
    ]),
    ("divizia-de-inovare-urbana", [
        ("Implementarea Burselor de Inovare Cluj și a sesiunilor de transfer Future of Work (FoW)",
         "Running the Cluj Innovation Grants and the Future of Work (FoW) transfer sessions"),
        ("Înțelegerea lecțiilor învățate din mecanismele de inovare și transfer dezvoltate în DIU 2017-2021",
         "Understanding the lessons learnt from the innovation and transfer mechanisms developed in DIU "
         "2017–2021"),
        ("Identificarea modelului de transfer al DIU", "Identifying the DIU transfer model"),
    ], [
        _activity("Sesiuni de lucru pentru agrearea modelului de transfer DIU",
                  "Working sessions to agree on the DIU transfer model", "Februarie- Septembrie 2021",
                  updates=(("2021-04-30", 40), ("2021-09-30", 100))),
        _activity("Sesiuni de transfer pentru mecanismele de inovare din FoW și rolul DIU în dezvoltarea FoW în "
                  "cadrul Festivalului FoW",
                  "Transfer sessions on the FoW innovation mechanisms and DIU's role in developing FoW, at the FoW "
                  "Festival", "1-10 Octombrie 2021"),
        _activity("Future of Work – Implementare și suport pentru Bursele de Inovare Cluj, Culturepreneurs, "
                  "Re:form, Work Upside Down, Future Scenarios, Co-management FoW și raportări.",
                  "Future of Work – implementation and support for the Cluj Innovation Grants, Culturepreneurs, "
                  "Re:form, Work Upside Down, Future Scenarios, FoW co-management and reporting.",
                  "Ianuarie-decembrie 2021"),
    ]),
    ("culturepreneurs", [
        ("Desfășurarea modulelor de specialitate CLTP 2020-2021", "Running the CLTP 2020–2021 specialist modules"),
        ("Facilitarea accesului participanților la laboratoare și consultanță specializată pentru prototiparea și "
         "dezvoltarea ideilor",
         "Giving participants access to labs and specialist advice to prototype and develop their ideas"),
        ("Dezvoltarea planului de transfer a programului Culturepreneurs",
         "Developing the transfer plan for the Culturepreneurs programme"),
        ("Inițierea ediției a 4-a a Culturepreneurs", "Starting the 4th edition of Culturepreneurs"),
    ], [
        _activity("Module etapa a 2-a a programului Culturepreneurs 20/21: Cursuri online; Cursuri în laboratoare; "
                  "Pregătirea infrastructurii pentru cursuri",
                  "Stage 2 modules of the Culturepreneurs 20/21 programme: online courses; courses in the labs; "
                  "preparing the infrastructure for the courses",
                  '28 ianuarie 2021 - începerea modulului "Design de produs" 15 februarie 2021 - începerea '
                  'modulului "Conținut audiovizual inovator" 15 februarie 2021 - începerea modulului '
                  '"Gamification"',
                  updates=(("2021-01-28", 10), ("2021-02-15", 40))),
        _activity("Activități pentru facilitarea dezvoltării participanților și a ideilor: Ședințe de coaching "
                  "lunare; Consultanță cu experți din diferite domenii; Masterclass-uri și workshop-uri",
                  "Activities supporting the participants and their ideas: monthly coaching sessions; advice from "
                  "experts in various fields; masterclasses and workshops", "1 februarie 2021 - 15 mai 2021"),
        _activity('Intersectarea Culturepreneurs cu alte activități din proiectul Future of Work - "Informal '
                  'Work", Bursele de marketing internațional, "Future Scenarios", Festivalul Future of Work',
                  'Linking Culturepreneurs with other activities of the Future of Work project – "Informal Work", '
                  'the international marketing grants, "Future Scenarios", the Future of Work Festival',
                  "1 februarie 2021 - 1 iunie 2021 Festivalul Future of Work - octombrie 2021"),
        _activity("Sesiune de pitching", "Pitching session", "15 - 20 mai 2021", updates=(("2021-05-20", 100),)),
        _activity("Transfer curricula Culturepreneurs: Evaluarea și revizuirea materialelor din prima etapă a "
                  "programului; Pilotarea transferului curriculei în parteneriat cu diverse părți interesate",
                  "Transferring the Culturepreneurs curriculum: evaluating and revising the materials of the "
                  "programme's first stage; piloting the curriculum transfer with various stakeholders",
                  "15 mai - 15 decembrie"),
        _activity("Cowork Culturepreneurs", "Culturepreneurs cowork", "1 august - 30 noiembrie",
                  updates=(("2021-08-31", 25), ("2021-10-31", 70))),
        _activity("CULTUREPRENEURS 4.0 - Dezvoltarea planului și selecția participanților",
                  "CULTUREPRENEURS 4.0 – developing the plan and selecting the participants",
                  "15 octombrie - start promovare 15 noiembrie - termen limită de aplicare 15 noiembrie - 15 "
                  "decembrie - selecția participanților"),
    ]),
    ("quantum", [
        ("Inițierea, dezvoltarea și lansarea Qub", "Starting, developing and launching Qub"),
        ("Promovarea comunicării științifice și a educației STEAM",
         "Promoting science communication and STEAM education"),
    ], [
        _section("QUB", "QUB"),
        _activity("Planificare – definire concept, funcționare, identitate, plan activități",
                  "Planning – defining the concept, operation, identity and activity plan", "ianuarie - martie",
                  "Learning Qub", updates=(("2021-02-15", 50), ("2021-03-31", 100))),
        _activity("Biblioteca de resurse", "Resource library", "Iunie - decembrie", "Learning Qub"),
        _activity("Formare STEAM", "STEAM training", "Iunie", "Learning Qub", updates=(("2021-06-30", 100),)),
        _activity("Vizite de studiu", "Study visits", "Iunie - decembrie", "Learning Qub"),
        _activity("Colaborare activități educaționale STEAM", "Collaboration on STEAM educational activities",
                  "Martie - decembrie", "Learning Qub"),
        _activity("Dezvoltarea spațiului – identificare, design, achiziții, instalare, lansare",
                  "Developing the space – finding it, design, purchasing, installation, launch",
                  "Februarie-decembrie Lansare: decembrie", "Learning Qub"),
        _section(""),
        _activity("Workshop on Audience Engagement", "Workshop on Audience Engagement", "Martie - aprilie",
                  "Studiotopia"),
        _activity("Festivalul Științei, ediția a IIIa", "Science Festival, 3rd edition", "8-17 octombrie",
                  "Studiotopia", updates=(("2021-10-08", 20), ("2021-10-17", 100))),
        _activity("Quantum – întâlniri de lucru, parteneriate strategice și contribuții Science Center",
                  "Quantum – working meetings, strategic partnerships and contributions to a Science Center",
                  "Aprilie-decembrie"),
    ]),
    ("culture-next", [
        ("Reorganizarea rețelei", "Reorganising the network"),
        ("Lansarea programului 2021 A Capital Year for Culture",
         "Launching the 2021 A Capital Year for Culture programme"),
        ("Lansarea Cities Fund for Culture", "Launching the Cities Fund for Culture"),
        ("Organizarea unei întâlniri de rețea la Cluj", "Holding a network meeting in Cluj"),
    ], [
        _activity("Restructurarea rețelei (lărgirea Secretariatului, numirea unui board, adoptarea unui calendar "
                  "de evenimente online)",
                  "Restructuring the network (enlarging the Secretariat, appointing a board, adopting a calendar of "
                  "online events)", "Martie", updates=(("2021-03-31", 100),)),
        _activity("Activități 2021 A Capital Year for Culture", "2021 A Capital Year for Culture activities",
                  "Aprilie-Decembrie"),
        _activity("Lansarea Fondului Orașelor", "Launching the Cities Fund", "Mai",
                  updates=(("2021-05-12", 60), ("2021-05-31", 100))),
        _activity("Întâlnire anuală de rețea la Cluj-Napoca", "Annual network meeting in Cluj-Napoca",
                  "7-10 octombrie", updates=(("2021-10-07", 25), ("2021-10-10", 100))),
    ]),
    ("cercetare", [
        ("Consolidarea metodologiei pentru dezvoltarea unui Observator de date în domeniul culturii",
         "Consolidating the methodology for a cultural data observatory"),
        ("Dezvoltarea unei platforme digitale și a unor instrumente de colectare de date și măsurare a impactului "
         "culturii",
         "Developing a digital platform and tools to collect data and measure the impact of culture"),
        ("Dezvoltarea unei metodologii și a unor instrumente proprii de comunicare publică a rezultatelor "
         "cercetărilor",
         "Developing our own methodology and tools for communicating research results to the public"),
    ], [
        _activity("Observator cultural Cluj-Napoca – metodologie, indicatori, surse; Platformă digitală de colectare "
                  "date și instrumente de analiză și impact pentru organizații culturale; Diagnoza sectorului "
                  "cultural clujean 2021",
                  "Cluj-Napoca cultural observatory – methodology, indicators, sources; a digital platform for data "
                  "collection with analysis and impact tools for cultural organisations; a 2021 diagnosis of "
                  "Cluj's cultural sector", "Martie - decembrie"),
        _activity('MESOC: Measuring the Social Dimension of Culture - Cluj-Napoca oraș pilot "Sănătate și '
                  'well-being" – colectare date, studii de caz, analize, focus grupuri, ateliere',
                  'MESOC: Measuring the Social Dimension of Culture – Cluj-Napoca as pilot city for "Health and '
                  'well-being": data collection, case studies, analyses, focus groups, workshops',
                  "Ianuarie - decembrie", "MESOC"),
        _activity("inDICEs: Measuring the Impact of Digital Culture – colectare de date, analize, grupuri de lucru, "
                  "webinar",
                  "inDICEs: Measuring the Impact of Digital Culture – data collection, analyses, working groups, a "
                  "webinar", "Ianuarie - decembrie", "inDICEs"),
        _activity("Cercetările Art & Well-being", "Art & Well-being research", "Ianuarie - iunie", "Art & Well-being",
                  updates=(("2021-03-31", 45), ("2021-06-30", 100))),
        _activity("Cercetările Cluj Future of Work, ediția a II-a - sectorul cultural, industriile culturale și "
                  "creative, impactul automatizării",
                  "Cluj Future of Work research, 2nd edition – the cultural sector, the cultural and creative "
                  "industries, the impact of automation", "Februarie – septembrie", "FoW"),
        _activity("Publicații, articole științifice, campanii de comunicare a rezultatelor cercetărilor",
                  "Publications, scientific articles, campaigns communicating research results",
                  "Ianuarie-decembrie"),
    ]),
    ("advocacy", [
        ("Consolidarea unei echipe și a unei rețele de colaboratori pentru analiză de politici",
         "Building a team and a network of collaborators for policy analysis"),
        ("Consolidarea rolului Centrului în dialogul dintre sectorul cultural și factorii de decizie și în "
         "inițierea de măsuri pentru cultură",
         "Strengthening the Centre's role in the dialogue between the cultural sector and decision makers and in "
         "initiating measures for culture"),
        ("Formularea și înaintarea unor propuneri de măsuri/ politici pe baza experiențelor proiectelor Centrului",
         "Drafting and submitting proposals for measures/policies based on the experience of the Centre's "
         "projects"),
        ("Facilitarea procesului de dezvoltare a noii strategii culturale în Cluj-Napoca/ zona metropolitană",
         "Facilitating the development of the new cultural strategy for Cluj-Napoca / the metropolitan area"),
    ], [
        _activity("Plan de transfer a propunerilor de politici din proiectele centrului",
                  "Plan for transferring the policy proposals of the Centre's projects", "Martie- decembrie"),
        _activity("Platforma națională Cultura 2030", "The Cultura 2030 national platform", "Ianuarie-decembrie"),
        _activity("Reprezentarea sectorului cultural în Consiliul Economic și Social",
                  "Representing the cultural sector on the Economic and Social Council", "Februarie-decembrie",
                  updates=(("2021-06-30", 45),)),
        _activity("Coordonarea elaborării și consultării cu privire la Strategia Culturală a Zonei Metropolitane "
                  "Cluj 2021-2030",
                  "Coordinating the drafting of and the consultation on the Cultural Strategy of the Cluj "
                  "Metropolitan Area 2021–2030", "Mai-decembrie",
                  updates=(("2021-06-15", 20), ("2021-09-30", 55))),
        _activity("Inițiative și grupuri de lucru pentru îmbunătățirea condițiilor sectorului cultural local",
                  "Initiatives and working groups to improve the conditions of the local cultural sector",
                  "Februarie – decembrie"),
        _activity("Participare la platforme și consultări europene: Voices of Culture (Culture and SDGs, Status and "
                  "Working Conditions of Artists and Cultural and Creative Professionals), New European Bauhaus, "
                  "A Soul for Europe / Cities for Europe",
                  "Taking part in European platforms and consultations: Voices of Culture (Culture and SDGs, Status "
                  "and Working Conditions of Artists and Cultural and Creative Professionals), New European "
                  "Bauhaus, A Soul for Europe / Cities for Europe", "Ianuarie-decembrie"),
    ]),
]

# "Obiective cantitative 2021" of marketing and communication, the lines that state a number:
# (text_ro as written, name_ro, name_en, unit_ro, unit_en, target, illustrative [(ISO date, value), ...]).
INDICATORS_2021 = [
    ("3.000 prieteni pe Instagram", "Prieteni pe Instagram", "Instagram friends", "prieteni", "friends",
     "3000", [("2021-03-31", "2140"), ("2021-06-30", "2410"), ("2021-09-30", "2690"), ("2021-12-31", "2980")]),
    ("1 campanie de comunicare a Centrului – online (cultura în societate, rol și importanță)",
     "Campanie online de comunicare a Centrului", "Online communication campaign for the Centre", "campanii",
     "campaigns", "1", [("2021-06-30", "0"), ("2021-11-30", "1")]),
    ("24.000 prieteni facebook", "Prieteni pe Facebook", "Facebook friends", "prieteni", "friends", "24000",
     [("2021-03-31", "21850"), ("2021-06-30", "22480"), ("2021-09-30", "23120"), ("2021-12-31", "23760")]),
    ("Dezvoltarea de baze de date – 1.000 abonați", "Abonați în baza de date", "Database subscribers", "abonați",
     "subscribers", "1000", [("2021-04-30", "380"), ("2021-08-31", "610"), ("2021-12-31", "870")]),
    ("1 newsletter general CCC/ lună pentru abonați", "Newsletter general CCC pentru abonați",
     "General CCC newsletter for subscribers", "newsletter/lună", "newsletter/month", "1",
     [("2021-04-30", "1"), ("2021-07-31", "0"), ("2021-10-31", "1")]),
    ("3 parteneriate media la nivel național", "Parteneriate media la nivel național",
     "National media partnerships", "parteneriate", "partnerships", "3",
     [("2021-05-31", "1"), ("2021-09-30", "2")]),
]

# "BUGET 2021", the operating budget in lei:
# (kind, name_ro, name_en, stated subtotal, [(label_ro, label_en, amount), ...]).
BUDGET_2021 = [
    (BudgetKind.INCOME, "Cotizații", "Membership fees", "678760.50", [
        ("Administrații", "Public administrations", "675000.00"),
        ("Instituții", "Institutions", "1173.00"),
        ("ONG-uri", "NGOs", "2587.50"),
    ]),
    (BudgetKind.INCOME, "Corporate", "Corporate", "2449250.00", [
        ("Fundații Private", "Private foundations", "727500.00"),
        ("Corporate", "Companies", "1721750.00"),
    ]),
    (BudgetKind.INCOME, "Finanțări", "Grants", "8027769.25", [
        ("Botnar (LQ)", "Botnar (LQ)", "1088937.00"),
        ("C.E. AWE (REP)", "European Commission – AWE (REP)", "249336.75"),
        ("C.E.Studiotopia (REP)", "European Commission – Studiotopia (REP)", "440795.35"),
        ("CE Stronger Peripheries", "European Commission – Stronger Peripheries", "144714.30"),
        ("H2020-Mesoc", "H2020 – MESOC", "288560.45"),
        ("H2020-Indices", "H2020 – inDICEs", "138782.75"),
        ("MC RO", "Ministry of Culture (Romania)", "0.00"),
        ("MAE FR (Barter)", "French Ministry of Foreign Affairs (Barter)", "0.00"),
        ("Sezonul RO-FR", "Romania–France Season", "0.00"),
        ("PRIMARIE", "City Hall", "1712500.00"),
        ("Ambasada SUA", "US Embassy", "0.00"),
        ("UIA", "UIA (Urban Innovative Actions)", "3964142.65"),
    ]),
    (BudgetKind.EXPENSE, "Cheltuieli", "Expenses", "11151585.90", [
        ("Cheltuieli Program", "Programme expenses", "4924079.25"),
        ("Cheltuieli MKT & Admin", "Marketing and administration expenses", "4448279.30"),
        ("Buffer Cashflow", "Cash-flow buffer", "1779227.35"),
    ]),
]
STATED_INCOME_2021 = "11155779.75"
STATED_EXPENSE_2021 = "11151585.90"


def _note(progress):
    if progress == 100:
        return "Activitate încheiată.", "Activity completed."
    if progress <= 30:
        return "Lucrul a început.", "Work has started."
    return f"În desfășurare, aproximativ {progress}% realizat.", f"Under way, about {progress}% done."


def _plan(host, fields):
    """The plan of ``fields["year"]``, updated in place, with its children removed (they are made again)."""
    year = fields["year"]
    defaults = {key: value for key, value in fields.items() if key != "year"}
    plan, _created = Plan.objects.update_or_create(organisation=host, year=year, end_year=year, defaults=defaults)
    # Activities first: progress updates cascade with them.
    for children in (plan.activities, plan.objectives, plan.areas, plan.indicators, plan.budget_groups):
        children.all().delete()
    return plan


def _areas(plan, areas):
    count = 0
    for area_position, (name_ro, name_en, priorities) in enumerate(areas, start=1):
        area = Area.objects.create(plan=plan, position=area_position, name_ro=name_ro, name_en=name_en)
        for position, (text_ro, text_en, *assessment) in enumerate(priorities, start=1):
            level, narrative_ro, narrative_en = assessment or ("", "", "")
            Priority.objects.create(area=area, position=position, text_ro=text_ro, text_en=text_en, level=level,
                                    narrative_ro=narrative_ro, narrative_en=narrative_en)
            count += 1
    return count


def _programmes(plan):
    programmes = Programme.objects.in_bulk([slug for slug, _objectives, _rows in PROGRAMMES_2021], field_name="slug")
    objectives = activities = updates = 0
    for slug, objective_rows, rows in PROGRAMMES_2021:
        programme = programmes[slug]
        Objective.objects.bulk_create(
            Objective(plan=plan, programme=programme, position=position, text_ro=text_ro, text_en=text_en)
            for position, (text_ro, text_en) in enumerate(objective_rows, start=1)
        )
        objectives += len(objective_rows)
        section = section_en = ""
        position = 0
        for row in rows:
            if "section" in row:
                section, section_en = row["section"], row["section_en"]
                continue
            position += 1
            activity = Activity.objects.create(
                plan=plan, programme=programme, position=position, section_ro=section, section_en=section_en,
                title_ro=row["title_ro"],
                title_en=row["title_en"], project=row["project"], period_text=row["period_text"],
                status=ActivityStatus.PLANNED, progress=0,
            )
            activities += 1
            for iso_date, progress in row["updates"]:
                note_ro, note_en = _note(progress)
                ProgressUpdate.objects.create(activity=activity, date=datetime.date.fromisoformat(iso_date),
                                              progress=progress, note_ro=note_ro, note_en=note_en, illustrative=True)
                updates += 1
            if row["updates"]:
                latest = row["updates"][-1][1]
                activity.progress = latest
                activity.status = ActivityStatus.DONE if latest == 100 else ActivityStatus.ONGOING
                activity.save(update_fields=["progress", "status"])
    return objectives, activities, updates


# The units' singulars, for a target or a value of one ("1 campanie", not "1 campanii").
UNITS_ONE = {"prieteni": ("prieten", "friend"), "campanii": ("campanie", "campaign"),
             "abonați": ("abonat", "subscriber"), "parteneriate": ("parteneriat", "partnership")}


# Indicators whose latest value the platform counts itself (accountability.registry; the newsletter
# registers its confirmed subscribers).
LIVE_SOURCES = {"Dezvoltarea de baze de date – 1.000 abonați": "newsletter.confirmed_subscribers"}


def _indicators(plan):
    for position, (text_ro, name_ro, name_en, unit_ro, unit_en, target, values) in enumerate(INDICATORS_2021,
                                                                                              start=1):
        indicator = Indicator.objects.create(plan=plan, position=position, name_ro=name_ro, name_en=name_en,
                                             unit_ro=unit_ro, unit_en=unit_en, target=Decimal(target), text_ro=text_ro,
                                             unit_one_ro=UNITS_ONE.get(unit_ro, ("", ""))[0],
                                             unit_one_en=UNITS_ONE.get(unit_ro, ("", ""))[1],
                                             live_source=LIVE_SOURCES.get(text_ro, ""))
        IndicatorValue.objects.bulk_create(
            IndicatorValue(indicator=indicator, date=datetime.date.fromisoformat(iso_date), value=Decimal(value),
                           illustrative=True)
            for iso_date, value in values
        )


def _budget(plan):
    lines = 0
    for position, (kind, name_ro, name_en, stated_total, rows) in enumerate(BUDGET_2021, start=1):
        group = BudgetGroup.objects.create(plan=plan, kind=kind, position=position, name_ro=name_ro, name_en=name_en,
                                           stated_total=Decimal(stated_total))
        BudgetLine.objects.bulk_create(
            BudgetLine(group=group, position=line_position, label_ro=label_ro, label_en=label_en,
                       amount=Decimal(amount))
            for line_position, (label_ro, label_en, amount) in enumerate(rows, start=1)
        )
        lines += len(rows)
    return lines


def load(log):
    host = Organisation.objects.get(slug=HOST)

    plan_2020 = _plan(host, PLAN_2020)
    assessed = _areas(plan_2020, AREAS_2020)
    log(f"Plan 2020: {len(AREAS_2020)} areas, {assessed} assessed priorities")

    plan_2021 = _plan(host, {**PLAN_2021, "stated_income_total": Decimal(STATED_INCOME_2021),
                             "stated_expense_total": Decimal(STATED_EXPENSE_2021)})
    priorities = _areas(plan_2021, AREAS_2021)
    objectives, activities, updates = _programmes(plan_2021)
    _indicators(plan_2021)
    lines = _budget(plan_2021)
    residents = list(User.objects.filter(email__startswith="resident").order_by("email")[:5])
    comments = seed_conversation(plan_2021, [
        ("Mă bucur că Arta în Joacă ajunge și în școlile rurale. Se pot înscrie și școli din afara rețelei? "
         "*(comentariu fictiv)*", ["Ar fi bine ca lista școlilor să fie publicată. *(fictiv)*"]),
        ("Pentru Garnizoana Culturală: vor exista spații pentru repetiții la prețuri mici? *(comentariu fictiv)*",
         []),
    ], residents, starting_at=datetime.datetime(2021, 2, 3, 10, 0, tzinfo=timezone.get_current_timezone())
    ) if residents else 0
    log(f"Plan 2021: {len(AREAS_2021)} areas, {priorities} priorities, {objectives} objectives, "
        f"{activities} activities ({updates} illustrative progress updates), {len(INDICATORS_2021)} indicators, "
        f"{lines} budget lines, {comments} comments")
    _forget_versions()
    # Parts were written in bulk, which no receiver sees: what was kept of these plans is not current.
    versions.touch(pk__in=[plan_2020.pk, plan_2021.pk])


def _forget_versions():
    """The demo's rows are the plans as approved, not changes to them: their page lists no history
    until an editor changes a figure."""
    for model in (Plan, Priority, Activity, Indicator, IndicatorValue, BudgetLine):
        model.history.all().delete()
