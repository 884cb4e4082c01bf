import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual


class MeetingKind(models.TextChoices):
    PUBLIC_DEBATE = "debate", _("Public debate")
    WORKSHOP = "workshop", _("Workshop")
    CONFERENCE = "conference", _("Conference")
    NETWORK = "network", _("Network meeting")
    BOARD = "board", _("Board meeting")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())


class Meeting(Bilingual, models.Model):
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=MeetingKind.choices)
    format = models.CharField(_("format"), max_length=10, choices=MeetingFormat.choices,
                              default=MeetingFormat.IN_PERSON)
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_ro = models.TextField(_("description (Romanian, Markdown)"), blank=True)
    description_en = models.TextField(_("description (English, Markdown)"), blank=True)
    starts_at = models.DateTimeField(_("starts at"), help_text=_("Europe/Bucharest time."))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True,
                             help_text=_("A venue or one of the centre's spaces."))
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True,
                                 help_text=_("Shown only to people registered for the meeting."))
    programme = models.ForeignKey("network.Programme", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="meetings", verbose_name=_("organised by programme"))
    process = models.ForeignKey("participation.Process", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="meetings", verbose_name=_("part of the consultation"))
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True, validators=[MinValueValidator(1)],
                                           help_text=_("Empty for no limit."))
    registration_open = models.BooleanField(_("registration open"), default=True)
    terms_ro = models.TextField(_("terms to accept (Romanian)"), blank=True)
    terms_en = models.TextField(_("terms to accept (English)"), blank=True)
    minutes_ro = models.TextField(_("minutes (Romanian, Markdown)"), blank=True)
    minutes_en = models.TextField(_("minutes (English, Markdown)"), blank=True)
    video_url = models.URLField(_("video recording"), blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "id"]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                              name="meetings_dates_ordered")]

    def __str__(self):
        return self.title_ro

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.slug])


class MeetingDocument(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file (PDF)"), upload_to="meetings/documents/")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


def _registration_code():
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Registration(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations",
                                verbose_name=_("meeting"))
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations",
                               verbose_name=_("person"))
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    code = models.CharField(_("code"), max_length=12, unique=True, default=_registration_code)
    # First come, first served: the waiting list is ordered by this.
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("promoted from the waiting list at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="meetings_register_once")]

    def __str__(self):
        return self.code
