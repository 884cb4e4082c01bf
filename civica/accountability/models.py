"""Plans and their contents.

A ``Plan`` (annual or multi-year; draft, or approved by a body on a date) has ``Area``s with ordered
``Priority``s (each with its year-end ``level`` on the four-level scale and a narrative), programme
``Objective``s and ``Activity``s (period as written and, where periods.py can read it, as dates; project,
responsible person, status, progress; the ideas it implements, so an idea's page shows what became of
it), ``ProgressUpdate``s, ``Indicator``s (KPIs with dated ``IndicatorValue``s) and a budget of
``BudgetGroup``s (subtotal as stated) and ``BudgetLine``s (budgeted and executed)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from civica.core.i18n import Bilingual
from civica.core.transitions import Transitions


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", pgettext_lazy("a plan", "Published")


# A plan past its draft: approved by the General Assembly, published or not yet; changes to it are revisions.
ADOPTED = (PlanStatus.APPROVED, PlanStatus.PUBLISHED)

PLAN_TRANSITIONS = {
    PlanStatus.DRAFT: {PlanStatus.APPROVED: "accountability.manage_plan"},
    # Back to a draft when the approval was recorded by mistake; a published plan stays published.
    PlanStatus.APPROVED: {PlanStatus.PUBLISHED: "accountability.manage_plan",
                          PlanStatus.DRAFT: "accountability.manage_plan"},
}


class Plan(Transitions, Bilingual, models.Model):
    """An annual plan (or a multi-year strategy) of an organisation: a draft, approved by the General
    Assembly on a date, then published (``TRANSITIONS``)."""

    TRANSITIONS = PLAN_TRANSITIONS
    STATUS = PlanStatus

    organisation = models.ForeignKey("network.Organisation", on_delete=models.PROTECT, related_name="plans",
                                     verbose_name=_("organisation"))
    year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"),
                                                help_text=_("The same as the first for an annual plan."))
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    introduction_ro = models.TextField(_("introduction (Romanian, Markdown)"), blank=True)
    introduction_en = models.TextField(_("introduction (English, Markdown)"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    approved_by = models.CharField(_("approved by"), max_length=200, blank=True,
                                   help_text=_("The body that approved it, e.g. the General Assembly of Members."))
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    revised_at = models.DateTimeField(_("last revised"), null=True, blank=True)
    # Totals as written in the source document, checked against the sum of the lines.
    stated_income_total = models.DecimalField(_("total income as stated (lei)"), max_digits=14, decimal_places=2,
                                              null=True, blank=True)
    stated_expense_total = models.DecimalField(_("total expenses as stated (lei)"), max_digits=14,
                                               decimal_places=2, null=True, blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=0)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Kept by the comments app's services: residents discuss a plan on its page.
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)
    # When anything its pages or its document show last changed (versions.py): the version of what is
    # rendered once and kept (the pages' parts, the PDF).
    changed_at = models.DateTimeField(_("content changed"), default=timezone.now, editable=False)
    history = HistoricalRecords(excluded_fields=["comment_count", "revision", "revised_at", "changed_at"])

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-year", "-end_year"]
        constraints = [models.UniqueConstraint(fields=["organisation", "year", "end_year"],
                                               name="accountability_one_plan_per_period")]

    def __str__(self):
        return self.title_ro

    def get_absolute_url(self):
        return reverse("accountability:plan", args=[self.slug])

    @property
    def slug(self) -> str:
        return str(self.year) if self.year == self.end_year else f"{self.year}-{self.end_year}"


class Area(Bilingual, models.Model):
    """An area of the plan: Program, Management, Financial-administrative, …"""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="areas", verbose_name=_("plan"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name_ro = models.CharField(_("name (Romanian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["position", "id"]

    def __str__(self):
        return self.name_ro


class Level(models.TextChoices):
    """The four-level scale of the centre's assessments (seeds/000)."""

    SMALL = "small", _("to a small extent")
    PARTLY = "partly", _("partly")
    LARGE = "large", _("to a large extent")
    FULLY = "fully", _("fully")


LEVEL_SYMBOLS = {Level.SMALL: "◔", Level.PARTLY: "◑", Level.LARGE: "◕", Level.FULLY: "●"}


