"""The demo's news (from the seeds, loaded twice without changing anything) and what the news holds
about a person (download-my-data; an author deleted leaves the article without one)."""

import pytest
from django.core.management import call_command

from civica.news import demo, personal_data
from civica.news.models import Article, ArticleKind, ArticleStatus
from civica.news.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_demo_news_from_the_seeds():
    call_command("loaddemo", verbosity=0)
    demo.load(lambda message: None)  # loading the news again changes nothing
    pavilion = Article.objects.get(slug="lansarea-pavilionului-ecca-21-octombrie-2021")
    assert pavilion.kind == ArticleKind.PRESS_RELEASE and pavilion.is_fictional and pavilion.programme.slug == "ecca"
    assert pavilion.image and pavilion.image_alt_ro and pavilion.image_alt_en and pavilion.comment_count == 2
    assert "21 octombrie" in pavilion.title_ro
    forum = Article.objects.get(slug="art-well-being-forum-8-10-septembrie-2021")
    assert "8–10 septembrie" in forum.title_ro
    assert Article.objects.filter(slug="ciic-integreaza-divizia-de-inovare-urbana", is_fictional=False).exists()
    assert Article.objects.count() == 7
    assert set(Article.objects.values_list("status", flat=True)) == set(ArticleStatus.values)
    assert Article.objects.visible().count() == 5


def test_personal_data(editor):
    article = ArticleFactory(author=editor)
    assert personal_data.export(editor)["articles_written"][0]["slug"] == article.slug
    personal_data.erase(editor)
    editor.delete()
    article.refresh_from_db()
    assert article.author is None
