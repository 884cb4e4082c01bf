"""News articles and press releases.

- ``Article``: bilingual title, summary and Markdown body (shown through ``core.markup``), an image with
  its description in both languages (renditions through ``core.uploads.keep_public_images``), tags, an
  optional programme, its author, ``published_at`` and a ``is_fictional`` flag the page shows for
  invented demo text. ``kind`` tells news from press releases (a press release is a kind of news).
- Status: draft → scheduled or published, and back to draft, declared in ``TRANSITIONS`` and moved by
  ``core.transitions.move`` (services). A scheduled article becomes public by itself once its
  ``published_at`` has passed: ``Article.objects.visible()`` is a query filter, no job runs (a page
  kept by core's page cache shows it at the latest ``PAGE_CACHE_SECONDS`` later).
- Articles take comments (the comments app's registry) and can be reported and hidden like ideas
  (``is_hidden``, the moderation app's registry); both registrations are in ``rules.py``.
- ``Tag``: a bilingual label editors attach to articles, filtered by its slug on the list."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual
from civica.core.transitions import Transitions
from civica.core.uploads import RandomName


class ArticleKind(models.TextChoices):
    NEWS = "news", _("News")
    PRESS_RELEASE = "press_release", _("Press release")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")


# {from: {to: permission}}: how an article's status changes (services.article_schedule, article_publish
# and article_unpublish, through ``core.transitions.move``).
ARTICLE_TRANSITIONS = {
    ArticleStatus.DRAFT: {ArticleStatus.SCHEDULED: "news.publish_article",
                          ArticleStatus.PUBLISHED: "news.publish_article"},
    ArticleStatus.SCHEDULED: {ArticleStatus.SCHEDULED: "news.publish_article",
                              ArticleStatus.PUBLISHED: "news.publish_article",
                              ArticleStatus.DRAFT: "news.unpublish_article"},
    ArticleStatus.PUBLISHED: {ArticleStatus.DRAFT: "news.unpublish_article"},
}


class Tag(Bilingual, models.Model):
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    name_ro = models.CharField(_("name (Romanian)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")
        ordering = ["name_ro", "slug"]

    def __str__(self):
        return self.name_ro


class ArticleQuerySet(models.QuerySet):
    def visible(self, now=None):
        """What anyone may read: published or scheduled, its time come, not hidden by moderators."""
        return self.filter(status__in=[ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED],
                           published_at__lte=now or timezone.now(), is_hidden=False)


class Article(Transitions, Bilingual, models.Model):
    TRANSITIONS = ARTICLE_TRANSITIONS
    STATUS = ArticleStatus

    kind = models.CharField(_("kind"), max_length=16, choices=ArticleKind.choices, default=ArticleKind.NEWS)
    status = models.CharField(_("status"), max_length=10, choices=ArticleStatus.choices,
                              default=ArticleStatus.DRAFT, editable=False)
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_ro = models.TextField(_("summary (Romanian)"), max_length=600)
    summary_en = models.TextField(_("summary (English)"), max_length=600, blank=True)
    body_ro = models.TextField(_("text (Romanian, Markdown)"), blank=True)
    body_en = models.TextField(_("text (English, Markdown)"), blank=True)
    image = models.ImageField(_("image"), upload_to=RandomName("images/news"), blank=True,
                              help_text=_("JPEG, PNG or WebP, at most 5 MB. Smaller copies are made for phones."))
    image_alt_ro = models.CharField(_("image description (Romanian)"), max_length=200, blank=True,
                                    help_text=_("What the image shows, for people who cannot see it."))
    image_alt_en = models.CharField(_("image description (English)"), max_length=200, blank=True)
    # The original's size, filled when its renditions are drawn (core.uploads.keep_renditions).
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    programme = models.ForeignKey("network.Programme", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="articles", verbose_name=_("programme"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="articles", verbose_name=_("author"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    is_fictional = models.BooleanField(
        _("fictional text"), default=False,
        help_text=_("The text is invented (demonstration data): the page says so."))
    is_hidden = models.BooleanField(_("hidden by moderators"), default=False, editable=False)
    # Kept by the comments app's services.
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "published_at"], name="news_article_visible")]
        constraints = [
            models.CheckConstraint(condition=Q(status="draft") | Q(published_at__isnull=False),
                                   name="news_published_has_date"),
        ]

    def __str__(self):
        return self.title_ro

    def get_absolute_url(self):
        return reverse("news:detail", args=[self.slug])

    @property
    def is_visible(self) -> bool:
        return (self.status in (ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED) and not self.is_hidden
                and self.published_at is not None and self.published_at <= timezone.now())

    def shown_status(self) -> str:
        """For the editors' list: a scheduled article whose time has come reads as published."""
        if self.status == ArticleStatus.SCHEDULED and self.published_at and self.published_at <= timezone.now():
            return str(ArticleStatus.PUBLISHED.label)
        return self.status_label()
