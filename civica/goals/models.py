"""A goal: one of the 17 Sustainable Development Goals (``kind`` SDG, ``number`` 1–17) or an EU mission
(the Mission for 100 climate-neutral and smart cities by 2030). The rows are made by a data migration
(``0002_the_goals``), with the UN's Romanian names and the official English ones and colours; the
editors tag things with them, they do not write new goals."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual


class GoalKind(models.TextChoices):
    SDG = "sdg", _("Sustainable Development Goal")
    EU_MISSION = "eu_mission", _("EU mission")


colour_validator = RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Write the colour as in “#E5243B”."))


class Goal(Bilingual, models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True,
                            help_text=_("Stable name in addresses, as in “sdg-11” or “climate-neutral-cities”."))
    kind = models.CharField(_("kind"), max_length=12, choices=GoalKind.choices)
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True,
                                              validators=[MinValueValidator(1), MaxValueValidator(17)])
    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_ro = models.TextField(_("short description (Romanian)"), blank=True)
    description_en = models.TextField(_("short description (English)"), blank=True)
    colour = models.CharField(_("official colour"), max_length=7, validators=[colour_validator])
    url = models.URLField(_("where it is defined"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["position", "id"]
        constraints = [
            # An SDG has its number, a mission none.
            models.CheckConstraint(
                condition=Q(kind="sdg", number__isnull=False) | ~Q(kind="sdg") & Q(number__isnull=True),
                name="goals_goal_number_of_sdg"),
        ]

    def __str__(self):
        return self.name_ro

    def short_label(self) -> str:
        """"SDG 11" (Romanian: "ODD 11"), or the mission's "EU mission"."""
        if self.kind == GoalKind.SDG:
            return gettext("SDG %(number)s") % {"number": self.number}
        return gettext("EU mission")
