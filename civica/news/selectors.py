"""Reads of the news pages: the public list (filters by kind, tag, programme and year), what those
filters offer (only values some visible article has), the latest articles for the home page, one
article for its page, and the editors' list (drafts and scheduled ones too). Each page costs a fixed
number of queries (tests/test_news_pages.py)."""

from django.db.models import Prefetch

from civica.network.models import Programme

from .models import Article, Tag


def _public():
    return Article.objects.visible().select_related("programme")


def article_list(*, kind=None, tag=None, programme=None, year=None):
    articles = _public()
    if kind:
        articles = articles.filter(kind=kind)
    if tag:
        articles = articles.filter(tags__slug=tag)
    if programme:
        articles = articles.filter(programme__slug=programme)
    if year:
        articles = articles.filter(published_at__year=year)  # the year on the Bucharest clock
    return articles.order_by("-published_at", "-id")


def latest(count=3):
    return list(_public().order_by("-published_at", "-id")[:count])


def filter_choices():
    """Tags, programmes and years that some visible article has (three queries)."""
    visible = Article.objects.visible()
    return {
        "tags": list(Tag.objects.filter(articles__in=visible).distinct().order_by("name_ro", "slug")),
        "programmes": list(Programme.objects.filter(articles__in=visible).distinct().order_by("position", "name_ro")),
        "years": sorted({moment.year for moment in visible.datetimes("published_at", "year")}, reverse=True),
    }


def article_for_page(slug):
    """A visible article with what its page shows, or None."""
    return _article(Article.objects.visible(), slug)


def article_for_editors(pk):
    """Any article, whatever its status, for the editors' screens and preview, or None."""
    return _article(Article.objects.all(), pk=pk)


def _article(queryset, slug=None, pk=None):
    lookup = {"slug": slug} if slug is not None else {"pk": pk}
    return (queryset.filter(**lookup).select_related("programme", "author")
            .prefetch_related(Prefetch("tags", Tag.objects.order_by("name_ro"))).first())


def manage_list():
    """Every article for the editors, the last changed first."""
    return Article.objects.select_related("author").order_by("-updated_at", "-id")


def article_for_editors_by_slug(slug):
    return _article(Article.objects.all(), slug)
