import datetime

import factory
from django.utils import timezone

from civica.news.models import Article, ArticleKind, ArticleStatus, Tag


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    slug = factory.Sequence(lambda n: f"eticheta-{n}")
    name_ro = factory.Sequence(lambda n: f"Eticheta {n}")
    name_en = factory.Sequence(lambda n: f"Tag {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article (an hour ago); ``status=ArticleStatus.DRAFT, published_at=None`` for a draft."""

    class Meta:
        model = Article

    slug = factory.Sequence(lambda n: f"articol-{n}")
    kind = ArticleKind.NEWS
    status = ArticleStatus.PUBLISHED
    title_ro = factory.Sequence(lambda n: f"Știrea {n}")
    title_en = factory.Sequence(lambda n: f"News item {n}")
    summary_ro = "Rezumatul știrii."
    summary_en = "The summary."
    body_ro = "Textul **știrii**."
    body_en = "The **text**."
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
