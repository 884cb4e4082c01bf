"""The demo plans transcribed from seeds/000 (the Cluj Cultural Centre's Plan 2021).

Loading the demo takes seconds, so each test checks several things about one load.
"""

from decimal import Decimal

import pytest
from django.core.management import call_command

from civica.accountability.models import (
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
from civica.network.models import Programme

# The demo is loaded once for the module's tests (conftest.demo_for_module), on one worker.
pytestmark = pytest.mark.xdist_group("demo:accountability:test_demo_plan")

MODELS = (Plan, Area, Priority, Objective, Activity, ProgressUpdate, Indicator, IndicatorValue, BudgetGroup,
          BudgetLine)

AREAS = ["Priorități generale", "Program", "Financiar-administrativ", "Infrastructură", "Marketing și comunicare",
         "Echipa executivă", "Consiliul Director", "Adunarea Generală a Membrilor"]

ACTIVITIES = [  # (programme, title_ro, project, period_text), as the seed writes them
    ("academia-schimbarii", "Rezidențe artiști și cercetători", "Studiotopia", "În derulare"),
    ("academia-schimbarii", "Platforma culturaincluj.ro", "Impact Cultural", "Martie – octombrie"),
    ("culture-next", "Întâlnire anuală de rețea la Cluj-Napoca", "", "7-10 octombrie"),
    ("ecca", "Pavilionul ECCA", "", "Dezvoltare: martie-octombrie Lansare: 21 octombrie"),
    ("spatiu-interior", "Arts & Health Collective Pilot Project", "World Health Organization", "Martie-decembrie"),
    ("quantum", "Festivalul Științei, ediția a IIIa", "Studiotopia", "8-17 octombrie"),
    ("jivipen", "Expoziția Cunoaște rOmul, Ziua Internațională a Romilor", "", "1 – 30 aprilie, 8 aprilie 2021"),
]

INDICATOR_TARGETS = {
    "3.000 prieteni pe Instagram": Decimal("3000"),
    "1 campanie de comunicare a Centrului – online (cultura în societate, rol și importanță)": Decimal("1"),
    "24.000 prieteni facebook": Decimal("24000"),
    "Dezvoltarea de baze de date – 1.000 abonați": Decimal("1000"),
    "1 newsletter general CCC/ lună pentru abonați": Decimal("1"),
    "3 parteneriate media la nivel național": Decimal("3"),
}


@pytest.fixture
def plans(demo_for_module, db):
    host = "centrul-cultural-clujean"
    return (Plan.objects.get(organisation__slug=host, year=2020, end_year=2020),
            Plan.objects.get(organisation__slug=host, year=2021, end_year=2021))


def _total(lines):
    return sum((line.amount for line in lines), Decimal(0))


def test_the_2020_plan_and_its_year_end_assessment(plans):
    plan_2020, plan_2021 = plans
    assert (plan_2020.title_ro, plan_2020.status) == ("Plan 2020", PlanStatus.PUBLISHED)
    assert plan_2020.approved_by == "Adunarea Generală a Membrilor"
    assert str(plan_2020.approved_on) == "2020-03-06"
    # The seed does not say when, or whether, the 2021 plan was approved.
    assert (plan_2021.title_ro, plan_2021.status, plan_2021.approved_on) == ("Plan 2021", PlanStatus.DRAFT, None)

    assert list(plan_2020.areas.values_list("name_ro", flat=True)) == AREAS
    # PROPUS / REALIZAT: 3 rows under PRIORITĂȚI and 3 under each of the 7 areas that follow.
    priorities = Priority.objects.filter(area__plan=plan_2020)
    assessed = priorities.exclude(level="")
    assert assessed.count() == priorities.count() == 24
    assert not assessed.filter(narrative_ro="").exists()
    assert not assessed.filter(narrative_en="").exists()
    first = assessed.get(area__position=1, position=1)
    assert first.text_ro == "Program: prioritizarea dezvoltării sectorului cultural, politicilor și cercetării"
    assert first.level == Level.LARGE
    board = dict(assessed.filter(area__name_ro="Consiliul Director").values_list("text_ro", "level"))
    assert board == {
        "Actualizarea Consiliului Director pentru noul mandat": Level.FULLY,
        "Organizarea de întâlniri trimestriale": Level.PARTLY,
        "Statut onorific pentru Ministerul Culturii (și statut de proiect strategic pentru Centru)": Level.SMALL,
    }
    assert assessed.get(text_ro="Identificare unei soluții concrete pentru demararea ECCA").level == Level.SMALL
    levels = list(assessed.values_list("level", flat=True))
    assert {level: levels.count(level) for level in Level.values} == {
        Level.SMALL: 6, Level.PARTLY: 6, Level.LARGE: 9, Level.FULLY: 3,
    }
    assert not plan_2020.activities.exists()


def test_the_2021_priorities_objectives_and_activities_are_transcribed_exactly(plans):
    _plan_2020, plan_2021 = plans
    assert list(plan_2021.areas.values_list("name_ro", flat=True)) == AREAS
    priorities = Priority.objects.filter(area__plan=plan_2021)
    assert priorities.count() == 24
    assert not priorities.exclude(level="").exists()
    assert plan_2021.areas.get(name_ro="Program").priorities.first().text_ro == (
        "Pregătirea pentru transfer în comunitate a mecanismelor și proiectelor demarate în faza start-up"
    )
    assert plan_2021.areas.get(name_ro="Infrastructură").priorities.first().text_ro == (
        "Asigurarea bunei administrări a noilor locații ale Centrului (CLTP Hub, Qub, Pavilionul ECCA, Garnizoană)"
    )

    assert Programme.objects.filter(objectives__plan=plan_2021).distinct().count() == 12
    assert Programme.objects.filter(activities__plan=plan_2021).distinct().count() == 12
    assert plan_2021.objectives.count() == 48
    assert plan_2021.activities.count() == 82
    assert plan_2021.objectives.filter(programme__slug="culture-next").first().text_ro == "Reorganizarea rețelei"
    for programme, title, project, period_text in ACTIVITIES:
        activity = plan_2021.activities.get(programme__slug=programme, title_ro=title)
        assert (activity.project, activity.period_text) == (project, period_text), title
        assert activity.title_en

    # Headings inside a table group the rows that follow them.
    jivipen = plan_2021.activities.filter(programme__slug="jivipen")
    assert list(jivipen.filter(section_ro="1. Activități interculturale").values_list("title_ro", flat=True)) == [
        "Zilele Culturii Rome – în cadrul Zilelor Clujului", "Întâlnirile Jivipen",
        "Tabere de vară Școala de Vară de la Telciu",
    ]
    quantum = plan_2021.activities.filter(programme__slug="quantum")
    assert quantum.filter(section_ro="QUB", project="Learning Qub").count() == 6
    assert quantum.get(title_ro="Workshop on Audience Engagement").section_ro == ""


def test_the_2021_budget_indicators_and_illustrative_progress(plans):
    _plan_2020, plan_2021 = plans
    groups = list(plan_2021.budget_groups.order_by("position").prefetch_related("lines"))
    assert [group.name_ro for group in groups] == ["Cotizații", "Corporate", "Finanțări", "Cheltuieli"]
    for group in groups:
        assert _total(group.lines.all()) == group.stated_total, group.name_ro
    income = _total(line for group in groups if group.kind == BudgetKind.INCOME for line in group.lines.all())
    expenses = _total(line for group in groups if group.kind == BudgetKind.EXPENSE for line in group.lines.all())
    assert income == plan_2021.stated_income_total == Decimal("11155779.75")
    assert expenses == plan_2021.stated_expense_total == Decimal("11151585.90")
    assert BudgetLine.objects.get(group__plan=plan_2021, label_ro="UIA").amount == Decimal("3964142.65")

    assert dict(plan_2021.indicators.values_list("text_ro", "target")) == INDICATOR_TARGETS
    for indicator in plan_2021.indicators.all():
        values = list(indicator.values.all())
        assert 2 <= len(values) <= 4
        assert all(value.illustrative and value.date.year == 2021 for value in values)

    # The invented progress is flagged, dated in 2021, increasing, and matches its activity.
    assert not ProgressUpdate.objects.filter(illustrative=False).exists()
    assert not ProgressUpdate.objects.exclude(date__year=2021).exists()
    updated = plan_2021.activities.filter(updates__isnull=False).distinct()
    assert 20 <= updated.count() <= 35
    for activity in updated:
        progress = list(activity.updates.order_by("date").values_list("progress", flat=True))
        assert 1 <= len(progress) <= 3 and progress == sorted(progress)
        assert activity.progress == progress[-1]
        assert activity.status == (ActivityStatus.DONE if activity.progress == 100 else ActivityStatus.ONGOING)
    untouched = plan_2021.activities.filter(updates__isnull=True)
    assert set(untouched.values_list("status", "progress")) == {(ActivityStatus.PLANNED, 0)}


def test_loading_the_demo_again_creates_nothing_new(plans):
    first = {model.__name__: model.objects.count() for model in MODELS}
    call_command("loaddemo", verbosity=0)
    assert {model.__name__: model.objects.count() for model in MODELS} == first
    assert Plan.objects.count() == 2


def test_the_plan_page_says_its_numbers_and_headings_as_a_person_would(plans, client):
    """Issue 12 item 12: "1 campanii" and "Priorități" twice as a heading on /ro/plans/2021/."""
    import re

    page = client.get("/ro/plans/2021/").content.decode()
    assert "1 campanie" in page and "1 campanii" not in page
    assert "3.000 de prieteni" in page and "3 parteneriate" in page
    assert len(re.findall(r"<h[23][^>]*>\s*Priorități\s*<", page)) == 1
    assert "Priorități generale" in page

    english = client.get("/en/plans/2021/").content.decode()
    assert "1 campaign" in english and "1 campaigns" not in english
    assert "3,000 friends" in english
    # Plan periods in the reader's language, from the dates read off the plan (on the programmes' pages).
    slugs = Activity.objects.filter(plan__year=2021).values_list("programme__slug", flat=True).distinct()
    assert any("June – October 2021" in client.get(f"/en/plans/2021/programmes/{slug}/").content.decode()
               for slug in slugs)


def test_the_2021_budget_charts_say_where_the_money_comes_from_and_goes(plans, client):
    page = client.get("/en/plans/2021/").content.decode()
    budget = page[page.index('id="budget"'):]
    # Income by its three sources, expenses by the lines of the only category, each with its share.
    assert "Grants: 8,027,769 lei (72%)" in budget and "Membership fees: 678,760 lei (6%)" in budget
    assert "Programme expenses: 4,924,079 lei (44%)" in budget
    romanian = client.get("/ro/plans/2021/").content.decode()
    assert "Finanțări: 8.027.769 lei (72%)" in romanian and "Venituri după sursă" in romanian
