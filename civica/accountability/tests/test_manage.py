"""The plans editors' screens: who may open them, every part saved, refused and explained, reordered
and deleted, the plan's status moved (and written in the audit log), the history of a published plan
shown on its page, and fixed query counts."""

from decimal import Decimal

import pytest

from civica.accountability.models import (
    Activity,
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
)
from civica.accountability.tests.factories import make_plan
from civica.audit.models import AuditEntry


def screens(plan):
    priority = Priority.objects.filter(area__plan=plan).first()
    activity = Activity.objects.filter(plan=plan).first()
    line = BudgetLine.objects.filter(group__plan=plan).first()
    base = f"/ro/plans/manage/{plan.slug}/"
    return ["/ro/plans/manage/", "/ro/plans/manage/new/", base,
            f"{base}details/{plan.pk}/", f"{base}area/new/", f"{base}priority/new/",
            f"{base}assessment/{priority.pk}/", f"{base}priority/{priority.pk}/delete/", f"{base}objective/new/",
            f"{base}activity/{activity.pk}/", f"{base}indicator/new/", f"{base}value/new/", f"{base}group/new/",
            f"{base}line/{line.pk}/", f"{base}line/{line.pk}/delete/"]


@pytest.mark.django_db
def test_every_screen_opens_for_editors_and_refuses_everyone_else(client, make_user):
    plan = make_plan(programmes=1, activities=1)
    urls = screens(plan)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    client.force_login(make_user("participant"))
    for url in urls:
        assert client.get(url).status_code == 403, url
    client.force_login(make_user("moderator"))
    assert client.get(urls[2]).status_code == 403
    client.force_login(make_user("editor"))
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert client.get(f"/ro/plans/manage/{plan.slug}/nothing/new/").status_code == 404
    assert client.get(f"/ro/plans/manage/{plan.slug}/assessment/new/").status_code == 404
    assert client.get(f"/ro/plans/manage/{plan.slug}/line/999999/").status_code == 404
    assert client.get("/ro/plans/manage/1999/").status_code == 404


@pytest.mark.django_db
def test_editor_adds_an_area_a_priority_an_activity_an_indicator_and_budget_lines(client, make_user):
    plan = make_plan(programmes=1, activities=0, status=PlanStatus.DRAFT)
    client.force_login(make_user("editor"))
    base = f"/en/plans/manage/{plan.slug}/"
    assert client.post(f"{base}area/new/", {"name_ro": "Management", "name_en": "Management"}).status_code == 302
    area = Area.objects.get(plan=plan, name_ro="Management")
    response = client.post(f"{base}priority/new/", {"area": area.pk, "text_ro": "Stabilitate", "text_en": "Stability"})
    assert response.status_code == 302 and response["Location"].endswith("#priorities")
    programme = Objective.objects.get(plan=plan).programme
    response = client.post(f"{base}activity/new/", {
        "programme": programme.pk, "title_ro": "Atelier", "title_en": "Workshop", "status": "planned",
        "starts_on": "2021-03-01", "ends_on": "2021-05-31", "period_text": "martie – mai"})
    assert response.status_code == 302
    activity = Activity.objects.get(plan=plan, title_ro="Atelier")
    assert (str(activity.starts_on), str(activity.ends_on)) == ("2021-03-01", "2021-05-31")
    response = client.post(f"{base}indicator/new/", {"name_ro": "Membri", "unit_ro": "membri", "target": "1.250,5",
                                                     "live_source": ""})
    assert response.status_code == 302
    assert Indicator.objects.get(plan=plan, name_ro="Membri").target == Decimal("1250.50")
    group = BudgetGroup.objects.filter(plan=plan, kind=BudgetKind.INCOME).first()
    response = client.post(f"{base}line/new/", {"group": group.pk, "label_ro": "Granturi", "amount": "11.155.779,75",
                                                "executed": "12000.5"})
    assert response.status_code == 302
    line = BudgetLine.objects.get(group=group, label_ro="Granturi")
    assert (line.amount, line.executed) == (Decimal("11155779.75"), Decimal("12000.50"))
    page = client.get(base).content.decode()
    assert "Stabilitate" in page and "Atelier" in page and "Membri" in page and "Granturi" in page


