"""The site's own pages, written by editors: the centre's About, the CIIC's page, the accessibility
statement and the privacy notice.

A ``Page`` holds its text in both languages (title, a summary used as the meta description, a Markdown
body shown through ``core.markup``) and the ``sections`` it shows from other apps' data (``Section``):
the network's figures (``network.Figure``) and the approved plans with their documents
(``accountability.Plan``). Every save writes a ``PageRevision`` with a snapshot of every field, numbered
per page; ``Page.revision`` is the number of the latest one, which the edit form carries so that a save
based on an older revision is refused (services.py)."""

from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual


class Section(models.TextChoices):
    """What a page shows from data, besides its text: figures after the summary, reports after the body."""

    FIGURES = "figures", _("The network in figures")
    REPORTS = "reports", _("Plans and reports")


# The fields a revision keeps and an editor changes, in the order the history shows them.
CONTENT_FIELDS = ("title_ro", "title_en", "summary_ro", "summary_en", "body_ro", "body_en", "sections")


class PageContent(Bilingual, models.Model):
    """What an editor writes: the page's fields that every revision keeps (``CONTENT_FIELDS``)."""

    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_ro = models.CharField(
        _("summary (Romanian)"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences, shown under the title and to search engines."),
    )
    summary_en = models.CharField(_("summary (English)"), max_length=400, blank=True)
    body_ro = models.TextField(_("text (Romanian, Markdown)"), blank=True)
    body_en = models.TextField(_("text (English, Markdown)"), blank=True)
    sections = models.JSONField(_("sections from data"), default=list, blank=True)

    class Meta:
        abstract = True

    def content(self) -> dict:
        return {name: getattr(self, name) for name in CONTENT_FIELDS}


class Page(PageContent):
    slug = models.SlugField(_("address"), max_length=40, unique=True)
    revision = models.PositiveIntegerField(_("revision"), default=0)
    updated_at = models.DateTimeField(_("last changed"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["slug"]

    def __str__(self):
        return self.title_ro

    def get_absolute_url(self):
        try:
            return reverse(f"pages:{self.slug}")
        except NoReverseMatch:  # a page without a public address of its own
            return reverse("pages:edit", args=[self.slug])

    def shows(self, section: str) -> bool:
        return section in (self.sections or [])


class PageRevision(PageContent):
    """A page as one save left it: every content field, who saved it, when and why."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("page"))
    number = models.PositiveIntegerField(_("number"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="page_revisions",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("saved at"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("page revision")
        verbose_name_plural = _("page revisions")
        ordering = ["page", "-number"]
        constraints = [models.UniqueConstraint(fields=["page", "number"], name="pages_one_revision_number")]

    def __str__(self):
        return f"{self.page.slug} #{self.number}"
