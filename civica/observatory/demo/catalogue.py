"""The demo's catalogue of indicators (issue 19, point 7): the frameworks' structure, and the centre's own
indicators from the 2021 plan, with the only values the seeds give.

- ``culture-2030``: UNESCO's Culture|2030 Indicators, 22 indicators in four dimensions (environment &
  resilience 1–5, prosperity & livelihoods 6–12, knowledge & skills 13–17, inclusion & participation
  18–22), under their official names. The framework links each dimension to Sustainable Development Goal
  targets (said in the dimension's description); indicator 1 is the global indicator of target 11.4.
- ``cities-monitor``: the European Commission's Cultural and Creative Cities Monitor: its three sub-indices
  as dimensions, its 29 indicators under the Monitor's nine dimensions (named in each definition), each a
  score from 0 to 100 as the Monitor normalises them.
- ``mesoc``: MESOC's three themes (Cluj-Napoca was its pilot city for health and well-being: seeds/000).
- ``own``: the Cluj Cultural Centre's own indicators from the 2021 plan's quantitative objectives
  (followers, subscribers, newsletters, media partnerships, a campaign: the plan's targets are in each
  methodology) and its 2021 operational budget, whose two totals are the only figures the plan states for
  an indicator: they are the only values, with the plan as their source, and those two indicators are
  published. The campaigns' demo adds ``own-audience``, ``own-events``, ``own-staff`` and
  ``own-volunteers`` to the same framework; both find it by its slug, in either order.

Definitions are short, in our words, after each framework's public structure. Nothing is fictional here,
so nothing is marked ``illustrative``. Safe to run again: everything is found by its slug or code."""

from decimal import Decimal

from ..models import (
    Breakdown,
    Dimension,
    Framework,
    Frequency,
    Indicator,
    IndicatorValue,
    Unit,
    ValueOrigin,
    ValueStatus,
)

PLAN_2021 = "Centrul Cultural Clujean, Plan 2021"

FRAMEWORKS = [
    {"slug": "culture-2030", "position": 1, "url": "https://whc.unesco.org/en/culture2030indicators/",
     "name_ro": "Indicatorii UNESCO Cultură|2030", "name_en": "UNESCO Culture|2030 Indicators",
     "description_ro": "Cadrul UNESCO de indicatori tematici care măsoară contribuția culturii la Agenda 2030 "
     "pentru dezvoltare durabilă, la nivel național și local: 22 de indicatori în patru dimensiuni.",
     "description_en": "UNESCO's framework of thematic indicators measuring culture's contribution to the 2030 "
     "Agenda for Sustainable Development, nationally and locally: 22 indicators in four dimensions."},
    {"slug": "cities-monitor", "position": 2,
     "url": "https://composite-indicators.jrc.ec.europa.eu/cultural-creative-cities-monitor",
     "name_ro": "Monitorul orașelor culturale și creative", "name_en": "Cultural and Creative Cities Monitor",
     "description_ro": "Instrumentul Comisiei Europene care compară orașele europene prin trei subindici "
     "(vitalitate culturală, economie creativă, mediu favorabil), nouă dimensiuni și 29 de indicatori.",
     "description_en": "The European Commission's tool comparing European cities through three sub-indices "
     "(cultural vibrancy, creative economy, enabling environment), nine dimensions and 29 indicators."},
    {"slug": "mesoc", "position": 3, "url": "https://mesoc-project.eu/",
     "name_ro": "MESOC – Măsurarea dimensiunii sociale a culturii",
     "name_en": "MESOC – Measuring the Social Dimension of Culture",
     "description_ro": "Proiect Orizont 2020 care măsoară impactul social al culturii în trei teme. "
     "Cluj-Napoca este oraș pilot pentru „Sănătate și well-being”.",
     "description_en": "A Horizon 2020 project measuring culture's social impact in three themes. Cluj-Napoca "
     "is a pilot city for “health and well-being”."},
    {"slug": "own", "position": 4, "url": "https://www.cccluj.ro",
     "name_ro": "Indicatorii Centrului Cultural Clujean", "name_en": "The Cluj Cultural Centre's own indicators",
     "description_ro": "Indicatorii proprii ai Centrului, din obiectivele cantitative ale planului pentru 2021.",
     "description_en": "The Centre's own indicators, from the 2021 plan's quantitative objectives."},
]

