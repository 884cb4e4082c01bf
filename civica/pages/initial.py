"""The text the four pages start with, on a fresh database (migration 0002) and for the demo
(demo.py, which adds only what is missing: a database emptied by a test run). Never overwrites a page:
what editors changed stays.

About and CIIC restate, in our own sentences, what the sources say (``shared/seeds``: the centre's
About page, 001; the City Hall's press release on the CIIC and the CIIC's page, 002 and 003); the
figures are quoted exactly. The numbers of the centre's network are not in the About text: the page
shows the ``network.Figure`` rows (its ``figures`` section). The accessibility statement and the privacy
notice are the text of the templates they replace. The source lists under 2023 the same distinction
as under 2021; the About text gives it as the source does."""

ABOUT_RO = """\
Centrul Cultural Clujean (CCC) este o organizație neguvernamentală de cultură și dezvoltare durabilă. \
Membrii săi sunt instituții și organizații culturale, universități, asociații ale societății civile și ale \
mediului de afaceri, administrația locală și cea județeană a Clujului. Din rețeaua centrului fac parte și \
școlile din Comunitatea Școlilor, localitățile din rețeaua România Remarcabilă, orașele europene din rețeaua \
Culture Next și parteneri naționali și internaționali.

Centrul derulează programe care dezvoltă sectorul cultural și sporesc impactul culturii în societate: în \
educație, în sănătate și stare de bine, în dezvoltarea urbană și în cea rurală.

## Viziune

O cultură mobilizată pentru transformare socială și dezvoltare durabilă.

## Misiune

Mobilizăm cultura pentru transformare socială și dezvoltare durabilă.

## Obiective strategice

- Dezvoltarea Clujului ca oraș european de referință în domeniul artei și culturii
- Facilitarea coeziunii și a vitalității comunității locale
- Contribuția, prin cultură, la dezvoltarea locală și regională
- Contribuția strategică la cultură și societate
- Dezvoltarea unui model organizațional actual și sustenabil

## Distincții

### 2021

Pentru contribuțiile aduse la dezvoltarea culturii române, Președintele României a conferit Centrului \
Cultural Clujean Ordinul „Meritul Cultural” în grad de Cavaler.

### 2022

Administrația Fondului Cultural Național a acordat Centrului Cultural Clujean premiul pentru Activare \
Interdisciplinară, pentru proiectul Studiotopia – Colliding Epistemes.

### 2023

Pagina centrului menționează și pentru acest an Ordinul „Meritul Cultural” în grad de Cavaler, conferit de \
Președintele României pentru contribuțiile aduse la dezvoltarea culturii române.
"""

ABOUT_EN = """\
The Cluj Cultural Centre (CCC) is a non-governmental organisation for culture and sustainable development. \
Its members are cultural institutions and organisations, universities, civil-society and business \
associations, and the local and county administration of Cluj. The centre's network also takes in the \
schools of the Community of Schools, the municipalities of the Remarkable Romania network, the European \
cities of the Culture Next network, and national and international partners.

The centre runs programmes that develop the cultural sector and increase the impact of culture in \
society: in education, in health and well-being, in urban and in rural development.

## Vision

Culture mobilised for social transformation and sustainable development.

## Mission

We mobilise culture for social transformation and sustainable development.

## Strategic objectives

- Developing Cluj as a reference European city in art and culture
- Fostering the cohesion and vitality of the local community
- Contributing, through culture, to local and regional development
- A strategic contribution to culture and society
- Developing a current and sustainable organisational model

## Distinctions

### 2021

For its contributions to the development of Romanian culture, the President of Romania awarded the Cluj \
Cultural Centre the Order of “Cultural Merit” in the rank of Knight.

### 2022

The Administration of the National Cultural Fund gave the Cluj Cultural Centre its prize for \
Interdisciplinary Activation, for the Studiotopia – Colliding Epistemes project.

### 2023

The centre's page names the Order of “Cultural Merit” in the rank of Knight, awarded by the President of \
Romania for contributions to the development of Romanian culture, for this year too.
"""

