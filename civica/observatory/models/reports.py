"""The sector's diagnosis ("Diagnoza sectorului cultural"): a report for a year, written by the
observatory's analysts from published indicators and their own narrative.

A ``Report`` has a bilingual title, introduction and conclusion (Markdown, shown through the project's
one sanitiser, ``core.markup``) and ordered ``ReportSection`` rows, each with a bilingual narrative and
the indicators it shows (their published series only: charts and tables come from ``selectors``, so the
disclosure control applies to the report as to every page). Its status moves through ``TRANSITIONS``
(``core.transitions.move``): a draft is seen by analysts only; a published report is public, on its page
and as a PDF."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from civica.core.i18n import Bilingual
from civica.core.transitions import Transitions


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", pgettext_lazy("a report", "Published")


REPORT_TRANSITIONS = {
    ReportStatus.DRAFT: {ReportStatus.PUBLISHED: "observatory.publish_report"},
    # Withdrawn to correct it: the public page and PDF are gone until it is published again.
    ReportStatus.PUBLISHED: {ReportStatus.DRAFT: "observatory.publish_report"},
}


class ReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ReportStatus.PUBLISHED)


class Report(Transitions, Bilingual, models.Model):
    TRANSITIONS = REPORT_TRANSITIONS
    STATUS = ReportStatus

    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    introduction_ro = models.TextField(_("introduction (Romanian, Markdown)"), blank=True)
    introduction_en = models.TextField(_("introduction (English, Markdown)"), blank=True)
    conclusion_ro = models.TextField(_("conclusion (Romanian, Markdown)"), blank=True)
    conclusion_en = models.TextField(_("conclusion (English, Markdown)"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Demo content: its narrative is an illustration, not findings; the page says so.
    illustrative = models.BooleanField(_("fictional (demo)"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("diagnosis report")
        verbose_name_plural = _("diagnosis reports")
        ordering = ["-year", "-id"]

    def __str__(self):
        return self.title_ro

    @property
    def is_published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED


class ReportSection(Bilingual, models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections", verbose_name=_("report"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    narrative_ro = models.TextField(_("narrative (Romanian, Markdown)"), blank=True)
    narrative_en = models.TextField(_("narrative (English, Markdown)"), blank=True)
    indicators = models.ManyToManyField("observatory.Indicator", blank=True, related_name="report_sections",
                                        verbose_name=_("indicators shown"))

    class Meta:
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        ordering = ["report", "position", "id"]

    def __str__(self):
        return self.title_ro
