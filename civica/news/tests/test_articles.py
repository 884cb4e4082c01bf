"""Articles: what is visible when (draft, scheduled before and after its time, published, hidden), and
the services (slugs, image description, every status move and its refusals). The truth table is
test_rules.py."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from civica.core.transitions import MoveNotPossible
from civica.news import services
from civica.news.models import Article, ArticleKind, ArticleStatus
from civica.news.tests.factories import ArticleFactory, TagFactory

HOUR = datetime.timedelta(hours=1)
pytestmark = pytest.mark.django_db


def test_visible_is_published_or_scheduled_whose_time_has_come_and_not_hidden():
    now = timezone.now()
    published = ArticleFactory()
    due = ArticleFactory(status=ArticleStatus.SCHEDULED, published_at=now - HOUR)
    ArticleFactory(status=ArticleStatus.SCHEDULED, published_at=now + HOUR)
    ArticleFactory(status=ArticleStatus.DRAFT, published_at=None)
    ArticleFactory(is_hidden=True)
    assert set(Article.objects.visible()) == {published, due}
    assert published.is_visible and due.is_visible


def test_a_published_article_needs_a_date():
    with pytest.raises(ValidationError):
        Article(slug="x", title_ro="x", summary_ro="x", status=ArticleStatus.PUBLISHED).full_clean()


def test_create_makes_a_draft_with_a_unique_slug_and_its_author(editor):
    tag = TagFactory()
    first = services.article_create(by=editor, title_ro="Lansarea pavilionului", summary_ro="Rezumat", tags=[tag])
    second = services.article_create(by=editor, title_ro="Lansarea pavilionului", summary_ro="Rezumat")
    press = services.article_create(by=editor, title_ro="Press", summary_ro="Rezumat",
                                    kind=ArticleKind.PRESS_RELEASE)
    assert (first.slug, second.slug) == ("lansarea-pavilionului", "lansarea-pavilionului-2")
    assert press.slug == "press-2"  # /news/press/ is the list of press releases
    assert first.status == ArticleStatus.DRAFT and first.author == editor and list(first.tags.all()) == [tag]
    assert not Article.objects.visible().exists()


def test_only_editors_write(participant):
    with pytest.raises(PermissionDenied):
        services.article_create(by=participant, title_ro="Titlu", summary_ro="Rezumat")
    article = ArticleFactory()
    with pytest.raises(PermissionDenied):
        services.article_update(article=article, by=participant, title_ro="Altul")
    with pytest.raises(PermissionDenied):
        services.article_unpublish(article=article, by=participant)


def test_an_image_needs_its_description(editor):
    article = ArticleFactory(status=ArticleStatus.DRAFT, published_at=None)
    with pytest.raises(ValidationError) as refused:
        services.article_update(article=article, by=editor, image="images/news/x.png", image_alt_ro="")
    assert "image_alt_ro" in refused.value.message_dict


def test_publish_schedule_unpublish(editor):
    article = services.article_create(by=editor, title_ro="Titlu", summary_ro="Rezumat")
    with pytest.raises(ValidationError):
        services.article_schedule(article=article, by=editor, at=timezone.now() - HOUR)
    later = timezone.now() + 2 * HOUR
    article = services.article_schedule(article=article, by=editor, at=later)
    assert (article.status, article.published_at) == (ArticleStatus.SCHEDULED, later)
    assert not article.is_visible
    article = services.article_publish(article=article, by=editor)
    assert article.status == ArticleStatus.PUBLISHED and article.published_at <= timezone.now()
    published_at = article.published_at
    article = services.article_unpublish(article=article, by=editor)
    assert article.status == ArticleStatus.DRAFT and not Article.objects.visible().exists()
    with pytest.raises(MoveNotPossible):
        services.article_unpublish(article=article, by=editor)
    # Published again after a correction: it keeps its date.
    article = services.article_publish(article=article, by=editor)
    assert article.published_at == published_at
    services.article_update(article=article, by=editor, title_ro="Titlu corectat")
    # Each change of what the public reads is in the audit log, by whom; a refused move left nothing.
    from civica.audit.models import AuditEntry

    entries = AuditEntry.objects.for_object(article).order_by("id")
    assert [entry.action.rpartition(".")[2] for entry in entries] == [
        "schedule", "publish", "unpublish", "publish", "change"]
    assert {entry.actor for entry in entries} == {editor} and entries.last().summary == "title_ro"


def test_a_published_article_cannot_be_scheduled(editor):
    article = ArticleFactory()
    with pytest.raises(MoveNotPossible):
        services.article_schedule(article=article, by=editor, at=timezone.now() + HOUR)


def test_a_scheduled_article_whose_time_has_come_is_not_scheduled_again(editor):
    article = ArticleFactory(status=ArticleStatus.SCHEDULED, published_at=timezone.now() - HOUR)
    with pytest.raises(ValidationError):
        services.article_schedule(article=article, by=editor, at=timezone.now() + HOUR)
    assert services.article_unpublish(article=article, by=editor).status == ArticleStatus.DRAFT
