"""Meetings and registrations.

- ``Meeting``: a public debate, workshop, conference, network or board meeting; in person, online or
  hybrid; times in Europe/Bucharest; optional programme or consultation; capacity, terms, minutes, video,
  documents. It is held at a typed place and address or in one of the centre's spaces (``space``; then its
  name and address show on the page, the list, iCal's LOCATION and the e-mails, via ``venue()``; its point on
  the maps likewise, via ``coordinates()``). An online
  meeting takes no space (``clean`` and a check constraint).
- ``when_known`` says how much of the start the sources give (time; start time without a known end; day
  only; month only): the page, lists, calendar, e-mails and the workshop report show only that much
  (``when_short``, ``when_long``).
- ``Registration``: one per person and meeting, with a code for the phone check-in page; its status
  (registered, waiting, cancelled) moves through core's ``move``; check-in keeps the status.
- A meeting is a draft until published (``is_published``); a cancelled one (``cancelled_at``, with its
  reason) stays on the site, says so, takes no registrations and leaves its space free."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from civica.core.formatting import html_datetime
from civica.core.i18n import Bilingual
from civica.core.maps import latitude_column, longitude_column
from civica.core.models import PublicImage
from civica.core.transitions import Transitions


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


class WhenKnown(models.TextChoices):
    """How much of a meeting's start the sources give: pages, feeds and e-mails show only that much."""

    TIME = "time", _("Day and time")
    START = "start", _("Day and start time (the end is not known)")
    DAY = "day", _("The day only (the time is not known)")
    MONTH = "month", _("The month only (the day is not known)")


class MeetingStatus(models.TextChoices):
    """Read from ``is_published`` and ``cancelled_at`` (``Meeting.status``)."""

    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


# {from: {to: permission}}: how editors move a meeting (services.meeting_publish, meeting_unpublish and
# meeting_cancel, through ``core.transitions.move``); a cancelled meeting stays cancelled.
MEETING_TRANSITIONS = {
    MeetingStatus.DRAFT: {MeetingStatus.PUBLISHED: "meetings.publish_meeting",
                          MeetingStatus.CANCELLED: "meetings.cancel_meeting"},
    MeetingStatus.PUBLISHED: {MeetingStatus.DRAFT: "meetings.publish_meeting",
                              MeetingStatus.CANCELLED: "meetings.cancel_meeting"},
}


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def not_cancelled(self):
        return self.filter(cancelled_at__isnull=True)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())