C2030_DIMENSIONS = [
    ("environment-resilience", "Mediu și reziliență", "Environment & resilience",
     "2.4, 6.6, 9.1, 11.4, 11.7, 12.b, 13.1, 14.5, 15.1, 16.4"),
    ("prosperity-livelihoods", "Prosperitate și mijloace de trai", "Prosperity & livelihoods",
     "8.3, 8.9, 8.a, 10.a, 11.4"),
    ("knowledge-skills", "Cunoaștere și competențe", "Knowledge & skills", "4.4, 4.7, 8.3, 9.c, 12.a, 13.3"),
    ("inclusion-participation", "Incluziune și participare", "Inclusion & participation",
     "9.1, 9.c, 10.2, 11.7, 16.7, 16.10, 16.a, 16.b"),
]

# (number, dimension, name ro, name en, definition ro, definition en, unit, breakdowns)
AREA, DOMAIN, AGE, CATEGORY = Breakdown.AREA, Breakdown.DOMAIN, Breakdown.AGE, Breakdown.CATEGORY
C2030_INDICATORS = [
    (1, 0, "Cheltuieli pentru patrimoniu", "Expenditure on heritage",
     "Cheltuielile publice și private pe locuitor pentru păstrarea, protejarea și conservarea patrimoniului "
     "cultural și natural.",
     "Public and private spending per inhabitant on preserving, protecting and conserving cultural and natural "
     "heritage.", Unit.LEI, []),
    (2, 0, "Gestionarea durabilă a patrimoniului", "Sustainable management of heritage",
     "Măsura în care există cadrul de politici, reglementări și acțiuni pentru protejarea patrimoniului.",
     "How far the policies, rules and actions for safeguarding heritage are in place.", Unit.SCORE, []),
    (3, 0, "Adaptare la schimbările climatice și reziliență", "Climate adaptation & resilience",
     "Măsura în care gestionarea patrimoniului ține seama de adaptarea la schimbările climatice și de riscuri.",
     "How far heritage management takes climate adaptation and risk into account.", Unit.SCORE, []),
    (4, 0, "Infrastructură culturală", "Cultural facilities",
     "Distribuția infrastructurii culturale (muzee, biblioteci, teatre, cinematografe…) raportată la populație.",
     "How cultural facilities (museums, libraries, theatres, cinemas…) are spread relative to the population.",
     Unit.PER_THOUSAND, [AREA, DOMAIN]),
    (5, 0, "Spațiu deschis pentru cultură", "Open space for culture",
     "Măsura în care spațiile publice deschise sunt folosite și puse în valoare pentru cultură.",
     "How far open public spaces are used and enhanced for culture.", Unit.SCORE, [AREA]),
    (6, 1, "Cultura în PIB", "Culture in GDP",
     "Ponderea activităților culturale și creative în produsul intern brut.",
     "The share of cultural and creative activities in gross domestic product.", Unit.PERCENT, [DOMAIN]),
    (7, 1, "Ocuparea în cultură", "Cultural employment",
     "Ponderea persoanelor ocupate în profesii și activități culturale în totalul populației ocupate.",
     "The share of people working in cultural occupations and activities in total employment.",
     Unit.PERCENT, [DOMAIN, AGE]),
    (8, 1, "Afaceri culturale", "Cultural businesses",
     "Numărul și ponderea întreprinderilor din domeniile culturale și creative.",
     "The number and share of businesses in the cultural and creative fields.", Unit.COUNT, [DOMAIN]),
    (9, 1, "Cheltuielile gospodăriilor", "Household expenditure",
     "Ponderea bunurilor și serviciilor culturale în cheltuielile de consum ale gospodăriilor.",
     "The share of cultural goods and services in households' consumer spending.", Unit.PERCENT, []),
    (10, 1, "Comerțul cu bunuri și servicii culturale", "Trade in cultural goods & services",
     "Valoarea exporturilor și importurilor de bunuri și servicii culturale.",
     "The value of exports and imports of cultural goods and services.", Unit.LEI, [DOMAIN]),
    (11, 1, "Finanțare publică pentru cultură", "Public finance for culture",
     "Cheltuielile publice pentru cultură, inclusiv cele ale administrației locale.",
     "Public spending on culture, including local government's.", Unit.LEI, [DOMAIN]),
    (12, 1, "Guvernanța culturii", "Governance of culture",
     "Măsura în care există cadrul de politici, instituții și mecanisme pentru sectorul cultural.",
     "How far the policies, institutions and mechanisms for the cultural sector are in place.", Unit.SCORE, []),
    (13, 2, "Educație pentru dezvoltare durabilă", "Education for Sustainable Development",
     "Măsura în care educația promovează diversitatea culturală și dezvoltarea durabilă.",
     "How far education promotes cultural diversity and sustainable development.", Unit.SCORE, []),
    (14, 2, "Cunoaștere culturală", "Cultural knowledge",
     "Măsura în care cunoașterea culturală și patrimoniul local sunt transmise prin educație și formare.",
     "How far cultural knowledge and local heritage are passed on through education and training.",
     Unit.SCORE, []),
    (15, 2, "Educație multilingvă", "Multilingual education",
     "Ponderea orelor de predare dedicate limbilor locale, regionale și străine.",
     "The share of teaching hours given to local, regional and foreign languages.", Unit.PERCENT, []),
    (16, 2, "Educație culturală și artistică", "Cultural & artistic education",
     "Ponderea orelor de educație artistică în învățământul obligatoriu.",
     "The share of arts education hours in compulsory schooling.", Unit.PERCENT, [AGE]),
    (17, 2, "Formare în domeniul culturii", "Cultural training",
     "Oferta de formare profesională și învățământ superior în domeniile culturale.",
     "The offer of vocational training and higher education in cultural fields.", Unit.COUNT, [DOMAIN]),
    (18, 3, "Cultura pentru coeziune socială", "Culture for social cohesion",
     "Măsura în care cultura contribuie la incluziune, toleranță și încredere între oameni.",
     "How far culture contributes to inclusion, tolerance and trust between people.", Unit.PERCENT, [AGE]),
    (19, 3, "Libertate artistică", "Artistic freedom",
     "Măsura în care libertatea de exprimare artistică și drepturile artiștilor sunt protejate.",
     "How far artistic expression and artists' rights are protected.", Unit.SCORE, []),
    (20, 3, "Acces la cultură", "Access to culture",
     "Măsura în care oamenii au acces la infrastructura și viața culturală, inclusiv digital.",
     "How far people have access to cultural facilities and cultural life, online included.",
     Unit.SCORE, [AREA]),
    (21, 3, "Participare culturală", "Cultural participation",
     "Ponderea locuitorilor care au participat cel puțin o dată într-un an la o activitate culturală.",
     "The share of residents who took part in a cultural activity at least once in a year.",
     Unit.PERCENT, [AGE, AREA]),
    (22, 3, "Procese participative", "Participatory processes",
     "Măsura în care cetățenii și organizațiile culturale participă la deciziile privind viața culturală.",
     "How far citizens and cultural organisations take part in decisions about cultural life.",
     Unit.SCORE, []),
]

