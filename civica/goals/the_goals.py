"""The goals themselves, as data: the 17 Sustainable Development Goals (their names and one-line
descriptions as the UN's Romanian translation and the official English text give them, and their official
colours) and the EU Mission for 100 climate-neutral and smart cities by 2030, which Cluj-Napoca was
selected for in 2022."""

SDG_URL = "https://sdgs.un.org/goals/goal{number}"
MISSION_URL = ("https://research-and-innovation.ec.europa.eu/funding/funding-opportunities/funding-programmes-"
               "and-open-calls/horizon-europe/eu-missions-horizon-europe/climate-neutral-and-smart-cities_en")

# number, colour, name (ro), name (en), description (ro), description (en)
SDGS = [
    (1, "#E5243B", "Fără sărăcie", "No poverty",
     "Eradicarea sărăciei în toate formele sale și în orice context.",
     "End poverty in all its forms everywhere."),
    (2, "#DDA63A", "Foamete zero", "Zero hunger",
     "Eradicarea foametei, asigurarea securității alimentare, îmbunătățirea nutriției și promovarea unei "
     "agriculturi durabile.",
     "End hunger, achieve food security and improved nutrition and promote sustainable agriculture."),
    (3, "#4C9F38", "Sănătate și bunăstare", "Good health and well-being",
     "Asigurarea unei vieți sănătoase și promovarea bunăstării tuturor, la orice vârstă.",
     "Ensure healthy lives and promote well-being for all at all ages."),
    (4, "#C5192D", "Educație de calitate", "Quality education",
     "Garantarea unei educații de calitate, incluzive și echitabile și promovarea oportunităților de învățare "
     "pe tot parcursul vieții pentru toți.",
     "Ensure inclusive and equitable quality education and promote lifelong learning opportunities for all."),
    (5, "#FF3A21", "Egalitate de gen", "Gender equality",
     "Realizarea egalității de gen și împuternicirea tuturor femeilor și a fetelor.",
     "Achieve gender equality and empower all women and girls."),
    (6, "#26BDE2", "Apă curată și sanitație", "Clean water and sanitation",
     "Asigurarea disponibilității și a gestionării durabile a apei și sanitației pentru toți.",
     "Ensure availability and sustainable management of water and sanitation for all."),
    (7, "#FCC30B", "Energie curată și la prețuri accesibile", "Affordable and clean energy",
     "Asigurarea accesului tuturor la energie la prețuri accesibile, într-un mod sigur, durabil și modern.",
     "Ensure access to affordable, reliable, sustainable and modern energy for all."),
    (8, "#A21942", "Muncă decentă și creștere economică", "Decent work and economic growth",
     "Promovarea unei creșteri economice susținute, deschise tuturor și durabile, a ocupării depline și "
     "productive a forței de muncă și a unei munci decente pentru toți.",
     "Promote sustained, inclusive and sustainable economic growth, full and productive employment and decent "
     "work for all."),
    (9, "#FD6925", "Industrie, inovație și infrastructură", "Industry, innovation and infrastructure",
     "Construirea unor infrastructuri rezistente, promovarea industrializării durabile și încurajarea inovației.",
     "Build resilient infrastructure, promote inclusive and sustainable industrialization and foster "
     "innovation."),
    (10, "#DD1367", "Inegalități reduse", "Reduced inequalities",
     "Reducerea inegalităților în interiorul țărilor și de la o țară la alta.",
     "Reduce inequality within and among countries."),
    (11, "#FD9D24", "Orașe și comunități durabile", "Sustainable cities and communities",
     "Dezvoltarea orașelor și a așezărilor umane pentru ca ele să fie deschise tuturor, sigure, reziliente și "
     "durabile.",
     "Make cities and human settlements inclusive, safe, resilient and sustainable."),
    (12, "#BF8B2E", "Consum și producție responsabile", "Responsible consumption and production",
     "Asigurarea unor tipare de consum și producție durabile.",
     "Ensure sustainable consumption and production patterns."),
    (13, "#3F7E44", "Acțiune climatică", "Climate action",
     "Luarea unor măsuri urgente de combatere a schimbărilor climatice și a impactului lor.",
     "Take urgent action to combat climate change and its impacts."),
    (14, "#0A97D9", "Viața acvatică", "Life below water",
     "Conservarea și utilizarea durabilă a oceanelor, mărilor și a resurselor marine pentru o dezvoltare "
     "durabilă.",
     "Conserve and sustainably use the oceans, seas and marine resources for sustainable development."),
    (15, "#56C02B", "Viața terestră", "Life on land",
     "Protejarea, restaurarea și promovarea utilizării durabile a ecosistemelor terestre, gestionarea durabilă "
     "a pădurilor, combaterea deșertificării, stoparea și repararea degradării solului și stoparea pierderii "
     "biodiversității.",
     "Protect, restore and promote sustainable use of terrestrial ecosystems, sustainably manage forests, "
     "combat desertification, and halt and reverse land degradation and halt biodiversity loss."),
    (16, "#00689D", "Pace, justiție și instituții eficiente", "Peace, justice and strong institutions",
     "Promovarea unor societăți pașnice și incluzive pentru o dezvoltare durabilă, a accesului la justiție "
     "pentru toți și crearea unor instituții eficiente, responsabile și incluzive la toate nivelurile.",
     "Promote peaceful and inclusive societies for sustainable development, provide access to justice for all "
     "and build effective, accountable and inclusive institutions at all levels."),
    (17, "#19486A", "Parteneriate pentru realizarea obiectivelor", "Partnerships for the goals",
     "Consolidarea mijloacelor de implementare și revitalizarea parteneriatului mondial pentru dezvoltare "
     "durabilă.",
     "Strengthen the means of implementation and revitalize the Global Partnership for Sustainable "
     "Development."),
]

MISSION = {
    "code": "climate-neutral-cities", "kind": "eu_mission", "number": None, "colour": "#003399",
    "name_ro": "Misiunea UE: 100 de orașe inteligente și neutre din punct de vedere climatic până în 2030",
    "name_en": "EU Mission: 100 climate-neutral and smart cities by 2030",
    "description_ro": "Cel puțin 100 de orașe europene neutre din punct de vedere climatic și inteligente până "
                      "în 2030, centre de experimentare și inovare pe care toate orașele europene să le urmeze "
                      "până în 2050.",
    "description_en": "At least 100 climate-neutral and smart European cities by 2030, acting as experimentation "
                      "and innovation hubs so that all European cities follow suit by 2050.",
    "url": MISSION_URL, "position": 18,
}


def create_missing(goal_model) -> int:
    """Every goal above as a row of ``goal_model`` (the app's ``Goal``, or a migration's historical one),
    created or brought up to date; returns how many there are. Used by the data migration and by the
    demo (a test database emptied between tests has lost the migration's rows)."""
    for number, colour, name_ro, name_en, description_ro, description_en in SDGS:
        goal_model.objects.update_or_create(code=f"sdg-{number}", defaults={
            "kind": "sdg", "number": number, "colour": colour, "name_ro": name_ro, "name_en": name_en,
            "description_ro": description_ro, "description_en": description_en,
            "url": SDG_URL.format(number=number), "position": number})
    goal_model.objects.update_or_create(code=MISSION["code"], defaults={
        name: value for name, value in MISSION.items() if name != "code"})
    return len(SDGS) + 1
