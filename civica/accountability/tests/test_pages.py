import io
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import translation

from civica.accountability import services
from civica.accountability.models import Activity, BudgetLine, Plan
from civica.accountability.tests.factories import make_plan
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory


@pytest.mark.django_db
def test_plan_page_shows_priorities_assessment_programmes_kpis_and_budget(client):
    plan = make_plan()
    page = client.get("/ro/plans/2021/").content.decode()
    assert "Extinderea activității" in page and "în mare măsură" in page and "◕" in page
    assert "Programul 0" in page and "Programul 1" in page
    programme = client.get(f"/ro/plans/2021/programmes/{plan.activities.last().programme.slug}/").content.decode()
    assert "Activitatea 1.2" in programme and "Aprilie – octombrie" in programme
    assert "Urmăritori Instagram" in page and "70%" in page
    assert "1.000,50" in page and "900,00" in page and "100,50" in page  # income, expenses, difference
    assert client.get("/en/plans/").status_code == 200
    assert plan.get_absolute_url() == "/ro/plans/2021/" or plan.get_absolute_url().endswith("/plans/2021/")


@pytest.mark.django_db
def test_filter_by_programme_and_month(client):
    make_plan()
    october = client.get("/en/plans/2021/activities/?month=10").content.decode()
    assert "Activity 0.1" in october  # 7-10 October
    march = client.get("/en/plans/2021/activities/?month=3").content.decode()
    programmes_section = march.split('id="programmes"')[1]
    assert "Activity 0.0" not in programmes_section and "No activity matches these filters." in programmes_section
    only = client.get("/en/plans/2021/activities/?programme=nope").content.decode()
    assert "No activity matches these filters." in only
    for query in ("?month=13", "?month=abc", "?programme=%3Cb%3E", "?area=x", ""):
        assert client.get(f"/en/plans/2021/activities/{query}").status_code == 200
    # The filters' addresses from before the page was split lead there.
    response = client.get("/en/plans/2021/?month=10&programme=p")
    assert response.status_code == 302 and response["Location"] == "/en/plans/2021/activities/?month=10&programme=p"


@pytest.mark.django_db
def test_unknown_plans_are_404(client):
    for slug in ("1999", "abc", "2021-2020-2019", "20211"):
        assert client.get(f"/en/plans/{slug}/").status_code == 404


@pytest.mark.django_db
def test_editors_see_unparsed_periods_and_budget_mismatches(client, editor):
    plan = make_plan()
    BudgetLine.objects.filter(label_ro="Administrații").update(amount=Decimal("999.50"))
    client.force_login(editor)
    page = client.get("/en/plans/2021/").content.decode()
    assert "could not be read as dates" in page and "„În derulare”" in page
    assert "stated totals that differ" in page
    client.logout()
    page = client.get("/en/plans/2021/").content.decode()
    assert "could not be read as dates" not in page and "stated totals that differ" not in page
    assert plan.pk


@pytest.mark.django_db
def test_progress_updates_roll_up_and_revise_an_approved_plan(client, editor):
    plan = make_plan()
    activity = Activity.objects.filter(plan=plan).first()
    services.progress_post(activity=activity, by=editor, progress=40, note_ro="Pe drum", note_en="Under way")
    services.progress_post(activity=activity, by=editor, progress=100, note_en="Done")
    activity.refresh_from_db()
    assert (activity.progress, activity.status) == (100, "done")
    plan.refresh_from_db()
    assert plan.revision == 2 and plan.revised_at is not None
    page = client.get("/en/plans/2021/").content.decode()
    assert "revised on" in page and "Under way" in page
    from django.core.exceptions import PermissionDenied, ValidationError

    with pytest.raises(ValidationError):
        services.progress_post(activity=activity, by=editor, progress=101)
    with pytest.raises(PermissionDenied):
        services.progress_post(activity=activity, by=UserFactory(), progress=10)