@pytest.mark.django_db
def test_a_refused_form_keeps_what_was_typed_and_explains_beside_the_field(client, make_user):
    plan = make_plan(programmes=1, activities=1, status=PlanStatus.DRAFT)
    client.force_login(make_user("editor"))
    group = BudgetGroup.objects.filter(plan=plan).first()
    base = f"/en/plans/manage/{plan.slug}/"
    page = client.post(f"{base}line/new/", {"group": group.pk, "label_ro": "Sponsorizări unice",
                                           "amount": "-5", "executed": "abc"}).content.decode()
    assert "Nothing was saved" in page and "Sponsorizări unice" in page
    assert "greater than or equal to 0" in page and "Enter a number" in page
    assert not BudgetLine.objects.filter(label_ro="Sponsorizări unice").exists()
    activity = Activity.objects.filter(plan=plan).first()
    page = client.post(f"{base}activity/{activity.pk}/", {
        "programme": activity.programme_id, "title_ro": "Titlu păstrat", "status": "planned",
        "starts_on": "2021-06-01", "ends_on": "2021-05-01"}).content.decode()
    assert "The activity cannot end before it starts." in page and "Titlu păstrat" in page
    other = make_plan(year=2022, programmes=0, activities=0)
    foreign = Area.objects.get(plan=other)
    page = client.post(f"{base}priority/new/", {"area": foreign.pk, "text_ro": "Străin"}).content.decode()
    assert "Select a valid choice" in page and not Priority.objects.filter(text_ro="Străin").exists()


@pytest.mark.django_db
def test_move_up_and_down_and_delete(client, make_user):
    plan = make_plan(programmes=1, activities=3, status=PlanStatus.DRAFT)
    client.force_login(make_user("editor"))
    first, second, third = Activity.objects.filter(plan=plan).order_by("position", "id")
    base = f"/en/plans/manage/{plan.slug}/"
    assert client.post(f"{base}activity/{third.pk}/move/", {"direction": "up"}).status_code == 302
    assert list(Activity.objects.filter(plan=plan).order_by("position", "id")) == [first, third, second]
    client.post(f"{base}activity/{first.pk}/move/", {"direction": "up"})  # already first: nothing moves
    client.post(f"{base}activity/{first.pk}/move/", {"direction": "down"})
    assert list(Activity.objects.filter(plan=plan).order_by("position", "id")) == [third, first, second]
    assert client.get(f"{base}activity/{first.pk}/move/").status_code == 405
    assert client.post(f"{base}activity/{second.pk}/delete/").status_code == 302
    assert not Activity.objects.filter(pk=second.pk).exists()


@pytest.mark.django_db
def test_assessment_of_a_priority_shows_in_the_next_years_document(client, make_user):
    past = make_plan(year=2020, programmes=0, activities=0, status=PlanStatus.PUBLISHED)
    organisation = past.organisation
    make_plan(year=2021, programmes=0, activities=0, organisation=organisation)
    priority = Priority.objects.get(area__plan=past)
    client.force_login(make_user("editor"))
    page = client.post(f"/en/plans/manage/2020/assessment/{priority.pk}/", {"level": "bogus"}).content.decode()
    assert "Select a valid choice" in page
    response = client.post(f"/en/plans/manage/2020/assessment/{priority.pk}/", {
        "level": Level.PARTLY, "narrative_ro": "Doar jumătate din plan.", "narrative_en": "Only half of it."})
    assert response.status_code == 302
    priority.refresh_from_db()
    assert (priority.level, priority.narrative_en) == (Level.PARTLY, "Only half of it.")
    document = client.get("/en/plans/2021/document/").content.decode()
    assert "WHAT WE PLANNED AND WHAT WE ACHIEVED IN 2020" in document
    assert "Only half of it." in document and "partly" in document
    entry = AuditEntry.objects.get(action="accountability.priority.assess")
    assert entry.changes["level"] == [Level.LARGE, Level.PARTLY]


