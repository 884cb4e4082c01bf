"""Editors set goals in the manage forms of consultations, plan activities, programmes and calls (issue 19,
point 5), and only who may already manage each thing may: a truth table of the four permissions for every
role, and refused posts that change nothing. Goals that are not ids are refused as invalid choices."""

import pytest
from django.urls import reverse

from civica.accountability.models import Activity, PlanStatus
from civica.accountability.tests.factories import make_plan
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.calls.models import CallStatus
from civica.calls.tests.factories import CallFactory
from civica.goals.models import Goal
from civica.network.tests.factories import OrganisationFactory, ProgrammeFactory
from civica.participation.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db

# Who may set a thing's goals: whoever manages it already (nothing new to grant).
PERMISSIONS = {
    "participation.manage_process": "process",
    "accountability.manage_plan": "plan",
    "network.manage_network": None,
    "calls.manage_call": "call",
}
KINDS = ["anonymous", "participant", "member_representative", "moderator", "analyst", "editor", "administrator",
         "superuser"]
EDITORS = {"editor", "administrator", "superuser"}


def _user(make_user, kind):
    if kind == "analyst":
        return UserFactory(role=Role.ANALYST)
    if kind == "member_representative":
        return make_user(kind, scope=OrganisationFactory())
    return make_user(kind)


def _goals(*codes):
    return list(Goal.objects.filter(code__in=codes))


@pytest.fixture
def things():
    process = ProcessFactory()
    plan = make_plan(programmes=1, activities=1, status=PlanStatus.PUBLISHED)
    call = CallFactory(status=CallStatus.DRAFT)
    return {"process": process, "plan": plan, "call": call}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("permission", sorted(PERMISSIONS))
def test_who_may_set_goals(make_user, things, kind, permission):
    user = _user(make_user, kind)
    target = things[PERMISSIONS[permission]] if PERMISSIONS[permission] else None
    allowed = user.has_perm(permission, target) if target is not None else user.has_perm(permission)
    assert allowed == (kind in EDITORS)


def _process_data(process, **changes):
    return {"title_ro": process.title_ro, "title_en": process.title_en, "summary_ro": process.summary_ro,
            "summary_en": process.summary_en, "body_ro": "", "body_en": "", "hero_image_alt": "",
            "scope": process.scope, "starts_on": process.starts_on.isoformat(),
            "ends_on": process.ends_on.isoformat(), "supports_per_person": "", "report_threshold": "3", **changes}


def _call_data(**changes):
    return {"title_ro": "Apel verde", "title_en": "Green call", "summary_ro": "Rezumat", "summary_en": "",
            "guide_ro": "", "guide_en": "", "programme": "", "eligibility": "participants",
            "opens_at": "2030-03-01T10:00", "closes_at": "2030-04-01T17:00", "questions_until": "",
            "evaluation_until": "", "results_on": "", "budget_total": "1000", "amount_min": "10",
            "amount_max": "500", "disagreement_threshold": "2", **changes}


def test_an_editor_sets_a_consultations_goals(client, make_user):
    process = ProcessFactory()
    client.force_login(make_user("editor"))
    url = f"/en/processes/{process.slug}/manage/edit/"
    cities, climate = _goals("sdg-11", "climate-neutral-cities")
    response = client.post(url, _process_data(process, goals=[cities.pk, climate.pk]))
    assert response.status_code == 302
    assert set(process.goals.all()) == {cities, climate}
    assert set(client.get(url).context["form"].initial["goals"]) == {cities.pk, climate.pk}
    page = client.get(f"/en/processes/{process.slug}/").content.decode()
    assert "SDG 11 · Sustainable cities and communities" in page and "/en/observatory/goals/sdg-11/" in page
    assert client.post(url, _process_data(process)).status_code == 302  # none ticked: none kept
    assert not process.goals.exists()


