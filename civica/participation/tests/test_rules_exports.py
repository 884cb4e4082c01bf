"""Truth table of a consultation's exports: every role (moderators scoped here, elsewhere, or everywhere;
evaluators and facilitators scoped here) × a published consultation and a draft, for the two permissions,
the staff's page and download and the public's download."""

import pytest

from civica.participation.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db

PERMISSIONS = ["participation.export_contributions", "participation.export_contributions_with_names"]
KINDS = ["anonymous", "unverified", "participant", "evaluator_here", "facilitator_here", "moderator_here",
         "moderator_elsewhere", "moderator", "analyst", "editor", "administrator", "superuser"]
MODERATORS = {"moderator_here", "moderator", "editor", "administrator", "superuser"}
EDITORS = {"editor", "administrator", "superuser"}


def user_for(make_user, kind, process):
    role, _, where = kind.partition("_")
    if where in {"here", "elsewhere"}:
        return make_user(role, scope=process if where == "here" else ProcessFactory())
    return make_user(kind)


@pytest.mark.parametrize("kind", KINDS)
def test_who_may_export_and_with_names(make_user, kind):
    process = ProcessFactory()
    user = user_for(make_user, kind, process)
    assert {permission: user.has_perm(permission, process) for permission in PERMISSIONS} == {
        "participation.export_contributions": kind in MODERATORS,
        "participation.export_contributions_with_names": kind in EDITORS,
    }


@pytest.mark.parametrize("published", [True, False], ids=["published", "draft"])
@pytest.mark.parametrize("kind", KINDS)
def test_the_pages_answer_each_role(client, make_user, kind, published):
    process = ProcessFactory(is_published=published)
    user = user_for(make_user, kind, process)
    if kind != "anonymous":
        client.force_login(user)
    readable = published or kind in EDITORS  # a draft is "not found" to anyone else
    if kind == "anonymous":
        staff = 302  # log in first
    elif not readable:
        staff = 404
    else:
        staff = 200 if kind in MODERATORS else 403
    base = f"/en/processes/{process.slug}"
    assert client.get(f"{base}/manage/exports/").status_code == staff
    assert client.get(f"{base}/manage/exports/ideas.csv").status_code == staff
    assert client.get(f"{base}/open-data/contributions.json").status_code == (200 if readable else 404)


def test_a_refused_person_reads_why(client, make_user):
    process = ProcessFactory()
    client.force_login(make_user("moderator", scope=ProcessFactory()))
    response = client.get(f"/en/processes/{process.slug}/manage/exports/")
    assert response.status_code == 403
    assert "Only the moderators and editors of this consultation" in response.content.decode()