@pytest.mark.django_db
def test_status_draft_approved_on_a_date_then_published(client, make_user):
    plan = make_plan(status=PlanStatus.DRAFT, programmes=0, activities=0)
    client.force_login(make_user("editor"))
    url = f"/en/plans/manage/{plan.slug}/status/"
    page = client.post(url, {"to": "approved", "approved_on": "", "approved_by": ""}).content.decode()
    assert "Give the date the General Assembly approved the plan." in page
    assert client.post(url, {"to": "published"}).status_code == 200  # not from a draft
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.DRAFT
    assert client.post(url, {"to": "approved", "approved_on": "2021-03-06", "approved_by": ""}).status_code == 302
    plan.refresh_from_db()
    assert (plan.status, str(plan.approved_on)) == (PlanStatus.APPROVED, "2021-03-06")
    assert plan.approved_by == "the General Assembly of Members"
    assert client.post(url, {"to": "published"}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PUBLISHED and plan.published_at is not None
    assert list(AuditEntry.objects.filter(action__startswith="accountability.plan.").values_list(
        "action", flat=True).order_by("at")) == ["accountability.plan.approved", "accountability.plan.published"]
    assert "The plan is published." in client.get(f"/en/plans/manage/{plan.slug}/").content.decode()
    client.force_login(make_user("participant"))
    assert client.post(url, {"to": "draft"}).status_code == 403


@pytest.mark.django_db
def test_changes_to_a_published_plan_are_kept_and_shown_with_who_and_when(client, make_user):
    plan = make_plan(status=PlanStatus.APPROVED, programmes=1, activities=1)
    editor = make_user("editor", display_name="Ana Editoarea")
    client.force_login(editor)
    client.post(f"/en/plans/manage/{plan.slug}/status/", {"to": "published"})
    line = BudgetLine.objects.filter(group__plan=plan).first()
    base = f"/en/plans/manage/{plan.slug}/"
    client.post(f"{base}line/{line.pk}/", {"group": line.group_id, "label_ro": line.label_ro, "label_en": "Admins",
                                           "amount": "1500", "executed": ""})
    value = IndicatorValue.objects.filter(indicator__plan=plan).first()
    client.post(f"{base}value/{value.pk}/", {"indicator": value.indicator_id, "date": "2021-09-30",
                                             "value": "2600"})
    page = client.get(plan.get_absolute_url().replace("/ro/", "/en/")).content.decode()
    history = page.split('id="history"')[1]
    assert "Changes since publication" in page and "by Ana Editoarea" in history
    assert "Admins" in history and "2021-09-30: 2600.00" in history
    line.refresh_from_db()
    assert line.amount == Decimal("1500") and line.history.count() == 2
    entry = AuditEntry.objects.get(action="accountability.budgetline.change")
    assert entry.changes["amount"] == ["1000.50", "1500.00"]
    # A draft keeps versions too, but its page lists none.
    draft = make_plan(year=2023, status=PlanStatus.DRAFT, programmes=0, activities=0)
    assert 'id="history"' not in client.get(f"/en/plans/{draft.slug}/").content.decode()


@pytest.mark.django_db
def test_manage_pages_and_history_cost_a_fixed_number_of_queries(client, make_user, assert_constant_queries):
    editor = make_user("editor")
    client.force_login(editor)
    plan = make_plan(programmes=1, activities=1, status=PlanStatus.PUBLISHED)

    def more():
        from civica.accountability import services

        organisation = plan.organisation
        make_plan(year=2019, organisation=organisation, programmes=0, activities=0)
        for number in range(5):
            area = Area.objects.create(plan=plan, name_ro=f"Aria {number}")
            Priority.objects.create(area=area, text_ro=f"Prioritatea {number}")
            indicator = Indicator.objects.create(plan=plan, name_ro=f"I {number}", unit_ro="u", target=5)
            IndicatorValue.objects.create(indicator=indicator, date="2021-01-01", value=1)
            group = BudgetGroup.objects.create(plan=plan, kind=BudgetKind.EXPENSE, name_ro=f"G {number}")
            line = BudgetLine(group=group, label_ro=f"L {number}", amount=3)
            services.save_part(plan=plan, part=line, by=editor)
        programme = Objective.objects.filter(plan=plan).first().programme
        for number in range(4):
            Activity.objects.create(plan=plan, programme=programme, title_ro=f"A {number}")
            Objective.objects.create(plan=plan, programme=programme, text_ro=f"O {number}")
        client.get(f"/en/plans/{plan.slug}/")  # the new version's kept part (accountability.parts)

    assert_constant_queries(client, ["/en/plans/manage/", f"/en/plans/manage/{plan.slug}/",
                                     f"/en/plans/{plan.slug}/"], more)


@pytest.mark.django_db
def test_editor_creates_a_plan_as_a_draft(client, make_user):
    existing = make_plan(year=2021, programmes=0, activities=0)
    client.force_login(make_user("editor"))
    assert client.get("/en/plans/manage/new/").status_code == 200
    fields = {"organisation": existing.organisation_id, "year": "2021", "end_year": "", "title_ro": "Plan 2021 bis"}
    page = client.post("/en/plans/manage/new/", fields).content.decode()
    assert "There is already a plan for these years." in page and "Plan 2021 bis" in page
    page = client.post("/en/plans/manage/new/", {**fields, "year": "2022", "end_year": "2020"}).content.decode()
    assert "The last year cannot come before the first." in page
    response = client.post("/en/plans/manage/new/", {**fields, "year": "2022", "title_ro": "Plan 2022"})
    assert response.status_code == 302 and response["Location"].endswith("/plans/manage/2022/")
    plan = Plan.objects.get(year=2022)
    assert (plan.end_year, plan.status, plan.title_ro) == (2022, PlanStatus.DRAFT, "Plan 2022")
    assert AuditEntry.objects.filter(action="accountability.plan.create", target_id=plan.pk).exists()
    client.force_login(make_user("participant"))
    assert client.get("/en/plans/manage/new/").status_code == 403
    client.logout()
    assert client.get("/en/plans/manage/new/").status_code == 302
