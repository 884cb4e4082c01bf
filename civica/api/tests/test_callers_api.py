"""Truth table of the API's endpoints: they read as a visitor whoever asks (issue 20: "never a field the
page would not show to that caller"), so a signed-in session, of any role, scoped roles included, sees
what a visitor sees and no more: a draft consultation and a hidden idea are not found for anyone, even
for the editors and moderators who see them on the pages. Personal reads come with tokens."""

import pytest

from civica.participation.tests.factories import IdeaFactory, ProcessFactory

KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator",
         "evaluator", "facilitator", "editor", "administrator", "superuser"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_every_caller_reads_what_a_visitor_reads(client, make_user, kind):
    published = ProcessFactory(slug="publicata")
    draft = ProcessFactory(slug="ciorna", is_published=False)
    shown = IdeaFactory(process=published)
    hidden = IdeaFactory(process=published, is_hidden=True)
    scope = published if kind in {"moderator", "evaluator", "facilitator"} else None
    user = make_user(kind, scope=scope)
    if kind != "anonymous":
        client.force_login(user)
    expected = {
        "/api/v1/processes/": 200,
        "/api/v1/processes/publicata": 200,
        "/api/v1/processes/publicata/ideas": 200,
        f"/api/v1/processes/publicata/ideas/{shown.pk}": 200,
        f"/api/v1/processes/publicata/ideas/{hidden.pk}": 404,
        "/api/v1/processes/ciorna": 404,
        "/api/v1/processes/ciorna/ideas": 404,
    }
    for path, status in expected.items():
        assert client.get(path).status_code == status, (kind, path)
    assert [row["slug"] for row in client.get("/api/v1/processes/").json()["results"]] == ["publicata"]
    assert [row["id"] for row in client.get("/api/v1/processes/publicata/ideas").json()["results"]] == [shown.pk]
    assert draft.pk
