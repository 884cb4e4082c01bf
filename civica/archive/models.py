"""The ECCA art archive (issue 23, point 1): "un program de documentare, conservare și valorificare a
operelor de artă create de generații recente de artiști clujeni" (seed 000).

- ``Artist``: name, birth year, a short bilingual biography, links (one address a line).
- ``Medium`` and ``Tag``: bilingual labels the catalogue's facets filter by.
- ``Work``: bilingual title, a date or period (``year_from``–``year_to`` and how it is written, "c. 1998"),
  medium and technique, dimensions, an inventory number (unique), location, provenance, its condition
  and conservation notes (staff only: no public page, download or OAI record reads them). Status draft →
  published → draft in ``WORK_TRANSITIONS`` (``core.transitions.move``); publishing asks
  ``Work.missing_fields`` (the required-fields check) first. ``search_text`` is the work's words without
  accents or case, refreshed by every save through the services, so the catalogue's search is
  accent-insensitive on every database; ``decade`` is the period facet.
- ``WorkImage``: the original, kept in the private storage for staff (re-encoded without metadata, or as
  uploaded when staff keep its location data), and the public copy (re-encoded, no metadata, at most
  ``PUBLIC_MAX_SIDE`` px, with WebP renditions) that exists only while the image's licence lets the public
  see it; alt text in both languages, the rights holder and the licence make the credit line.
- ``Collection``: a curated, ordered selection of works; ``Event``: an exhibition, the symposium, a
  launch, with the works shown and ``Document``s (PDFs, metadata stripped, kept in the private storage and
  served by a permission-checked view once published). The three are published or not (``PublishedFlag``:
  ``RECORD_TRANSITIONS``), after the same required-fields check as works (``checks``).
- ``latitude``/``longitude`` of a work: its place on the maps (``core.maps``).
- ``is_fictional`` on artists, works, collections and events: demo content the pages mark as invented."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual
from civica.core.image_rights import (  # noqa: F401 -- the licences are read from here by the archive's modules
    LICENCE_URLS,
    PUBLIC_LICENCES,
    PUBLIC_MAX_SIDE,
    CreditedImage,
    Licence,
)
from civica.core.maps import latitude_column, longitude_column
from civica.core.transitions import Transitions
from civica.core.uploads import RandomName, private_storage


class Condition(models.TextChoices):
    GOOD = "good", _("Good")
    FAIR = "fair", _("Fair")
    POOR = "poor", _("Poor: needs conservation")
    UNKNOWN = "unknown", _("Not assessed")


class WorkStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


WORK_TRANSITIONS = {
    WorkStatus.DRAFT: {WorkStatus.PUBLISHED: "archive.publish_work"},
    WorkStatus.PUBLISHED: {WorkStatus.DRAFT: "archive.unpublish_work"},
}


# Collections, events and documents: published or not (``is_published``), moved by the same helper as works.
RECORD_TRANSITIONS = {
    WorkStatus.DRAFT: {WorkStatus.PUBLISHED: "archive.publish_record"},
    WorkStatus.PUBLISHED: {WorkStatus.DRAFT: "archive.unpublish_record"},
}


class PublishedFlag(Transitions):
    """A record whose status is read from its ``is_published`` (``services.record_publish`` moves it)."""

    TRANSITIONS = RECORD_TRANSITIONS
    STATUS = WorkStatus

    @property
    def status(self):
        return WorkStatus.PUBLISHED if self.is_published else WorkStatus.DRAFT


class Artist(Bilingual, models.Model):
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=160)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    bio_ro = models.TextField(_("short biography (Romanian)"), max_length=2000, blank=True)
    bio_en = models.TextField(_("short biography (English)"), max_length=2000, blank=True)
    links = models.TextField(_("links"), blank=True, help_text=_("One web address a line."))
    is_fictional = models.BooleanField(_("fictional"), default=False,
                                       help_text=_("Invented for the demonstration: the pages say so."))

    class Meta:
        verbose_name = _("artist")
        verbose_name_plural = _("artists")
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:artist", args=[self.slug])

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip().startswith(("https://", "http://"))]


class Medium(Bilingual, models.Model):
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    name_ro = models.CharField(_("name (Romanian)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("medium")
        verbose_name_plural = _("media")
        ordering = ["name_ro", "id"]

    def __str__(self):
        return self.name_ro


class Tag(Bilingual, models.Model):
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    name_ro = models.CharField(_("name (Romanian)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("archive tag")
        verbose_name_plural = _("archive tags")
        ordering = ["name_ro", "id"]

    def __str__(self):
        return self.name_ro


class WorkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=WorkStatus.PUBLISHED)


class Work(Transitions, Bilingual, models.Model):
    TRANSITIONS = WORK_TRANSITIONS
    STATUS = WorkStatus

    slug = models.SlugField(_("short name in addresses"), max_length=120, unique=True)
    inventory_number = models.CharField(_("inventory number"), max_length=40, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=WorkStatus.choices, default=WorkStatus.DRAFT,
                              editable=False)
    title_ro = models.CharField(_("title (Romanian)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    artist = models.ForeignKey(Artist, null=True, blank=True, on_delete=models.PROTECT, related_name="works",
                               verbose_name=_("artist"))
    year_from = models.PositiveSmallIntegerField(_("year (from)"), null=True, blank=True)
    year_to = models.PositiveSmallIntegerField(_("year (to)"), null=True, blank=True,
                                               help_text=_("For a period; empty for a single year."))
    date_text_ro = models.CharField(_("date as written (Romanian)"), max_length=80, blank=True,
                                    help_text=_("e.g. “c. 1998”, “anii 2000”; empty: the years."))
    date_text_en = models.CharField(_("date as written (English)"), max_length=80, blank=True)
    decade = models.PositiveSmallIntegerField(null=True, blank=True, editable=False, db_index=True)
    medium = models.ForeignKey(Medium, null=True, blank=True, on_delete=models.PROTECT, related_name="works",
                               verbose_name=_("medium"))
    technique_ro = models.CharField(_("technique (Romanian)"), max_length=200, blank=True)
    technique_en = models.CharField(_("technique (English)"), max_length=200, blank=True)
    dimensions = models.CharField(_("dimensions"), max_length=120, blank=True,
                                  help_text=_("Height × width × depth, in cm."))
    description_ro = models.TextField(_("description (Romanian, Markdown)"), blank=True)
    description_en = models.TextField(_("description (English, Markdown)"), blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True,
                                help_text=_("Where the work is kept (shown to the public)."))
    # The place on the maps (the catalogue's and the work's page); empty: the work is on no map.
    latitude = latitude_column()
    longitude = longitude_column()
    provenance_ro = models.TextField(_("provenance (Romanian)"), blank=True)
    provenance_en = models.TextField(_("provenance (English)"), blank=True)
    condition = models.CharField(_("condition"), max_length=10, choices=Condition.choices,
                                 default=Condition.UNKNOWN)
    conservation_notes = models.TextField(_("conservation notes (staff only)"), blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="works", verbose_name=_("tags"))
    is_fictional = models.BooleanField(_("fictional"), default=False,
                                       help_text=_("Invented for the demonstration: the pages say so."))
    search_text = models.TextField(editable=False, blank=True, default="")
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    # The OAI-PMH datestamp: every change of what a record says moves it.
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now, editable=False, db_index=True)

    objects = WorkQuerySet.as_manager()

    class Meta:
        verbose_name = _("work")
        verbose_name_plural = _("works")
        ordering = ["title_ro", "id"]
        indexes = [models.Index(fields=["status", "updated_at", "id"], name="archive_work_harvest"),
                   # The catalogue's order: its first page is read from the index, never sorted.
                   models.Index(fields=["status", "title_ro", "id"], name="archive_work_catalogue")]
        constraints = [models.CheckConstraint(condition=Q(year_to__isnull=True) | Q(year_from__isnull=False),
                                              name="archive_work_period_has_start")]

    def __str__(self):
        return f"{self.inventory_number} {self.title_ro}"

    def get_absolute_url(self):
        return reverse("archive:work", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == WorkStatus.PUBLISHED

    def shown_date(self) -> str:
        written = self.translated("date_text")
        if written:
            return written
        if self.year_from and self.year_to and self.year_to != self.year_from:
            return f"{self.year_from}–{self.year_to}"
        return str(self.year_from or "")


class WorkImage(CreditedImage):
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="images", verbose_name=_("work"))
    original = models.FileField(_("original"), storage=private_storage, upload_to=RandomName("archive/originals"))
    image = models.ImageField(_("public copy"), upload_to=RandomName("images/archive"), blank=True, editable=False)

    class Meta:
        verbose_name = _("work image")
        verbose_name_plural = _("work images")
        ordering = ["work", "position", "id"]

    def __str__(self):
        return f"{self.work_id}:{self.position}"


class Collection(PublishedFlag, Bilingual, models.Model):
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_ro = models.TextField(_("description (Romanian, Markdown)"), blank=True)
    description_en = models.TextField(_("description (English, Markdown)"), blank=True)
    works = models.ManyToManyField(Work, through="CollectionItem", related_name="collections", blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    is_fictional = models.BooleanField(_("fictional"), default=False)

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["title_ro", "id"]

    def __str__(self):
        return self.title_ro

    def get_absolute_url(self):
        return reverse("archive:collection", args=[self.slug])


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="collection_items")
    position = models.PositiveIntegerField(default=0)  # a collection may hold more than 32,767 works

    class Meta:
        ordering = ["collection", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["collection", "work"], name="archive_item_once")]


class EventKind(models.TextChoices):
    EXHIBITION = "exhibition", _("Exhibition")
    SYMPOSIUM = "symposium", _("Symposium")
    LAUNCH = "launch", _("Launch")
    OTHER = "other", _("Event")


class Event(PublishedFlag, Bilingual, models.Model):
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices, default=EventKind.EXHIBITION)
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    description_ro = models.TextField(_("description (Romanian, Markdown)"), blank=True)
    description_en = models.TextField(_("description (English, Markdown)"), blank=True)
    works = models.ManyToManyField(Work, blank=True, related_name="events", verbose_name=_("works shown"))
    is_published = models.BooleanField(_("published"), default=False)
    is_fictional = models.BooleanField(_("fictional"), default=False)

    class Meta:
        verbose_name = _("exhibition or event")
        verbose_name_plural = _("exhibitions and events")
        ordering = ["-starts_on", "id"]

    def __str__(self):
        return self.title_ro

    def get_absolute_url(self):
        return reverse("archive:event", args=[self.slug])


class Document(PublishedFlag, Bilingual, models.Model):
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.CASCADE, related_name="documents")
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    # Private storage, always: the public reads a published document through ``views.document_file``.
    file = models.FileField(_("PDF"), storage=private_storage, upload_to=RandomName("archive/documents"))
    is_published = models.BooleanField(_("published"), default=False)
    size = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["event", "title_ro", "id"]

    def __str__(self):
        return self.title_ro

    def get_absolute_url(self):
        return reverse("archive:document", args=[self.pk])