MONITOR_DIMENSIONS = [
    ("cultural-vibrancy", "Vitalitate culturală", "Cultural vibrancy"),
    ("creative-economy", "Economie creativă", "Creative economy"),
    ("enabling-environment", "Mediu favorabil", "Enabling environment"),
]

# Sub-index → the Monitor's dimensions, each (ro, en, [(indicator ro, indicator en)…]).
MONITOR = [
    [("Locuri și infrastructură culturală", "Cultural venues & facilities", [
        ("Obiective și repere culturale", "Sights & landmarks"), ("Muzee", "Museums"),
        ("Locuri în cinematografe", "Cinema seats"), ("Concerte și spectacole", "Concerts & shows"),
        ("Teatre", "Theatres")]),
     ("Participare și atractivitate culturală", "Cultural participation & attractiveness", [
         ("Înnoptări ale turiștilor", "Tourist overnight stays"), ("Vizitatori ai muzeelor", "Museum visitors"),
         ("Participare la cinema", "Cinema attendance"),
         ("Mulțumirea față de infrastructura culturală", "Satisfaction with cultural facilities")])],
    [("Locuri de muncă creative și bazate pe cunoaștere", "Creative & knowledge-based jobs", [
        ("Locuri de muncă în arte, cultură și divertisment", "Jobs in arts, culture & entertainment"),
        ("Locuri de muncă în media și comunicare", "Jobs in media & communication"),
        ("Locuri de muncă în alte sectoare creative", "Jobs in other creative sectors")]),
     ("Proprietate intelectuală și inovare", "Intellectual property & innovation", [
         ("Cereri de brevet în TIC", "ICT patent applications"),
         ("Cereri de înregistrare a desenelor și modelelor comunitare", "Community design applications")]),
     ("Locuri de muncă noi în sectoarele creative", "New jobs in creative sectors", [
         ("Locuri de muncă în întreprinderi noi de arte, cultură și divertisment",
          "Jobs in new arts, culture & entertainment enterprises"),
         ("Locuri de muncă în întreprinderi noi de media și comunicare",
          "Jobs in new media & communication enterprises"),
         ("Locuri de muncă în întreprinderi noi din alte sectoare creative",
          "Jobs in new enterprises in other creative sectors")])],
    [("Capital uman și educație", "Human capital & education", [
        ("Absolvenți în arte și științe umaniste", "Graduates in arts & humanities"),
        ("Absolvenți în TIC", "Graduates in ICT"),
        ("Prezența medie în clasamentele universitare", "Average appearances in university rankings")]),
     ("Deschidere, toleranță și încredere", "Openness, tolerance & trust", [
         ("Absolvenți străini", "Foreign graduates"), ("Populație născută în străinătate", "Foreign-born population"),
         ("Toleranța față de străini", "Tolerance of foreigners"),
         ("Integrarea străinilor", "Integration of foreigners"),
         ("Încrederea în oameni", "People trust")]),
     ("Conexiuni locale și internaționale", "Local & international connections", [
         ("Zboruri de pasageri", "Passenger flights"),
         ("Accesibilitate rutieră potențială", "Potential road accessibility"),
         ("Trenuri directe către alte orașe", "Direct trains to other cities")]),
     ("Calitatea guvernanței", "Quality of governance", [("Calitatea guvernanței", "Quality of governance")])],
]