CIIC_RO = """\
„Imaginăm viitorul orașului!” este deviza Centrului de Inovare și Imaginație Civică (CIIC), deschis de \
Primăria Cluj-Napoca în octombrie 2017 cu o dezbatere despre Parcul Feroviarilor și concursul de soluții \
pentru reabilitarea lui. De atunci, CIIC este un laborator permanent al colaborării dintre cei care fac \
orașul: administrația publică locală, cetățenii și specialiștii din mediul economic și universitar. Până \
acum au avut loc aici peste 40 de dezbateri publice, iar numeroase parteneriate internaționale și inițiative \
au devenit proiecte.

Punctul de plecare este simplu: orice clujean poate veni cu o idee sau cu o inițiativă valoroasă. CIIC \
încurajează implicarea cetățenilor în dezvoltarea Clujului și caută să folosească cât mai bine resursele \
creative ale comunității. Pe Civica găsiți [consultările](/ro/processes/) și \
[apelurile și concursurile](/ro/calls/) deschise acum.

## Ce face CIIC

- **Consultări publice și guvernanță participativă.** Dezbateri publice despre proiectele orașului, din \
2017; din septembrie 2022, și cu metode noi, interactive.
- **Cooperare cu mediul universitar și privat.** Ideile orașului, analizate și dezbătute împreună cu \
experți din universități și din companii.
- **Cooperare internațională.** Schimburi de experiență și de bune practici cu orașe și rețele de orașe \
din Europa și din lume.
- **Concursuri internaționale de soluții.** Împreună cu Ordinul Arhitecților din România, pentru cele mai \
bune proiecte de spațiu public, după criterii de selecție la standarde europene.
- **FIX Cluj și burse.** Fondul de Inovare și Experiment, rezultat din co-designul ecosistemului de inovare \
clujean, și burse pentru proiecte de imaginație civică și de cercetare.
- **Neutralitate climatică.** Proiecte pentru Misiunea Comisiei Europene „100 de orașe inteligente și \
neutre din punct de vedere climatic până în 2030”.
- **Obiectivele de Dezvoltare Durabilă.** Transpunerea lor la nivel local, în programele de investiții și \
în proiectele orașului.
- **Consiliul Consultativ de Tineret.** Implicarea tinerilor în decizii și sprijin pentru planul de acțiune \
pentru tineret „Cluj for Youth 2030”.

## Board-ul CIIC

În 2022, CIIC s-a reorganizat și a integrat Divizia de Inovare Urbană (DIU) a Centrului Cultural Clujean, \
cu procesele și lecțiile învățate împreună între 2017 și 2021. De la sfârșitul lui august 2022, activitatea \
lui este coordonată de un Board din care fac parte reprezentanți din comunitatea locală și actori-cheie din \
proiectele-pilot ale DIU și CIIC.

Board-ul are un rol consultativ, iar membrii lui nu sunt remunerați. El rămâne deschis pentru membri noi \
care vor să se implice în proiectele de inovare ale orașului, precum și pentru parteneriate noi cu mediul \
universitar, societatea civilă și mediul privat. Ce a făcut DIU între 2017 și 2021 și ce a învățat găsiți \
în [Raportul de activitate 2017–2021 al Diviziei de Inovare Urbană]\
(https://diviziadeinovare.ro/wp-content/uploads/2022/06/Raport_DIU_RO-.pdf).

## Forumul de dezbatere online

Asociația DEZVOLT a implementat, între 1.08.2022 și 31.07.2023, proiectul „Inițiative de dezvoltare a \
responsabilității civice în procese decizionale și dezvoltare durabilă” (cod SMIS 151461), în valoare totală \
de 421.935,00 lei. Rezultatele lui: o cercetare de fundamentare, o platformă funcțională de dezbatere online \
(www.ciic.ro) și 3 workshop-uri de dezvoltare a responsabilității civice.

## Contact

Echipa CIIC: [imaginatiecivica@primariaclujnapoca.ro](mailto:imaginatiecivica@primariaclujnapoca.ro).
"""

