from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual


class Category(models.TextChoices):
    """The kinds of member the Cluj Cultural Centre names (seeds/001)."""

    CULTURAL_INSTITUTION = "cultural_institution", _("Cultural institution or organisation")
    UNIVERSITY = "university", _("University")
    CIVIL_SOCIETY = "civil_society", _("Civil-society association")
    BUSINESS_ASSOCIATION = "business_association", _("Business association")
    PUBLIC_ADMINISTRATION = "public_administration", _("Local or county administration")


class Relationship(models.TextChoices):
    HOST = "host", _("Runs this platform")
    MEMBER = "member", _("Member")
    PARTNER = "partner", _("Partner")


class OrganisationQuerySet(models.QuerySet):
    def members(self):
        return self.filter(relationship=Relationship.MEMBER)

    def hosts(self):
        """The organisation(s) running this platform (the Cluj Cultural Centre in the demo)."""
        return self.filter(relationship=Relationship.HOST)


class Organisation(Bilingual, models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices)
    relationship = models.CharField(
        _("relationship to the centre"), max_length=16, choices=Relationship.choices, default=Relationship.PARTNER
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    description_ro = models.TextField(_("description (Romanian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Programme(Bilingual, models.Model):
    """A programme of the centre (Academia Schimbării, Arta în Joacă, …)."""

    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("run by")
    )
    websites = models.JSONField(_("websites"), default=list, blank=True)
    summary_ro = models.TextField(_("summary (Romanian)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["position", "name_ro"]

    def __str__(self):
        return self.name_ro