def test_an_editor_sets_an_activitys_goals(client, make_user):
    plan = make_plan(programmes=1, activities=1, status=PlanStatus.PUBLISHED)
    activity = Activity.objects.get(plan=plan)
    client.force_login(make_user("editor"))
    url = f"/en/plans/manage/{plan.slug}/activity/{activity.pk}/"
    (education,) = _goals("sdg-4")
    response = client.post(url, {"programme": activity.programme_id, "title_ro": activity.title_ro,
                                 "status": "planned", "goals": [education.pk]})
    assert response.status_code == 302
    assert list(activity.goals.all()) == [education]
    assert "SDG 4 · Quality education" in client.get(url).content.decode()


def test_an_editor_sets_a_programmes_goals(client, make_user):
    programme = ProgrammeFactory(name_en="Studiotopia")
    client.force_login(make_user("editor"))
    url = reverse("network:manage_programme", args=[programme.slug])
    (climate,) = _goals("climate-neutral-cities")
    response = client.post(url, {"name_ro": programme.name_ro, "name_en": "Studiotopia", "slug": programme.slug,
                                 "organisation": programme.organisation_id, "summary_ro": "", "websites": "",
                                 "goals": [climate.pk]})
    assert response.status_code == 302
    assert list(programme.goals.all()) == [climate]
    page = client.get(reverse("network:programme_detail", args=[programme.slug])).content.decode()
    assert "Misiunea UE: 100 de orașe inteligente și neutre din punct de vedere climatic până în 2030" in page
    assert "/ro/observatory/goals/climate-neutral-cities/" in page


def test_an_editor_sets_a_calls_goals(client, make_user):
    call = CallFactory(status=CallStatus.PUBLISHED)
    client.force_login(make_user("editor"))
    url = reverse("calls:manage_edit", args=[call.slug])
    (culture,) = _goals("sdg-11")
    response = client.post(url, _call_data(goals=[culture.pk]))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(call.goals.all()) == [culture]
    assert "Orașe și comunități durabile" in client.get(reverse("calls:detail", args=[call.slug])).content.decode()


@pytest.mark.parametrize("kind", ["participant", "analyst", "moderator"])
def test_who_does_not_manage_a_thing_cannot_set_its_goals(client, make_user, kind):
    process = ProcessFactory()
    call = CallFactory(status=CallStatus.PUBLISHED)
    programme = ProgrammeFactory()
    plan = make_plan(programmes=1, activities=1, status=PlanStatus.PUBLISHED)
    activity = Activity.objects.get(plan=plan)
    client.force_login(_user(make_user, kind))
    (goal,) = _goals("sdg-13")
    posts = [
        (f"/en/processes/{process.slug}/manage/edit/", _process_data(process, goals=[goal.pk])),
        (f"/en/plans/manage/{plan.slug}/activity/{activity.pk}/",
         {"programme": activity.programme_id, "title_ro": "T", "status": "planned", "goals": [goal.pk]}),
        (reverse("network:manage_programme", args=[programme.slug]),
         {"name_ro": "P", "slug": programme.slug, "organisation": programme.organisation_id, "goals": [goal.pk]}),
        (reverse("calls:manage_edit", args=[call.slug]), _call_data(goals=[goal.pk])),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert not Goal.objects.get(pk=goal.pk).processes.exists()
    assert not goal.activities.exists() and not goal.programmes.exists() and not goal.calls.exists()


@pytest.mark.parametrize("bad", ["abc", "²", "-1", "99999999999999999999999", "999999"])
def test_goals_that_are_not_goals_are_refused_and_nothing_typed_is_lost(client, make_user, bad):
    programme = ProgrammeFactory()
    client.force_login(make_user("editor"))
    url = reverse("network:manage_programme", args=[programme.slug]).replace("/ro/", "/en/", 1)
    response = client.post(url, {"name_ro": "Numele păstrat", "slug": programme.slug,
                                 "organisation": programme.organisation_id, "goals": [bad]})
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "is not one of the available choices" in html or "is not a valid value" in html
    assert "Numele păstrat" in html
    assert not programme.goals.exists()