MESOC_DIMENSIONS = [
    ("health-well-being", "Sănătate și well-being", "Health & well-being"),
    ("urban-territorial-renovation", "Renovare urbană și teritorială", "Urban & territorial renovation"),
    ("engagement-participation", "Implicarea și participarea oamenilor", "People's engagement & participation"),
]

OWN_DIMENSIONS = [
    ("communication", "Marketing și comunicare", "Marketing and communication"),
    ("budget", "Buget", "Budget"),
]

# The plan's quantitative objectives for 2021 (Marketing și comunicare), as the plan states them.
OWN_INDICATORS = [
    ("own-instagram-followers", "communication", "Prieteni pe Instagram", "Instagram followers",
     "Numărul de persoane care urmăresc contul de Instagram al Centrului la sfârșitul anului.",
     "How many people follow the Centre's Instagram account at the end of the year.",
     "Ținta planului pentru 2021: „3.000 prieteni pe Instagram”.",
     "The 2021 plan's target: “3,000 friends on Instagram”."),
    ("own-facebook-friends", "communication", "Prieteni pe Facebook", "Facebook followers",
     "Numărul de persoane care urmăresc pagina de Facebook a Centrului la sfârșitul anului.",
     "How many people follow the Centre's Facebook page at the end of the year.",
     "Ținta planului pentru 2021: „24.000 prieteni facebook”.",
     "The 2021 plan's target: “24,000 Facebook friends”."),
    ("own-subscribers", "communication", "Abonați", "Subscribers",
     "Numărul de abonați din bazele de date ale Centrului (newsletter) la sfârșitul anului.",
     "How many subscribers the Centre's databases (newsletter) hold at the end of the year.",
     "Ținta planului pentru 2021: „Dezvoltarea de baze de date – 1.000 abonați”, cu o campanie de abonare la "
     "newsletter-ul Centrului.",
     "The 2021 plan's target: “developing databases – 1,000 subscribers”, with a campaign to subscribe to the "
     "Centre's newsletter."),
    ("own-newsletters", "communication", "Newslettere generale trimise", "General newsletters sent",
     "Numărul de newslettere generale ale Centrului trimise abonaților într-un an.",
     "How many general newsletters of the Centre were sent to subscribers in a year.",
     "Ținta planului pentru 2021: „1 newsletter general CCC/ lună pentru abonați”.",
     "The 2021 plan's target: “1 general CCC newsletter a month for subscribers”."),
    ("own-media-partnerships", "communication", "Parteneriate media naționale", "National media partnerships",
     "Numărul de parteneriate media la nivel național active într-un an.",
     "How many media partnerships at national level were active in a year.",
     "Ținta planului pentru 2021: „3 parteneriate media la nivel național”.",
     "The 2021 plan's target: “3 media partnerships at national level”."),
    ("own-online-campaigns", "communication", "Campanii de comunicare online ale Centrului",
     "The Centre's online communication campaigns",
     "Numărul de campanii de comunicare online despre Centru într-un an.",
     "How many online communication campaigns about the Centre ran in a year.",
     "Ținta planului pentru 2021: „1 campanie de comunicare a Centrului – online (cultura în societate, rol și "
     "importanță)”.",
     "The 2021 plan's target: “1 communication campaign of the Centre – online (culture in society, its role "
     "and importance)”."),
]

