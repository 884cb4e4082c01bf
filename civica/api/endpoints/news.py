"""News articles and press releases, as the news pages show them to a visitor (issue 20, point 1).

Only visible articles are read (published, or scheduled and their time come, not hidden by moderators):
the lookups are the pages' own (``news.selectors``), so a draft, a scheduled article not yet due and a
hidden one are not found here either. The list offers the page's filters (kind, tag, programme, year)."""

import datetime
from typing import Literal

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.http import http_date
from ninja import Field, Query, Router, Schema

from civica.news import selectors
from civica.news.models import ArticleKind

from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, keyset_page
from ..shapes import absolute, next_url

router = Router(tags=["news"])

ArticleKindName = Literal[tuple(ArticleKind.values)]
SLUG = r"^[-a-zA-Z0-9_]+$"


class Named(Schema):
    slug: str
    name: str


class ArticleOut(Schema):
    slug: str
    kind: str
    kind_label: str
    title: str
    summary: str
    published_at: datetime.datetime
    programme: Named | None
    tags: list[Named]
    is_fictional: bool = Field(description="The text is invented for the demonstration; the page says so.")
    comments: int
    url: str = Field(description="The article's page in the answer's language.")


class ArticleDetailOut(ArticleOut):
    body: str = Field(description="The text, in Markdown, as the page renders it.")
    author: str | None = Field(description="The public name of who wrote it, when the page shows one.")


class ArticlePage(Schema):
    results: list[ArticleOut]
    next: str | None = Field(description="The next page's address, or null on the last page.")


def _named(item) -> dict:
    return {"slug": item.slug, "name": item.translated("name")}


def _article(request, article) -> dict:
    return {
        "slug": article.slug, "kind": article.kind, "kind_label": str(ArticleKind(article.kind).label),
        "title": article.translated("title"), "summary": article.translated("summary"),
        "published_at": article.published_at,
        "programme": _named(article.programme) if article.programme else None,
        "tags": [_named(tag) for tag in article.tags.all()], "is_fictional": article.is_fictional,
        "comments": article.comment_count,
        "url": absolute(request, reverse("news:detail", args=[article.slug])),
    }


class ArticleFilters(Schema):
    kind: ArticleKindName | None = Field(None, description="News or press releases only.")
    tag: str | None = Field(None, max_length=60, pattern=SLUG, description="A tag's short name.")
    programme: str | None = Field(None, max_length=100, pattern=SLUG, description="A programme's short name.")
    year: int | None = Field(None, ge=1900, le=2999, description="Published that year (Bucharest time).")
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


@router.get("", response=ArticlePage, url_name="article_list", summary="Published articles")
def article_list(request, filters: Query[ArticleFilters]):
    """The newest first, as the news page lists them, with its filters."""
    articles = selectors.article_list(kind=filters.kind, tag=filters.tag, programme=filters.programme,
                                      year=filters.year).prefetch_related("tags")
    page = keyset_page(articles, ordering=("-published_at", "-id"),
                       list_key=f"news:{filters.kind}:{filters.tag}:{filters.programme}:{filters.year}",
                       cursor=filters.cursor, size=filters.page_size)
    return {"results": [_article(request, article) for article in page.rows],
            "next": next_url(request, page.next_cursor)}


@router.get("/{slug}", response=ArticleDetailOut, url_name="article_detail", summary="One article")
def article_detail(request, slug: str, response: HttpResponse):
    article = selectors.article_for_page(slug)
    if article is None:
        raise Http404
    response["Last-Modified"] = http_date(article.updated_at.timestamp())
    return {**_article(request, article), "body": article.translated("body"),
            "author": article.author.public_name if article.author else None}
