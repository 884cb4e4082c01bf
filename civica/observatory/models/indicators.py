"""Indicators and their values.

An ``Indicator`` belongs to a framework (UNESCO Culture|2030, the Cultural and Creative Cities Monitor,
MESOC, the centre's own) and one of its dimensions. Its values are a time series by year, for the whole
city or broken down (an area of the city, a cultural domain, an organisation category, an age group).

An ``IndicatorValue`` is either a **stated** value (no organisation: typed by an analyst, imported, or
computed from Civica's own data) or **one organisation's** value (``organisation`` set: an accepted
answer to a collection campaign). One organisation's value is never published as it is: what is
published of those is an aggregate over at least ``CIVICA_OBSERVATORY_MIN_ORGANISATIONS`` organisations
(``disclosure``)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual


class Framework(Bilingual, models.Model):
    """A set of indicators defined together: UNESCO Culture|2030, the Cities Monitor, MESOC, the centre's own."""

    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_ro = models.TextField(_("description (Romanian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    url = models.URLField(_("where it is defined"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("framework of indicators")
        verbose_name_plural = _("frameworks of indicators")
        ordering = ["position", "id"]

    def __str__(self):
        return self.name_ro


class Dimension(Bilingual, models.Model):
    """A dimension of a framework (Culture|2030's "Inclusion & participation"), the theme of a dashboard."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="dimensions",
                                  verbose_name=_("framework"))
    slug = models.SlugField(_("short name in addresses"), max_length=60)
    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_ro = models.TextField(_("description (Romanian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["framework__position", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["framework", "slug"], name="observatory_dimension_slug")]

    def __str__(self):
        return self.name_ro


class Unit(models.TextChoices):
    COUNT = "count", _("Number")
    PERCENT = "percent", _("Percentage")
    LEI = "lei", _("Lei")
    PER_THOUSAND = "per_thousand", _("Per 1,000 inhabitants")
    SCORE = "score", _("Score")


class Frequency(models.TextChoices):
    ANNUAL = "annual", _("Every year")
    BIENNIAL = "biennial", _("Every two years")
    ONE_OFF = "one_off", _("Once")


class Aggregation(models.TextChoices):
    """How organisations' values make the sector's figure."""

    SUM = "sum", _("Sum over the organisations")
    MEDIAN = "median", _("Median of the organisations")
    MEAN = "mean", _("Mean of the organisations")


class Breakdown(models.TextChoices):
    TOTAL = "", _("Whole city")
    AREA = "area", _("Area of the city")
    DOMAIN = "domain", _("Cultural domain")
    CATEGORY = "category", _("Organisation category")
    AGE = "age", _("Age group")


class CulturalDomain(models.TextChoices):
    """The domains of a breakdown by domain (after the ESSnet-Culture domains)."""

    HERITAGE = "heritage", _("Heritage")
    ARCHIVES_LIBRARIES = "archives_libraries", _("Archives and libraries")
    BOOKS_PRESS = "books_press", _("Books and press")
    VISUAL_ARTS = "visual_arts", _("Visual arts")
    PERFORMING_ARTS = "performing_arts", _("Performing arts")
    AUDIOVISUAL = "audiovisual", _("Audiovisual and multimedia")
    ARCHITECTURE = "architecture", _("Architecture")
    ADVERTISING_DESIGN = "advertising_design", _("Advertising and design")
    ART_CRAFTS = "art_crafts", _("Art crafts")


# The age groups of a breakdown by age (the National Institute of Statistics' groups).
AGE_GROUPS = ("0-14", "15-24", "25-44", "45-64", "65+")


class ValueStatus(models.TextChoices):
    PROVISIONAL = "provisional", _("Provisional")
    FINAL = "final", _("Final")


class ValueOrigin(models.TextChoices):
    TYPED = "typed", _("Typed in by an analyst")
    IMPORTED = "imported", _("Imported from a file")
    COMPUTED = "computed", _("Counted by the platform")
    CAMPAIGN = "campaign", _("Answer to a data collection")


sdg_targets_validator = RegexValidator(
    r"^(\d{1,2}\.[0-9a-z]{1,2})(, ?\d{1,2}\.[0-9a-z]{1,2})*$",
    _("Write the targets as in “11.4, 4.7”: goal, dot, target, separated by commas."))


class IndicatorQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Indicator(Bilingual, models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True,
                            help_text=_("Stable name in exports and addresses, as in “c2030-15”."))
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="indicators",
                                  verbose_name=_("framework"))
    dimension = models.ForeignKey(Dimension, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="indicators", verbose_name=_("dimension"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    definition_ro = models.TextField(_("definition (Romanian)"))
    definition_en = models.TextField(_("definition (English)"), blank=True)
    methodology_ro = models.TextField(_("methodology (Romanian)"), blank=True)
    methodology_en = models.TextField(_("methodology (English)"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True,
                              help_text=_("Where the values come from (an institute, a survey, the platform)."))
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices)
    decimals = models.PositiveSmallIntegerField(_("decimals shown"), default=0)
    minimum = models.DecimalField(_("smallest possible value"), max_digits=18, decimal_places=4, null=True,
                                  blank=True)
    maximum = models.DecimalField(_("largest possible value"), max_digits=18, decimal_places=4, null=True,
                                  blank=True)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices,
                                 default=Frequency.ANNUAL)
    aggregation = models.CharField(_("sector's figure from organisations"), max_length=8,
                                   choices=Aggregation.choices, default=Aggregation.SUM)
    # The breakdowns its values may have, beside the whole city: a list of ``Breakdown`` values.
    breakdowns = models.JSONField(_("breakdowns"), default=list, blank=True)
    sdg_targets = models.CharField(_("Sustainable Development Goal targets"), max_length=200, blank=True,
                                   validators=[sdg_targets_validator])
    # The key of a count Civica keeps (``computed``): its values are counted, not typed.
    computed_from = models.CharField(_("counted by the platform from"), max_length=60, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    # Demo content written for the demo, not the seeds' facts: shown as fictional.
    illustrative = models.BooleanField(_("fictional (demo)"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["framework__position", "position", "id"]

    def __str__(self):
        return f"{self.code} {self.name_ro}"

    def clean(self):
        if self.dimension_id and self.dimension.framework_id != self.framework_id:
            raise ValidationError({"dimension": _("The dimension belongs to another framework.")})
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValidationError({"maximum": _("The largest value is smaller than the smallest.")})
        unknown = set(self.breakdowns or ()) - {value for value in Breakdown.values if value}
        if unknown:
            raise ValidationError({"breakdowns": _("Unknown breakdown: %(names)s.")
                                   % {"names": ", ".join(sorted(unknown))}})


class IndicatorValueQuerySet(models.QuerySet):
    def stated(self):
        """The city's or a breakdown's values as stated (typed, imported or counted): publishable as they are."""
        return self.filter(organisation__isnull=True)

    def of_organisations(self):
        """Organisations' own values: published only as aggregates (``disclosure``)."""
        return self.filter(organisation__isnull=False)


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values",
                                  verbose_name=_("indicator"))
    year = models.PositiveSmallIntegerField(_("year"))
    breakdown = models.CharField(_("breakdown"), max_length=10, choices=Breakdown.choices, blank=True,
                                 default=Breakdown.TOTAL)
    # The breakdown's group: an area's name, a ``CulturalDomain``, a ``network.Category``, an ``AGE_GROUPS``
    # item; empty for the whole city.
    group = models.CharField(_("group"), max_length=60, blank=True)
    organisation = models.ForeignKey("network.Organisation", null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="observatory_values", verbose_name=_("organisation"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    status = models.CharField(_("status"), max_length=12, choices=ValueStatus.choices,
                              default=ValueStatus.PROVISIONAL)
    origin = models.CharField(_("origin"), max_length=10, choices=ValueOrigin.choices, default=ValueOrigin.TYPED)
    source = models.CharField(_("source"), max_length=300, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    illustrative = models.BooleanField(_("fictional (demo)"), default=False)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("entered by"))
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = IndicatorValueQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "year", "breakdown", "group"]
        constraints = [
            # One stated value per year and group, and one per organisation.
            models.UniqueConstraint(fields=["indicator", "year", "breakdown", "group"],
                                    condition=Q(organisation__isnull=True), name="observatory_value_stated"),
            models.UniqueConstraint(fields=["indicator", "year", "breakdown", "group", "organisation"],
                                    condition=Q(organisation__isnull=False),
                                    name="observatory_value_of_organisation"),
            models.CheckConstraint(condition=Q(breakdown="", group="") | ~Q(breakdown="") & ~Q(group=""),
                                   name="observatory_value_group_with_breakdown"),
        ]
        indexes = [models.Index(fields=["organisation", "indicator", "year"], name="observatory_value_org")]

    def __str__(self):
        return f"{self.indicator.code} {self.year}: {self.value}"