# The 2021 operational budget's totals (Plan 2021, "BUGET 2021"): the plan's own figures.
OWN_BUDGET = [
    ("own-budget-income", "Venituri totale (buget operațional)", "Total income (operational budget)",
     "Veniturile totale prevăzute în bugetul operațional al Centrului pentru anul respectiv.",
     "The total income set in the Centre's operational budget for the year.", Decimal("11155779.75")),
    ("own-budget-expenses", "Cheltuieli totale (buget operațional)", "Total expenses (operational budget)",
     "Cheltuielile totale prevăzute în bugetul operațional al Centrului pentru anul respectiv.",
     "The total expenses set in the Centre's operational budget for the year.", Decimal("11151585.90")),
]


def _framework(fields) -> Framework:
    framework, _created = Framework.objects.get_or_create(slug=fields["slug"], defaults=fields)
    return framework


def _dimension(framework, position, slug, name_ro, name_en, description_ro="", description_en="") -> Dimension:
    dimension, _created = Dimension.objects.update_or_create(framework=framework, slug=slug, defaults={
        "position": position, "name_ro": name_ro, "name_en": name_en,
        "description_ro": description_ro, "description_en": description_en})
    return dimension


def _indicator(code, **fields) -> Indicator:
    indicator, _created = Indicator.objects.update_or_create(code=code, defaults=fields)
    return indicator


def _culture_2030(framework, log):
    dimensions = [
        _dimension(framework, position, slug, name_ro, name_en,
                   f"Ținte ale Obiectivelor de Dezvoltare Durabilă legate de această dimensiune: {targets}.",
                   f"Sustainable Development Goal targets linked to this dimension: {targets}.")
        for position, (slug, name_ro, name_en, targets) in enumerate(C2030_DIMENSIONS, start=1)]
    for number, dimension, name_ro, name_en, definition_ro, definition_en, unit, breakdowns in C2030_INDICATORS:
        _indicator(f"c2030-{number}", framework=framework, dimension=dimensions[dimension], position=number,
                   name_ro=name_ro, name_en=name_en, definition_ro=definition_ro, definition_en=definition_en,
                   unit=unit, breakdowns=[str(breakdown) for breakdown in breakdowns],
                   sdg_targets="11.4" if number == 1 else "", frequency=Frequency.ANNUAL,
                   source="UNESCO, Culture|2030 Indicators (2019)")
    log(f"{len(C2030_INDICATORS)} Culture|2030 indicators in {len(dimensions)} dimensions")


