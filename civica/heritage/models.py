"""România Remarcabilă's heritage inventory (issue 23, point 2): "Repertorierea patrimoniului localităților
din rețea – fișe de localitate / documentare (meșteri și producători locali, obiective de patrimoniu etc.)"
(seed 000).

- ``Locality``: a commune or village of the network with its sheet (fișa de localitate): county, commune,
  coordinates, history, what makes it remarkable, public contacts.
- ``HeritageObject``: a monument (with its code in the List of Historic Monuments, ``lmi.validate_lmi_code``),
  a building, a landscape, an intangible practice or a museum collection. Staff enter them published; a
  Roots youth's proposal waits for the shared pre-moderation (``civica.moderation``: ``review_state``,
  ``is_hidden``) and is public once approved.
- ``Craftsperson``: craftspeople and local producers, with what they make. The public sees one only while
  their consent is recorded (``consent_at``); withdrawing it (they themselves when they have an account, or
  staff) hides them at once and keeps when it happened.
- ``HeritagePhoto``: a photo of a locality (and optionally of one of its objects or sites) with its credit,
  handled as the archive's images (``core.image_rights``): the original private, the public copy only while
  the licence allows.
- ``Site``: a remarkable site that gets a panel; its page is what the panel's QR code opens.
- ``is_fictional``: demo content the pages mark as invented."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual
from civica.core.image_rights import CreditedImage
from civica.core.maps import latitude_column, longitude_column
from civica.core.uploads import RandomName, private_storage
from civica.moderation.models import UNPUBLISHED, review_state_field

from .lmi import validate_lmi_code

FICTIONAL_HELP = _("Invented for the demonstration: the pages say so.")


class LocalityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Locality(Bilingual, models.Model):
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=120)
    county = models.CharField(_("county"), max_length=60)
    commune = models.CharField(_("commune"), max_length=120, blank=True,
                               help_text=_("The commune a village belongs to; empty for the commune itself."))
    latitude = latitude_column()
    longitude = longitude_column()
    history_ro = models.TextField(_("history (Romanian, Markdown)"), blank=True)
    history_en = models.TextField(_("history (English, Markdown)"), blank=True)
    remarkable_ro = models.TextField(_("what makes it remarkable (Romanian, Markdown)"), blank=True)
    remarkable_en = models.TextField(_("what makes it remarkable (English, Markdown)"), blank=True)
    contacts = models.TextField(_("public contacts"), blank=True,
                                help_text=_("The town hall's or the local partner's, one a line; no private "
                                            "person's details."))
    is_published = models.BooleanField(_("published"), default=False)
    is_fictional = models.BooleanField(_("fictional"), default=False, help_text=FICTIONAL_HELP)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now, editable=False)

    objects = LocalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("locality")
        verbose_name_plural = _("localities")
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("heritage:locality", args=[self.slug])

    def contact_lines(self) -> list[str]:
        return [line.strip() for line in self.contacts.splitlines() if line.strip()]


class ObjectKind(models.TextChoices):
    MONUMENT = "monument", _("Historic monument")
    BUILDING = "building", _("Building")
    LANDSCAPE = "landscape", _("Landscape")
    PRACTICE = "practice", _("Intangible practice")
    COLLECTION = "collection", _("Museum collection")


class HeritageObjectQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_hidden=False, locality__is_published=True).exclude(review_state__in=UNPUBLISHED)


class HeritageObject(Bilingual, models.Model):
    locality = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="heritage_objects",
                                 verbose_name=_("locality"))
    slug = models.SlugField(_("short name in addresses"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=ObjectKind.choices)
    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    lmi_code = models.CharField(_("LMI code"), max_length=24, blank=True, validators=[validate_lmi_code],
                                help_text=_("The code in the List of Historic Monuments, such as CJ-II-m-A-07232."))
    description_ro = models.TextField(_("description (Romanian, Markdown)"), blank=True)
    description_en = models.TextField(_("description (English, Markdown)"), blank=True)
    period = models.CharField(_("period"), max_length=80, blank=True, help_text=_("e.g. “sec. XVIII”, “1912”."))
    latitude = latitude_column()
    longitude = longitude_column()
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("proposed by"), editable=False)
    review_state = review_state_field()
    is_hidden = models.BooleanField(default=False, editable=False)
    is_fictional = models.BooleanField(_("fictional"), default=False, help_text=FICTIONAL_HELP)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    # The OAI-PMH datestamp: every change of what a record says moves it.
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now, editable=False)

    objects = HeritageObjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("heritage object")
        verbose_name_plural = _("heritage objects")
        ordering = ["name_ro", "id"]
        indexes = [models.Index(fields=["updated_at", "id"], name="heritage_object_harvest")]
        constraints = [
            # A monument has its LMI code; nothing else claims one.
            models.CheckConstraint(
                condition=Q(kind="monument") & ~Q(lmi_code="") | ~Q(kind="monument") & Q(lmi_code=""),
                name="heritage_object_lmi_for_monuments"),
        ]

    def __str__(self):
        return self.name_ro

    def get_absolute_url(self):
        return reverse("heritage:object", args=[self.slug])

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.kind == ObjectKind.MONUMENT and not self.lmi_code:
            raise ValidationError({"lmi_code": _("A historic monument needs its LMI code.")})
        if self.kind and self.kind != ObjectKind.MONUMENT and self.lmi_code:
            raise ValidationError({"lmi_code": _("Only a historic monument has an LMI code.")})


class CraftspersonQuerySet(models.QuerySet):
    def listed(self):
        return self.filter(consent_at__isnull=False, locality__is_published=True)


class Craftsperson(Bilingual, models.Model):
    class Kind(models.TextChoices):
        CRAFTSPERSON = "craft", _("Craftsperson")
        PRODUCER = "producer", _("Local producer")

    locality = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="craftspeople",
                                 verbose_name=_("locality"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CRAFTSPERSON)
    name = models.CharField(_("name"), max_length=160)
    makes_ro = models.CharField(_("what they make (Romanian)"), max_length=300)
    makes_en = models.CharField(_("what they make (English)"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="heritage_listings", verbose_name=_("their account"))
    consent_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True, editable=False)
    consent_how = models.CharField(_("how the consent was given"), max_length=200, blank=True, editable=False)
    consent_recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                            on_delete=models.SET_NULL, related_name="+", editable=False)
    withdrawn_at = models.DateTimeField(_("consent withdrawn at"), null=True, blank=True, editable=False)
    is_fictional = models.BooleanField(_("fictional"), default=False, help_text=FICTIONAL_HELP)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = CraftspersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("craftsperson or producer")
        verbose_name_plural = _("craftspeople and producers")
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("heritage:person", args=[self.pk])

    @property
    def has_consent(self) -> bool:
        return self.consent_at is not None


class SiteQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, locality__is_published=True)


class Site(Bilingual, models.Model):
    """A remarkable site with its panel: the panel's QR code opens the site's page."""

    locality = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="sites",
                                 verbose_name=_("locality"))
    heritage_object = models.ForeignKey(HeritageObject, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="sites", verbose_name=_("heritage object"))
    slug = models.SlugField(_("short name in addresses"), max_length=120, unique=True)
    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_ro = models.TextField(_("description (Romanian, Markdown)"), blank=True)
    description_en = models.TextField(_("description (English, Markdown)"), blank=True)
    panel_text_ro = models.TextField(_("panel text (Romanian)"), max_length=1200,
                                     help_text=_("What the printed panel says, in a few lines."))
    panel_text_en = models.TextField(_("panel text (English)"), max_length=1200, blank=True)
    panel_installed_on = models.DateField(_("panel installed on"), null=True, blank=True)
    latitude = latitude_column()
    longitude = longitude_column()
    is_published = models.BooleanField(_("published"), default=False)
    is_fictional = models.BooleanField(_("fictional"), default=False, help_text=FICTIONAL_HELP)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now, editable=False)

    objects = SiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("remarkable site")
        verbose_name_plural = _("remarkable sites")
        ordering = ["name_ro", "id"]

    def __str__(self):
        return self.name_ro

    def get_absolute_url(self):
        return reverse("heritage:site", args=[self.slug])


class HeritagePhoto(CreditedImage):
    locality = models.ForeignKey(Locality, on_delete=models.CASCADE, related_name="photos",
                                 verbose_name=_("locality"))
    heritage_object = models.ForeignKey(HeritageObject, null=True, blank=True, on_delete=models.CASCADE,
                                        related_name="photos", verbose_name=_("heritage object"))
    site = models.ForeignKey(Site, null=True, blank=True, on_delete=models.CASCADE, related_name="photos",
                             verbose_name=_("remarkable site"))
    original = models.FileField(_("original"), storage=private_storage, upload_to=RandomName("heritage/originals"))
    image = models.ImageField(_("public copy"), upload_to=RandomName("images/heritage"), blank=True, editable=False)

    class Meta:
        verbose_name = _("heritage photo")
        verbose_name_plural = _("heritage photos")
        ordering = ["locality", "position", "id"]

    def __str__(self):
        return f"{self.locality_id}:{self.position}"