CIIC_EN = """\
“We imagine the city's future!” is the motto of the Centre for Civic Innovation and Imagination (CIIC), \
opened by Cluj-Napoca City Hall in October 2017 with a debate on the Railway Workers' Park (Parcul \
Feroviarilor) and the solution competition for its rehabilitation. Since then CIIC has been a permanent \
laboratory of collaboration between those who make the city: the local administration, residents, and \
specialists from business and the universities. Over 40 public debates have taken place here so far, and \
many international partnerships and initiatives have become projects.

The starting point is simple: every resident of Cluj can come with a valuable idea or initiative. CIIC \
encourages residents to take part in the development of Cluj and seeks to make the best use of the \
community's creative resources. On Civica you will find the [consultations](/en/processes/) and the \
[calls and competitions](/en/calls/) open now.

## What CIIC does

- **Public consultations and participatory governance.** Public debates on the city's projects since 2017; \
since September 2022, with new, interactive methods too.
- **Cooperation with universities and business.** The city's ideas, analysed and debated with experts from \
universities and companies.
- **International cooperation.** Exchanges of experience and good practice with cities and networks of \
cities in Europe and the world.
- **International solution competitions.** With the Romanian Order of Architects, for the best public-space \
projects, selected on criteria of European standard.
- **FIX Cluj and grants.** The Innovation and Experiment Fund, the result of a co-design of the Cluj \
innovation ecosystem, and grants for civic-imagination and research projects.
- **Climate neutrality.** Projects for the European Commission's Mission of “100 climate-neutral and smart \
cities by 2030”.
- **Sustainable Development Goals.** Bringing them to the local level, into the city's investment \
programmes and projects.
- **Youth Consultative Council.** Involving young people in decisions, and support for the youth action \
plan “Cluj for Youth 2030”.

## The CIIC Board

In 2022 CIIC was reorganised and took in the Urban Innovation Division (DIU) of the Cluj Cultural Centre, \
with the processes and lessons the two learnt together between 2017 and 2021. Since the end of August 2022 \
its work has been coordinated by a Board of representatives of the local community and key actors of the \
pilot projects of DIU and CIIC.

The Board is consultative and its members are not paid. It stays open to new members who want to take part \
in the city's innovation projects, and to new partnerships with universities, civil society and business. \
What DIU did between 2017 and 2021 and what it learnt is in the \
[Urban Innovation Division's activity report 2017–2021]\
(https://diviziadeinovare.ro/wp-content/uploads/2022/06/Raport_DIU_RO-.pdf) (in Romanian).

## The online debate forum

The DEZVOLT Association carried out, from 1 August 2022 to 31 July 2023, the project “Initiatives for \
developing civic responsibility in decision-making and sustainable development” (SMIS code 151461), with a \
total value of 421,935.00 lei. Its results: a background study, a working online debate platform \
(www.ciic.ro) and 3 workshops on civic responsibility in decision-making.

## Contact

The CIIC team: [imaginatiecivica@primariaclujnapoca.ro](mailto:imaginatiecivica@primariaclujnapoca.ro).
"""

ACCESSIBILITY_RO = """\
## Ce facem

- Fiecare pagină are un link pentru a sări la conținutul principal, o structură clară a titlurilor și o \
navigare etichetată.
- Fiecare câmp de formular are o etichetă vizibilă; erorile sunt descrise în cuvinte lângă câmp.
- Totul funcționează cu tastatura, iar elementul care are focusul este întotdeauna vizibil.
- Textul și elementele de control respectă rapoartele de contrast WCAG AA; nicio informație nu este \
transmisă doar prin culoare.
- Fiecare grafic este însoțit de datele sale sub formă de tabel.
- Site-ul funcționează fără JavaScript pentru citire și pentru toate formularele de bază.
- Fiecare pagină este disponibilă în română și în engleză.

## Cum verificăm

La fiecare modificare, verificări automate cu axe-core rulează pe paginile esențiale în ambele limbi, iar \
parcursurile principale le testăm cu tastatura.

## Semnalați-ne o problemă

Dacă ceva este greu sau imposibil de folosit, scrieți-ne la \
[office@cccluj.ro](mailto:office@cccluj.ro). Răspundem în cel mult 10 zile lucrătoare.
"""

ACCESSIBILITY_EN = """\
## What we do

- Every page has a link to skip to its main content, a clear heading structure and labelled navigation.
- Every form field has a visible label; errors are described in words next to the field.
- Everything works with the keyboard, and the focused element is always visible.
- Text and controls meet the WCAG AA contrast ratios; no information is given by colour alone.
- Every chart comes with its data as a table.
- The site works without JavaScript for reading and for every basic form.
- Every page is available in Romanian and in English.

## How we check

Automated checks with axe-core run on the key pages in both languages with every change, and we test the \
main journeys with the keyboard.

## Tell us about a problem

If something is hard or impossible to use, write to us at [office@cccluj.ro](mailto:office@cccluj.ro). We \
answer within 10 working days.
"""