class Meeting(Transitions, Bilingual, PublicImage):
    TRANSITIONS = MEETING_TRANSITIONS
    STATUS = MeetingStatus

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
    when_known = models.CharField(
        _("what is known of the time"), max_length=5, choices=WhenKnown.choices, default=WhenKnown.TIME,
        help_text=_("For a past meeting whose sources give only the day or the month: the times above then hold "
                    "the start of that day or month, and only what is known is shown (no time, no day). Without a "
                    "known end, the end above only orders the meeting among past and upcoming ones."))
    place = models.CharField(_("place"), max_length=200, blank=True,
                             help_text=_("A venue outside the centre's spaces (for one of them, choose the space "
                                         "below)."))
    address = models.CharField(_("address"), max_length=300, blank=True)
    # The venue's point on the maps (core.maps), both or neither; a meeting in a space has the space's.
    latitude = latitude_column(help_text=_("Decimal degrees, such as 46.7712. Empty for a meeting in one of the "
                                           "centre's spaces (the space's point is used)."))
    longitude = longitude_column(help_text=_("Decimal degrees, such as 23.6236."))
    coordinates_approximate = models.BooleanField(
        _("the point is approximate"), default=False,
        help_text=_("The point is the street's or the city's, not the building's: the maps say so."))
    space = models.ForeignKey("network.Space", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="meetings", verbose_name=_("in the centre's space"),
                              help_text=_("Takes the space for the meeting's time; place and address then come "
                                          "from the space."))
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
    # Cancelled by the editors (services.meeting_cancel): the page says so with the reason, registration
    # closes and every registered or waiting person is told by e-mail.
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    cancellation_reason_ro = models.TextField(_("reason for cancelling (Romanian)"), blank=True, editable=False)
    cancellation_reason_en = models.TextField(_("reason for cancelling (English)"), blank=True, editable=False)
    # Kept by the comments app's services (threaded comments, as on ideas and debates).
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="meetings_dates_ordered"),
            models.CheckConstraint(condition=Q(space__isnull=True) | ~Q(format=MeetingFormat.ONLINE),
                                   name="meetings_online_has_no_space"),
        ]

    def __str__(self):
        return self.title_ro

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.slug])

    @property
    def status(self) -> str:
        if self.cancelled_at is not None:
            return MeetingStatus.CANCELLED
        return MeetingStatus.PUBLISHED if self.is_published else MeetingStatus.DRAFT

    def clean(self):
        if self.space_id and self.format == MeetingFormat.ONLINE:
            raise ValidationError({"space": _("An online meeting takes no space: choose in person or hybrid, "
                                              "or leave the space empty.")})

    # What is known of the start, for pages, e-mails and reports (in the active language, Bucharest time).
    @property
    def when_iso(self) -> str:
        """For ``<time datetime>``: the instant, the day or the month."""
        precision = {WhenKnown.MONTH: "month", WhenKnown.DAY: "day"}.get(self.when_known, "")
        return html_datetime(self.starts_at, precision)

    @property
    def when_short(self) -> str:
        """"8 October 2020, 10:00", "8 October 2020" or "October 2017"."""
        start = timezone.localtime(self.starts_at)
        if self.when_known == WhenKnown.MONTH:
            return formats.date_format(start, "YEAR_MONTH_FORMAT")
        if self.when_known == WhenKnown.DAY:
            return formats.date_format(start, "j F Y")
        return formats.date_format(start, "j F Y, H:i")

    @property
    def when_long(self) -> str:
        """The meeting page's: with the weekday and the end time when they are known."""
        start, end = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        if self.when_known == WhenKnown.MONTH:
            return _("%(month)s (the day is not known)") % {"month": formats.date_format(start, "YEAR_MONTH_FORMAT")}
        if self.when_known == WhenKnown.DAY:
            return _("%(day)s (the time is not known)") % {"day": formats.date_format(start, "l, j F Y")}
        if self.when_known == WhenKnown.START:
            return _("%(start)s (Bucharest time; the end is not known)") % {
                "start": formats.date_format(start, "l, j F Y, H:i")}
        ending = formats.date_format(end, "H:i" if end.date() == start.date() else "j F Y, H:i")
        return _("%(start)s – %(end)s (Bucharest time)") % {
            "start": formats.date_format(start, "l, j F Y, H:i"), "end": ending}

    def venue(self) -> tuple[str, str]:
        """(place, address): the space's when the meeting is held in one (select ``space`` with the
        meeting), otherwise as typed."""
        if self.space_id:
            return self.space.translated("name"), self.space.address
        return self.place, self.address

    def coordinates(self) -> tuple:
        """(latitude, longitude) of the venue, as ``venue()`` finds it; (None, None) when not known."""
        if self.space_id:
            return self.space.latitude, self.space.longitude
        return self.latitude, self.longitude

    def coordinates_are_approximate(self) -> bool:
        return self.space.coordinates_approximate if self.space_id else self.coordinates_approximate


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


# {from: {to: permission}}: how a registration's status changes (services.register, cancel and
# promote_waiting, through ``core.transitions.move``); check-in keeps the status.
REGISTRATION_TRANSITIONS = {
    RegistrationStatus.REGISTERED: {RegistrationStatus.CANCELLED: "meetings.cancel_registration"},
    RegistrationStatus.WAITING: {RegistrationStatus.REGISTERED: "meetings.promote_registration",
                                 RegistrationStatus.CANCELLED: "meetings.cancel_registration"},
    RegistrationStatus.CANCELLED: {RegistrationStatus.REGISTERED: "meetings.register_again",
                                   RegistrationStatus.WAITING: "meetings.register_again"},
}


def _registration_code():
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Registration(Transitions, models.Model):
    TRANSITIONS = REGISTRATION_TRANSITIONS
    STATUS = RegistrationStatus

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