@pytest.mark.django_db
def test_document_html_and_pdf_in_both_languages(client):
    make_plan(year=2020)
    make_plan(year=2021, organisation=Plan.objects.get(year=2020).organisation)
    html = client.get("/ro/plans/2021/document/").content.decode()
    assert "CE NE-AM PROPUS ȘI CE AM REALIZAT ÎN 2020" in html
    english = client.get("/en/plans/2021/document/").content.decode()
    assert "WHAT WE PLANNED AND WHAT WE ACHIEVED IN 2020" in english
    response = client.get("/en/plans/2021/document.pdf")
    assert response["Content-Type"] == "application/pdf"
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(response.getvalue()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "PROGRAMME 0" in text and "PROGRAMME 1" in text and "1,000.50" in text
    assert reader.outline, "the PDF has bookmarks"


@pytest.mark.django_db
def test_plan_page_query_count_is_constant(client, assert_constant_queries):
    make_plan(programmes=2, activities=3)

    def more():
        Plan.objects.all().delete()
        make_plan(programmes=6, activities=8)
        for url in urls:  # the new plan's kept parts (accountability.parts)
            client.get(url)

    urls = ["/en/plans/2021/"]
    assert_constant_queries(client, urls, more)


@pytest.mark.django_db
def test_programme_page_query_count_is_constant(client, editor, assert_constant_queries):
    plan = make_plan(programmes=1, activities=2)
    programme = plan.activities.first().programme
    url = f"/en/plans/2021/programmes/{programme.slug}/"
    client.force_login(editor)  # with the editors' links

    def more():
        for number in range(8):
            Activity.objects.create(plan=plan, programme=programme, title_ro=f"A {number}", period_text="Mai")
        client.get(url)  # the new version's kept part

    assert_constant_queries(client, [url, (Client(), url)], more)


@pytest.mark.django_db
def test_an_idea_shows_what_became_of_it(client):
    from civica.participation.tests.factories import IdeaFactory

    plan = make_plan()
    idea = IdeaFactory(title="Spații pentru liceeni")
    activity = Activity.objects.filter(plan=plan).first()
    activity.implements_ideas.add(idea)
    with translation.override("en"):
        page = client.get(f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/").content.decode()
    assert "What became of it" in page and "Activity 0.0" in page and "Plan 2021" in page


@pytest.mark.django_db
@pytest.mark.parametrize("kind", [None, "participant", "editor"])
def test_plan_pages_are_public(client, request, kind):
    make_plan()
    if kind:
        client.force_login(request.getfixturevalue(kind))
    for url in ("/en/plans/", "/en/plans/2021/", "/en/plans/2021/document/"):
        assert client.get(url).status_code == 200
    assert UserFactory(role=Role.EDITOR).has_perm("accountability.manage_plan")


@pytest.mark.django_db
def test_document_stylesheet_is_allowed_by_its_nonce_only(client):
    make_plan()
    response = client.get("/en/plans/2021/document/")
    policy = response["Content-Security-Policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<style nonce="{nonce}">' in response.content.decode()
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_a_plan_not_assessed_yet_shows_the_previous_years_assessment(client):
    first = make_plan(year=2020)
    make_plan(year=2021, organisation=first.organisation)
    from civica.accountability.models import Priority

    Priority.objects.filter(area__plan__year=2021).update(level="")
    page = client.get("/en/plans/2021/").content.decode()
    assert "What we planned and what we achieved in 2020" in page and "We grew." in page


@pytest.mark.django_db
def test_progress_rolls_up_to_objectives_and_areas_and_filters_by_area(client, editor):
    from civica.accountability.models import Area, Objective, Priority

    plan = make_plan(programmes=1, activities=3)
    objective = Objective.objects.get(plan=plan)
    priority = Priority.objects.get(area__plan=plan)
    first, second, third = Activity.objects.filter(plan=plan).order_by("position")
    for activity, progress in ((first, 20), (second, 60)):
        activity.objective, activity.priority = objective, priority
        activity.save()
        services.progress_post(activity=activity, by=editor, progress=progress)
    page = client.get("/en/plans/2021/").content.decode()
    assert page.count("40% done on average") == 1  # the area
    programme = client.get(f"/en/plans/2021/programmes/{first.programme.slug}/").content.decode()
    assert programme.count("40% done on average") == 1  # the objective
    area = Area.objects.get(plan=plan)
    filtered = client.get(f"/en/plans/2021/activities/?area={area.pk}").content.decode().split('id="programmes"')[1]
    assert first.title_en in filtered and third.title_en not in filtered.split('id="timeline"')[0]


@pytest.mark.django_db
def test_editors_post_progress_from_the_plan_page(client, editor, participant):
    plan = make_plan()
    activity = Activity.objects.filter(plan=plan).first()
    url = f"/en/plans/2021/activities/{activity.pk}/progress/"
    client.force_login(participant)
    assert client.get(url).status_code == 403
    programme = f"/en/plans/2021/programmes/{activity.programme.slug}/"
    assert f'href="{url}"' not in client.get(programme).content.decode()
    client.force_login(editor)
    assert f'href="{url}"' in client.get(programme).content.decode()
    page = client.post(url, {"date": "2021-05-01", "progress": "150"}).content.decode()
    assert "less than or equal to 100" in page
    response = client.post(url, {"date": "2021-05-01", "progress": "35", "note_en": "Half way to the first stage"})
    assert response.status_code == 302 and response["Location"] == programme
    activity.refresh_from_db()
    assert activity.progress == 35 and activity.updates.get().note_en == "Half way to the first stage"


@pytest.mark.django_db
def test_plan_page_starts_with_a_summary_and_has_a_contents_list_for_every_section(client):
    import re

    make_plan()
    page = client.get("/en/plans/2021/").content.decode()
    sections = ["summary", "priorities", "programmes", "updates", "indicators", "budget", "comments"]
    for anchor in sections:
        assert f'id="{anchor}"' in page
        # Twice: the sticky column on a wide screen, the collapsible list on a phone.
        assert page.count(f'href="#{anchor}"') >= 2, anchor
    positions = [page.index(f'id="{anchor}"') for anchor in sections]
    assert positions == sorted(positions)
    assert '<details class="plan-contents">' in page and 'class="plan-aside"' in page
    summary = page[page.index('id="summary"'):page.index('id="priorities"')]
    assert "At a glance" in summary and "1,000 lei" in summary and "900 lei" in summary  # income, expenses
    assert re.search(r"\d+ / \d+", summary)  # indicators that reached their target
    programmes = page[page.index('id="programmes"'):page.index('id="updates"')]
    assert re.search(r'<li id="programme-[\w-]+"><a href="/en/plans/2021/programmes/[\w-]+/">Programme 0<', programmes)


@pytest.mark.django_db
def test_plan_page_charts_budget_and_indicators_with_their_tables(client):
    make_plan()
    page = client.get("/en/plans/2021/").content.decode()
    budget = page[page.index('id="budget"'):]
    assert budget.count('role="img"') == 2 and "Income by source" in budget and "Expenses by category" in budget
    assert "<table" in budget[budget.index("Expenses by category"):]  # the figures, right under the charts
    indicators = page[page.index('id="indicators"'):page.index('id="budget"')]
    # The target is drawn once (and said once in the chart's description), not as a bar on every row.
    assert "<svg" in indicators and ">70%<" in indicators and indicators.count("Target: 100%") == 2
    assert indicators.index("<svg") < indicators.index("<table")
    assert "NaN" not in page


@pytest.mark.django_db
def test_plan_page_without_budget_or_indicators_says_so(client):
    plan = make_plan()
    plan.budget_groups.all().delete()
    plan.indicators.all().delete()
    page = client.get("/en/plans/2021/").content.decode()
    assert "No budget yet." in page and "No indicator yet." in page