class Priority(Bilingual, models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="priorities", verbose_name=_("area"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text_ro = models.TextField(_("priority (Romanian)"))
    text_en = models.TextField(_("priority (English)"), blank=True)
    # The year-end assessment (PROPUS / REALIZAT).
    level = models.CharField(_("achieved"), max_length=8, choices=Level.choices, blank=True)
    narrative_ro = models.TextField(_("assessment (Romanian)"), blank=True)
    narrative_en = models.TextField(_("assessment (English)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        ordering = ["position", "id"]

    def __str__(self):
        return self.text_ro[:80]


class Objective(Bilingual, models.Model):
    """A programme's objective for the plan's year."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives", verbose_name=_("plan"))
    programme = models.ForeignKey("network.Programme", on_delete=models.CASCADE, related_name="objectives",
                                  verbose_name=_("programme"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text_ro = models.TextField(_("objective (Romanian)"))
    text_en = models.TextField(_("objective (English)"), blank=True)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["programme__position", "position", "id"]

    def __str__(self):
        return self.text_ro[:80]


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Activity(Bilingual, models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities", verbose_name=_("plan"))
    programme = models.ForeignKey("network.Programme", on_delete=models.PROTECT, related_name="activities",
                                  verbose_name=_("programme"))
    # What the activity serves, when an editor links it: progress then rolls up to the objective
    # and to the priority's area.
    objective = models.ForeignKey(Objective, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="activities", verbose_name=_("objective"))
    priority = models.ForeignKey(Priority, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="activities", verbose_name=_("priority"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    section_ro = models.CharField(_("group (Romanian)"), max_length=200, blank=True,
                                  help_text=_("A heading some programmes group their activities under."))
    section_en = models.CharField(_("group (English)"), max_length=200, blank=True)
    title_ro = models.TextField(_("activity (Romanian)"))
    title_en = models.TextField(_("activity (English)"), blank=True)
    project = models.CharField(_("project"), max_length=120, blank=True,
                               help_text=_("The project it belongs to, e.g. Studiotopia, Learning Qub."))
    # The Sustainable Development Goals and the EU mission it serves (issue 19, point 5).
    goals = models.ManyToManyField("goals.Goal", blank=True, related_name="activities", verbose_name=_("goals"))
    period_text = models.CharField(_("implementation period, as written"), max_length=300, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    responsible = models.CharField(_("responsible person"), max_length=120, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ActivityStatus.choices,
                              default=ActivityStatus.PLANNED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0,
                                                validators=[MinValueValidator(0), MaxValueValidator(100)])
    implements_ideas = models.ManyToManyField("participation.Idea", blank=True, related_name="activities",
                                              verbose_name=_("ideas it implements"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["programme__position", "position", "id"]

    def __str__(self):
        return self.title_ro[:80]


class ProgressUpdate(Bilingual, models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="updates",
                                 verbose_name=_("activity"))
    date = models.DateField(_("date"), default=timezone.localdate)
    progress = models.PositiveSmallIntegerField(_("progress (%)"),
                                                validators=[MinValueValidator(0), MaxValueValidator(100)])
    note_ro = models.TextField(_("note (Romanian)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    attachment = models.FileField(_("attachment (PDF)"), upload_to="accountability/updates/", blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("posted by"))
    illustrative = models.BooleanField(_("illustrative (demo)"), default=False)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-date", "-id"]


class Indicator(Bilingual, models.Model):
    """A KPI: a named indicator with a unit and a target for the plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("plan"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    unit_ro = models.CharField(_("unit (Romanian)"), max_length=60)
    unit_en = models.CharField(_("unit (English)"), max_length=60, blank=True)
    unit_one_ro = models.CharField(_("unit for one (Romanian)"), max_length=60, blank=True,
                                   help_text=_("The singular, as in “1 campanie”; empty: the same as the unit."))
    unit_one_en = models.CharField(_("unit for one (English)"), max_length=60, blank=True,
                                   help_text=_("The singular, as in “1 campaign”; empty: the same as the unit."))
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    text_ro = models.CharField(_("target as written (Romanian)"), max_length=300, blank=True)
    live_source = models.CharField(_("live source"), max_length=60, blank=True, help_text=_(
        "The name of a count the platform keeps (e.g. newsletter.confirmed_subscribers): the latest value is "
        "read from it at the end of the plan's period instead of being typed in."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "id"]

    def __str__(self):
        return self.name_ro


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    illustrative = models.BooleanField(_("illustrative (demo)"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("actual value")
        verbose_name_plural = _("actual values")
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d}: {self.value}"


class BudgetKind(models.TextChoices):
    INCOME = "income", _("Income")
    EXPENSE = "expense", _("Expenses")


class BudgetGroup(Bilingual, models.Model):
    """A category of the budget (membership dues, corporate, grants…), with its subtotal as stated."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="budget_groups", verbose_name=_("plan"))
    kind = models.CharField(_("income or expenses"), max_length=8, choices=BudgetKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name_ro = models.CharField(_("category (Romanian)"), max_length=120)
    name_en = models.CharField(_("category (English)"), max_length=120, blank=True)
    stated_total = models.DecimalField(_("subtotal as stated (lei)"), max_digits=14, decimal_places=2,
                                       null=True, blank=True)

    class Meta:
        verbose_name = _("budget category")
        verbose_name_plural = _("budget categories")
        ordering = ["kind", "position", "id"]

    def __str__(self):
        return self.name_ro


class BudgetLine(Bilingual, models.Model):
    group = models.ForeignKey(BudgetGroup, on_delete=models.CASCADE, related_name="lines",
                              verbose_name=_("category"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label_ro = models.CharField(_("line (Romanian)"), max_length=200)
    label_en = models.CharField(_("line (English)"), max_length=200, blank=True)
    amount = models.DecimalField(_("budgeted (lei)"), max_digits=14, decimal_places=2)
    executed = models.DecimalField(_("executed (lei)"), max_digits=14, decimal_places=2, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["position", "id"]

    def __str__(self):
        return self.label_ro
