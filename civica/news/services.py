"""Writing news (editors only; every function checks the permission itself).

- ``article_create`` / ``article_update``: the article's texts, image, tags and programme; a new one is a
  draft with a unique slug made from its Romanian title (never one of the list's own addresses).
- ``article_schedule`` (public at a moment to come), ``article_publish`` (public now) and
  ``article_unpublish`` (back to draft): status moves through ``core.transitions.move`` as
  ``models.ARTICLE_TRANSITIONS`` declares them. Publishing keeps a date already past (an article taken
  down for a correction and published again keeps its date); otherwise it is now."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from civica.audit import services as audit
from civica.core import refusals
from civica.core.transitions import move

from .models import Article, ArticleStatus

# Addresses under /news/ that an article's slug must not take.
RESERVED_SLUGS = frozenset({"press", "manage", "feed"})
EDITABLE_FIELDS = frozenset({
    "kind", "title_ro", "title_en", "summary_ro", "summary_en", "body_ro", "body_en", "image", "image_alt_ro",
    "image_alt_en", "programme", "is_fictional",
})


def new_slug(title: str) -> str:
    """A slug for a new article from its title, unique among articles (``-2``, ``-3``… when taken)."""
    base = slugify(title)[:90].strip("-") or "articol"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Article.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _apply(article, fields):
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"not editable here: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(article, name, value.strip() if isinstance(value, str) else value)
    if article.image and not article.image_alt_ro:
        raise ValidationError({"image_alt_ro": _("Describe the image for people who cannot see it.")})


def article_create(*, by, tags=(), **fields) -> Article:
    refusals.check(by, "news.edit_article", None)
    article = Article(author=by if by.is_authenticated else None)
    _apply(article, fields)
    with transaction.atomic():
        article.slug = new_slug(article.title_ro)
        article.full_clean()
        article.save()
        article.tags.set(tags)
    return article


def article_update(*, article, by, tags=None, **fields) -> Article:
    refusals.check(by, "news.edit_article", article)
    _apply(article, fields)
    article.full_clean()
    with transaction.atomic():
        article.save()
        if tags is not None:
            article.tags.set(tags)
        if article.is_visible:  # what the public reads changed
            audit.record(by=by, action="news.article.change", target=article,
                         summary=", ".join(sorted(name for name in fields if name in EDITABLE_FIELDS)))
    return article


def article_schedule(*, article, by, at) -> Article:
    """Public from ``at`` (a moment to come) without anyone's further action."""
    if at <= timezone.now():
        raise ValidationError({"published_at": _("Choose a moment to come, or publish now.")})

    def check(locked):
        if locked.is_visible:  # a scheduled article whose time has come is public already
            raise ValidationError(_("The article is public already: unpublish it first."))

    def record(locked):
        locked.status = ArticleStatus.SCHEDULED
        locked.published_at = at

    with transaction.atomic():
        article = move(article, to=ArticleStatus.SCHEDULED, by=by, check=check, record=record,
                       fields=["status", "published_at"])
        audit.record(by=by, action="news.article.schedule", target=article, summary=f"{at:%Y-%m-%d %H:%M %Z}")
    return article


def article_publish(*, article, by) -> Article:
    def record(locked):
        now = timezone.now()
        locked.status = ArticleStatus.PUBLISHED
        if locked.published_at is None or locked.published_at > now:
            locked.published_at = now

    with transaction.atomic():
        article = move(article, to=ArticleStatus.PUBLISHED, by=by, record=record, fields=["status", "published_at"])
        audit.record(by=by, action="news.article.publish", target=article)
    return article


def article_unpublish(*, article, by) -> Article:
    """Back to draft: no longer public (a scheduled article is not published at its time)."""
    with transaction.atomic():
        article = move(article, to=ArticleStatus.DRAFT, by=by)
        audit.record(by=by, action="news.article.unpublish", target=article)
    return article