def _cities_monitor(framework, log):
    count = 0
    for position, ((slug, name_ro, name_en), groups) in enumerate(zip(MONITOR_DIMENSIONS, MONITOR, strict=True),
                                                                   start=1):
        dimension = _dimension(framework, position, slug, name_ro, name_en,
                               "Dimensiunile Monitorului: " + "; ".join(group[0] for group in groups) + ".",
                               "The Monitor's dimensions: " + "; ".join(group[1] for group in groups) + ".")
        for group_number, (group_ro, group_en, indicators) in enumerate(groups, start=1):
            for number, (indicator_ro, indicator_en) in enumerate(indicators, start=1):
                count += 1
                _indicator(
                    f"ccm-{position}-{group_number}-{number}", framework=framework, dimension=dimension,
                    position=count, name_ro=indicator_ro, name_en=indicator_en, unit=Unit.SCORE,
                    definition_ro=f"Dimensiunea „{group_ro}” a Monitorului. Scor de la 0 la 100, normalizat ca în "
                    "Monitor, față de celelalte orașe.",
                    definition_en=f"The Monitor's “{group_en}” dimension. A score from 0 to 100, normalised as in "
                    "the Monitor, against the other cities.",
                    frequency=Frequency.ONE_OFF, source="European Commission, Cultural and Creative Cities Monitor")
    log(f"{count} indicators of the Cultural and Creative Cities Monitor in 3 sub-indices")


def _own(framework, log):
    communication, budget = (_dimension(framework, 10 + position, slug, name_ro, name_en)
                             for position, (slug, name_ro, name_en) in enumerate(OWN_DIMENSIONS))
    for position, (code, _dimension_slug, name_ro, name_en, definition_ro, definition_en, target_ro,
                   target_en) in enumerate(OWN_INDICATORS, start=20):
        _indicator(code, framework=framework, dimension=communication, position=position, name_ro=name_ro,
                   name_en=name_en, definition_ro=definition_ro, definition_en=definition_en, unit=Unit.COUNT,
                   methodology_ro=target_ro + " Sursa: " + PLAN_2021 + ", Marketing și comunicare 2021.",
                   methodology_en=target_en + " Source: " + PLAN_2021 + ", Marketing and communication 2021.",
                   source="Centrul Cultural Clujean")
    for position, (code, name_ro, name_en, definition_ro, definition_en, amount) in enumerate(OWN_BUDGET, start=40):
        indicator = _indicator(
            code, framework=framework, dimension=budget, position=position, name_ro=name_ro, name_en=name_en,
            definition_ro=definition_ro, definition_en=definition_en, unit=Unit.LEI, decimals=2,
            methodology_ro="Bugetul planificat, așa cum îl prezintă planul anual (nu execuția bugetară).",
            methodology_en="The budget as planned, as the annual plan states it (not as spent).",
            source=PLAN_2021 + ", Buget 2021", is_published=True)
        IndicatorValue.objects.update_or_create(
            indicator=indicator, year=2021, breakdown=Breakdown.TOTAL, group="", organisation=None,
            defaults={"value": amount, "status": ValueStatus.PROVISIONAL, "origin": ValueOrigin.TYPED,
                      "source": PLAN_2021 + ", Buget 2021 (Buget Operațional 2021)",
                      "note": "Buget planificat / planned budget"})
    log(f"{len(OWN_INDICATORS) + len(OWN_BUDGET)} of the centre's own indicators; the 2021 budget's totals published")


def load(log):
    frameworks = {fields["slug"]: _framework(fields) for fields in FRAMEWORKS}
    _culture_2030(frameworks["culture-2030"], log)
    _cities_monitor(frameworks["cities-monitor"], log)
    for position, (slug, name_ro, name_en) in enumerate(MESOC_DIMENSIONS, start=1):
        _dimension(frameworks["mesoc"], position, slug, name_ro, name_en)
    log("MESOC's three themes")
    _own(frameworks["own"], log)
