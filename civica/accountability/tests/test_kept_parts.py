"""The plan pages' kept parts (accountability.parts, issue 17 point 4): the same for everyone, naming
nobody, read from the cache by the next request without rendering, rendered again after a change (in the
process here, where there is no broker), with the editors' links filled in per request only."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext

from civica.accountability import parts, services, versions
from civica.accountability.models import Activity, Plan, PlanStatus
from civica.accountability.tests.factories import make_plan
from civica.accounts.tests.factories import UserFactory


def kept(plan, name, language="en"):
    found = cache.get(f"accountability:part:{plan.pk}:{name}:{language}")
    return found and found[1]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


@pytest.mark.django_db
def test_the_kept_parts_are_the_same_for_everyone_and_name_nobody(client, participant, editor):
    plan = make_plan()
    programme = plan.activities.first().programme.slug
    others = [UserFactory(display_name="Oana Other", email="oana@example.org"), participant, editor]
    seen, parts_seen = {}, []
    for person in [None, *others]:
        viewer = Client()
        if person:
            viewer.force_login(person)
        for url in ("/en/plans/2021/", f"/en/plans/2021/programmes/{programme}/"):
            page = viewer.get(url).content.decode()
            seen.setdefault(url, []).append(page)
        parts_seen.append((kept(plan, "overview"), kept(plan, f"programme-{programme}")))
        cache.clear()  # the next person's request renders the parts again
    overview, programme_part = parts_seen[0]
    assert overview and programme_part["html"]
    assert all(seen_parts == parts_seen[0] for seen_parts in parts_seen)  # rendered for each: the same
    for person in others:
        for text in (person.display_name, person.email, person.public_name):
            assert text not in overview and text not in programme_part["html"]
    for html in (overview, programme_part["html"]):
        assert "csrfmiddlewaretoken" not in html and "/progress/" not in html and "Manage this plan" not in html
    # What differs between people is only what the slots and the comments add: visitor and participants
    # see the part as kept, editors get their links in it.
    visitor, oana, paula, emil = seen["/en/plans/2021/"]
    assert "Manage this plan" in emil and all("Manage this plan" not in page for page in (visitor, oana, paula))
    assert "/progress/" in seen[f"/en/plans/2021/programmes/{programme}/"][3]
    assert all("/progress/" not in page for page in seen[f"/en/plans/2021/programmes/{programme}/"][:3])


@pytest.mark.django_db
def test_the_second_request_renders_nothing(client, participant):
    plan = make_plan(programmes=3, activities=5)
    client.force_login(participant)
    programme = plan.activities.first().programme.slug
    for url in ("/en/plans/2021/", f"/en/plans/2021/programmes/{programme}/"):
        first, _ = queries(client, url)
        second, _ = queries(client, url)
        third, _ = queries(client, url)
        assert second < first and third == second
    # Kept: the overview reads the plan, its live indicators, and the comments; nothing of its parts.
    assert queries(Client(), "/en/plans/2021/")[0] <= 6


@pytest.mark.django_db
def test_a_progress_update_is_on_the_pages_at_once_rendered_in_the_background(client, editor):
    plan = make_plan()
    activity = Activity.objects.filter(plan=plan).first()
    programme = f"/en/plans/2021/programmes/{activity.programme.slug}/"
    reader = Client()
    assert "47%" not in reader.get(programme).content.decode()
    before = kept(plan, "overview")
    with TestCase.captureOnCommitCallbacks(execute=True):  # the task runs after the commit (no broker here)
        services.progress_post(activity=activity, by=editor, progress=47, note_en="Forty-seven")
    stamp = versions.stamp(Plan.objects.get(pk=plan.pk), "en")
    # The task rendered every part in both languages under the new version.
    for name in ("overview", f"programme-{activity.programme.slug}"):
        for language in ("en", "ro"):
            assert cache.get(f"accountability:part:{plan.pk}:{name}:{language}")[0].split(":")[1] == stamp.split(":")[1]
    assert kept(plan, "overview") != before and "Forty-seven" in kept(plan, "overview")
    count, page = queries(reader, programme)
    assert "47%" in page
    assert count == queries(reader, programme)[0]  # read from the cache, not rendered


@pytest.mark.django_db
def test_changes_no_service_makes_still_give_a_new_version(client):
    """The admin, workshops' activities, a programme renamed: the receivers move the plan's stamp, and
    the next year's plan's, whose page shows this one's assessment."""
    from civica.accountability.models import Priority

    plan = make_plan(year=2020)
    following = make_plan(year=2021, organisation=plan.organisation)
    stamps = lambda: list(Plan.objects.order_by("year").values_list("changed_at", flat=True))  # noqa: E731
    before = stamps()
    priority = Priority.objects.filter(area__plan=plan).first()
    priority.narrative_en = "Changed in the admin"
    priority.save()
    after = stamps()
    assert after[0] != before[0] and after[1] != before[1]
    programme = following.activities.first().programme
    programme.name_en = "Renamed"
    programme.save()
    assert stamps()[1] != after[1]
    assert "Renamed" in client.get(f"/en/plans/2021/programmes/{programme.slug}/").content.decode()


@pytest.mark.django_db
def test_a_reader_never_gets_an_older_version_than_the_stamp_once_rendered(client):
    plan = make_plan()
    client.get("/en/plans/2021/")
    Plan.objects.filter(pk=plan.pk).update(title_en="Plan 2021, revised")  # as a migration or a shell would
    versions.touch(pk=plan.pk)
    assert "Plan 2021, revised" in client.get("/en/plans/2021/").content.decode()


@pytest.mark.django_db
def test_slots_are_filled_per_person_and_unknown_ones_are_emptied():
    html = "<p>a<!--slot:editors--></p><td>1<!--slot:progress-12--></td><!--slot:nothing-->"
    assert parts.fill(html, lambda name: f"[{name}]") == "<p>a[editors]</p><td>1[progress-12]</td>[nothing]"
    assert parts.fill(html, lambda name: "") == "<p>a</p><td>1</td>"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", [None, "participant", "editor"])
def test_every_plan_page_is_public_and_unknown_ones_are_not_found(client, request, kind):
    """Every plan is public, drafts included (rules.py: residents discuss a draft); unknown plans and
    programmes, and a programme of another plan, are not found."""
    plan = make_plan(status=PlanStatus.DRAFT)
    other = make_plan(year=2019, organisation=plan.organisation)
    if kind:
        client.force_login(request.getfixturevalue(kind))
    programme = plan.activities.first().programme.slug
    for url in ("/en/plans/2021/", f"/en/plans/2021/programmes/{programme}/", "/en/plans/2021/activities/",
                "/en/plans/2021/activities/?month=5"):
        assert client.get(url).status_code == 200, url
    elsewhere = other.activities.first().programme.slug
    for url in (f"/en/plans/2021/programmes/{elsewhere}/", "/en/plans/2021/programmes/nope/",
                "/en/plans/1999/programmes/nope/", "/en/plans/1999/activities/"):
        assert client.get(url).status_code == 404, url
