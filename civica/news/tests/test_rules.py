"""Truth table of news: every role × each state of an article (published, draft, scheduled for later,
hidden by moderators), for the news permissions and for commenting, reporting and moderating it."""

import datetime

import pytest
from django.utils import timezone

from civica.news.models import ArticleStatus
from civica.news.tests.factories import ArticleFactory

HOUR = datetime.timedelta(hours=1)
pytestmark = pytest.mark.django_db


PERMISSIONS = ["news.read_article", "news.manage_news", "news.edit_article", "news.preview_article",
               "news.publish_article", "news.unpublish_article", "comments.post", "moderation.report",
               "moderation.moderate"]
KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator",
         "editor", "administrator", "superuser"]
STATES = {"published": {}, "draft": {"status": ArticleStatus.DRAFT, "published_at": None},
          "scheduled": {"status": ArticleStatus.SCHEDULED, "published_at": "future"},
          "hidden": {"is_hidden": True}}
EDITORS = {"editor", "administrator", "superuser"}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", KINDS)
def test_permissions(make_user, kind, state):
    fields = dict(STATES[state])
    if fields.get("published_at") == "future":
        fields["published_at"] = timezone.now() + HOUR
    article = ArticleFactory(**fields)
    user = make_user(kind)
    visible = state == "published"
    expected = {
        "news.read_article": visible or kind in EDITORS,
        "news.manage_news": kind in EDITORS,
        "news.edit_article": kind in EDITORS,
        "news.preview_article": kind in EDITORS,
        "news.publish_article": kind in EDITORS,
        "news.unpublish_article": kind in EDITORS,
        # Comments: participants (a verified address) on a visible article.
        "comments.post": visible and kind not in {"anonymous", "inactive", "unverified"},
        "moderation.report": kind not in {"anonymous", "inactive"},
        # An article belongs to no scope: the site's moderators (and editors) decide.
        "moderation.moderate": kind in {"moderator", "editor", "administrator", "superuser"},
    }
    if kind == "superuser":  # Django's backend grants a superuser every permission
        expected = dict.fromkeys(PERMISSIONS, True)
    actual = {permission: user.has_perm(permission, article) for permission in PERMISSIONS}
    assert actual == expected