PRIVACY_RO = """\
## Ce păstrăm

- Adresa dumneavoastră de e-mail și parola (stocată sub formă de hash securizat), pentru a vă putea autentifica.
- Numele afișat, organizația (opțional), limba și preferințele de notificare.
- Contribuțiile dumneavoastră: sunt publice și apar cu numele afișat.

## Drepturile dumneavoastră

Din pagina contului puteți descărca, ca fișier JSON, tot ce deține platforma despre dumneavoastră și vă \
puteți șterge contul.

Când vă ștergeți contul, profilul și toate contribuțiile dumneavoastră sunt șterse, cu excepția \
contribuțiilor la care au răspuns alții: acestea rămân, pentru ca discuțiile să aibă în continuare sens, dar \
sunt afișate ca fiind scrise de un participant șters, fără nicio legătură cu dumneavoastră.

## Contact

Pentru orice întrebare despre datele dumneavoastră, scrieți la [office@cccluj.ro](mailto:office@cccluj.ro).
"""

PRIVACY_EN = """\
## What we keep

- Your e-mail address and password (stored as a secure hash), to let you log in.
- Your display name, optional organisation, language and notification preferences.
- What you contribute: it is public, shown with your display name.

## Your rights

From your account page you can download everything the platform holds about you as a JSON file, and \
delete your account.

When you delete your account, your profile and everything you contributed are removed, except \
contributions that others have replied to: these stay, so that conversations still make sense, but are \
shown as written by a deleted participant, with no link to you.

## Contact

For any question about your data, write to [office@cccluj.ro](mailto:office@cccluj.ro).
"""

PAGES = [
    {
        "slug": "about",
        "title_ro": "Despre Centrul Cultural Clujean",
        "title_en": "About the Cluj Cultural Centre",
        "summary_ro": "Mobilizăm cultura pentru transformare socială și dezvoltare durabilă, cu o rețea de membri, "
        "școli, localități, orașe europene și parteneri.",
        "summary_en": "We mobilise culture for social transformation and sustainable development, with a network "
        "of members, schools, municipalities, European cities and partners.",
        "body_ro": ABOUT_RO,
        "body_en": ABOUT_EN,
        "sections": ["figures", "reports"],
    },
    {
        "slug": "ciic",
        "title_ro": "Centrul de Inovare și Imaginație Civică",
        "title_en": "Centre for Civic Innovation and Imagination",
        "summary_ro": "Laboratorul permanent al Clujului pentru colaborarea dintre administrație, cetățeni, "
        "universități și mediul economic, din octombrie 2017.",
        "summary_en": "The permanent laboratory of Cluj for collaboration between the administration, residents, "
        "universities and business, since October 2017.",
        "body_ro": CIIC_RO,
        "body_en": CIIC_EN,
        "sections": [],
    },
    {
        "slug": "accessibility",
        "title_ro": "Declarație de accesibilitate",
        "title_en": "Accessibility statement",
        "summary_ro": "Civica este construită pentru a putea fi folosită de toată lumea, inclusiv de persoanele "
        "care folosesc doar tastatura, un cititor de ecran, mărirea sau contrastul ridicat. Obiectivul nostru este "
        "conformitatea cu Ghidul de accesibilitate pentru conținutul web (WCAG) 2.1, nivelul AA.",
        "summary_en": "Civica is built to be used by everyone, including people who use a keyboard only, a screen "
        "reader, magnification or high contrast. Our goal is conformance with the Web Content Accessibility "
        "Guidelines (WCAG) 2.1, level AA.",
        "body_ro": ACCESSIBILITY_RO,
        "body_en": ACCESSIBILITY_EN,
        "sections": [],
    },
    {
        "slug": "privacy",
        "title_ro": "Notă de confidențialitate",
        "title_en": "Privacy notice",
        "summary_ro": "Civica păstrează doar datele de care are nevoie pentru a vă permite să participați.",
        "summary_en": "Civica keeps only what it needs to let you take part.",
        "body_ro": PRIVACY_RO,
        "body_en": PRIVACY_EN,
        "sections": [],
    },
]

FIRST_NOTE = "Created with the site"


def create_missing(page_model, revision_model, *, now) -> list[str]:
    """Create the pages of ``PAGES`` that do not exist, each with its first revision (by nobody).
    Takes the models (a migration passes its historical ones); returns the slugs created."""
    created = []
    for fields in PAGES:
        if page_model.objects.filter(slug=fields["slug"]).exists():
            continue
        content = {name: value for name, value in fields.items() if name != "slug"}
        page = page_model.objects.create(slug=fields["slug"], revision=1, updated_at=now, **content)
        revision_model.objects.create(page=page, number=1, created_at=now, note=FIRST_NOTE, **content)
        created.append(page.slug)
    return created
