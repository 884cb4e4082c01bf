"""Truth table of the news endpoints: whoever asks reads what a visitor reads; a draft, a scheduled
article not yet due and a hidden one are not found for anyone, editors and moderators included."""

import datetime

import pytest
from django.utils import timezone

from civica.news.models import ArticleStatus
from civica.news.tests.factories import ArticleFactory

KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator",
         "evaluator", "facilitator", "editor", "administrator", "superuser"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_every_caller_reads_what_a_visitor_reads(client, make_user, kind):
    ArticleFactory(slug="publicat")
    ArticleFactory(slug="ciorna", status=ArticleStatus.DRAFT, published_at=None)
    ArticleFactory(slug="programat", status=ArticleStatus.SCHEDULED,
                   published_at=timezone.now() + datetime.timedelta(days=1))
    hidden = ArticleFactory(slug="ascuns", is_hidden=True)
    scope = hidden if kind in {"moderator", "evaluator", "facilitator"} else None
    user = make_user(kind, scope=scope)
    if kind != "anonymous":
        client.force_login(user)
    expected = {"/api/v1/news/": 200, "/api/v1/news/publicat": 200, "/api/v1/news/ciorna": 404,
                "/api/v1/news/programat": 404, "/api/v1/news/ascuns": 404}
    for path, status in expected.items():
        assert client.get(path).status_code == status, (kind, path)
    assert [row["slug"] for row in client.get("/api/v1/news/").json()["results"]] == ["publicat"]
