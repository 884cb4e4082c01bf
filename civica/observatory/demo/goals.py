"""Demo: the goals the seeds tie the centre's and the city's work to (issue 19, point 5). The CIIC's
brief (``002_…``) names localising the Sustainable Development Goals in investment programmes and
projects and the EU mission of 100 climate-neutral cities; the 2021 plan (``000_…``) names the
Voices of Culture platform on Culture and SDGs and the Cultural Strategy of the metropolitan area. Only
what the seeds support is tagged (the consultations are tagged by participation's demo). Runs after
the network's, the calls' and the plans' demos; idempotent; a row the other demos did not make is left."""

from civica.accountability.models import Activity
from civica.calls.models import Call
from civica.goals.models import Goal
from civica.network.models import Programme

PROGRAMMES = {
    # Research and development for the city's challenges: mobility, the future of work, resilience.
    "divizia-de-inovare-urbana": ["sdg-11", "sdg-9"],
    # Heritage and culture at the heart of rural development (target 11.4: cultural heritage).
    "romania-remarcabila": ["sdg-11"],
    # STEAM education; entrepreneurship education for the cultural and creative sectors.
    "quantum": ["sdg-4"],
    "culturepreneurs": ["sdg-4", "sdg-8"],
    # Studies of the cultural sector, towards the observatory.
    "cercetare": ["sdg-11"],
}
CALLS = {
    # The city's innovation fund and grants (002): green projects of the city.
    "fix-cluj": ["sdg-9", "sdg-11", "climate-neutral-cities"],
    "bursele-de-inovare-cluj": ["sdg-9"],
    # An international solution competition for public space (002).
    "concurs-spatiu-public": ["sdg-11"],
}
# Activities of the 2021 plan, by the beginning of their Romanian title.
ACTIVITIES = {
    "Participare la platforme și consultări europene: Voices of Culture (Culture and SDGs": ["sdg-11", "sdg-17"],
    "Coordonarea elaborării și consultării cu privire la Strategia Culturală": ["sdg-11"],
}


def load(log):
    goals = {goal.code: goal for goal in Goal.objects.all()}
    tagged = 0
    for slug, codes in PROGRAMMES.items():
        for programme in Programme.objects.filter(slug=slug):
            programme.goals.add(*(goals[code] for code in codes))
            tagged += 1
    for slug, codes in CALLS.items():
        for call in Call.objects.filter(slug=slug):
            call.goals.add(*(goals[code] for code in codes))
            tagged += 1
    for beginning, codes in ACTIVITIES.items():
        for activity in Activity.objects.filter(title_ro__startswith=beginning):
            activity.goals.add(*(goals[code] for code in codes))
            tagged += 1
    log(f"Goals: {tagged} programmes, calls and activities tagged")
