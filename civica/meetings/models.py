import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
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


class WhenKnown(models.TextChoices):
    """How much of a meeting's start the sources give: pages, feeds and e-mails show only that much."""

    TIME = "time", _("Day and time")
    START = "start", _("Day and start time (the end is not known)")
    DAY = "day", _("The day only (the time is not known)")
    MONTH = "month", _("The month only (the day is not known)")


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
    when_known = models.CharField(
        _("what is known of the time"), max_length=5, choices=WhenKnown.choices, default=WhenKnown.TIME,
        help_text=_("For a past meeting whose sources give only the day or the month: the times above then hold "
                    "the start of that day or month, and only what is known is shown (no time, no day). Without a "
                    "known end, the end above only orders the meeting among past and upcoming ones."))
    place = models.CharField(_("place"), max_length=200, blank=True,
                             help_text=_("A venue outside the centre's spaces (for one of them, choose the space "
                                         "below)."))
    address = models.CharField(_("address"), max_length=300, blank=True)
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
    # Kept by participation's comment services (threaded comments, as on ideas and debates).
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

    def clean(self):
        if self.space_id and self.format == MeetingFormat.ONLINE:
            raise ValidationError({"space": _("An online meeting takes no space: choose in person or hybrid, "
                                              "or leave the space empty.")})

    # What is known of the start, for pages, e-mails and reports (in the active language, Bucharest time).
    @property
    def when_iso(self) -> str:
        """For ``<time datetime>``: the instant, the day or the month."""
        start = timezone.localtime(self.starts_at)
        if self.when_known == WhenKnown.MONTH:
            return start.strftime("%Y-%m")
        if self.when_known == WhenKnown.DAY:
            return start.date().isoformat()
        return start.isoformat()

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


MAX_CONTRIBUTION = 500
CONTRIBUTION_EDIT_MINUTES = 10


class Workshop(models.Model):
    """A world-café workshop run on a meeting: questions, tables, rounds, then a harvest."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="workshop",
                                   verbose_name=_("meeting"))
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    participants_contribute = models.BooleanField(
        _("participants may contribute"), default=True,
        help_text=_("Otherwise only the tables' facilitators add contributions."))
    no_account_needed = models.BooleanField(
        _("no account needed"), default=True,
        help_text=_("Anyone with a table's link (or QR code) may contribute without logging in."))
    dots_per_person = models.PositiveSmallIntegerField(_("dots per person"), default=3,
                                                       validators=[MinValueValidator(1)])
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True,
                                     help_text=_("Table links stop working when the workshop is closed."))

    class Meta:
        verbose_name = _("world-café workshop")
        verbose_name_plural = _("world-café workshops")

    def __str__(self):
        return str(self.meeting)

    def get_absolute_url(self):
        return reverse("workshops:detail", args=[self.slug])

    def current_round(self, now=None):
        """The round running now, from ``self.rounds.all()`` (so a prefetch serves it)."""
        now = now or timezone.now()
        for round_ in self.rounds.all():
            if round_.started_at and round_.started_at <= now < round_.ends_at:
                return round_
        return None


class WorkshopQuestion(Bilingual, models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text_ro = models.TextField(_("question (Romanian)"))
    text_en = models.TextField(_("question (English)"), blank=True)

    class Meta:
        verbose_name = _("guiding question")
        verbose_name_plural = _("guiding questions")
        ordering = ["position", "id"]

    def __str__(self):
        return self.text_ro[:80]


class WorkshopTable(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="tables")
    number = models.PositiveSmallIntegerField(_("table number"))
    topic = models.CharField(_("topic"), max_length=200)
    question = models.ForeignKey(WorkshopQuestion, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="tables", verbose_name=_("question"))
    facilitator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="facilitated_tables", verbose_name=_("facilitator"))

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["workshop", "number"], name="meetings_table_number")]

    def __str__(self):
        return f"{self.number}. {self.topic}"


class WorkshopRound(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("round"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=20,
                                                        validators=[MinValueValidator(1)])
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["workshop", "number"], name="meetings_round_number")]

    def __str__(self):
        return str(self.number)

    @property
    def ends_at(self):
        return self.started_at + timezone.timedelta(minutes=self.duration_minutes) if self.started_at else None


class Theme(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="themes")
    position = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(_("label"), max_length=120)
    # Set once staff rename, merge, split or create the theme: a later harvest keeps it (as it keeps a
    # theme with dots or action-plan links); the others are the harvest's suggestions.
    curated = models.BooleanField(_("curated by staff"), default=False)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "id"]

    def __str__(self):
        return self.label


class Contribution(models.Model):
    table = models.ForeignKey(WorkshopTable, on_delete=models.CASCADE, related_name="contributions")
    round = models.ForeignKey(WorkshopRound, on_delete=models.CASCADE, related_name="contributions")
    text = models.CharField(_("contribution"), max_length=MAX_CONTRIBUTION)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="contributions")
    # Without an account the author is known by a key kept in a signed cookie (to edit for 10 minutes).
    author_key = models.CharField(max_length=64, blank=True)
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="contributions")
    is_representative = models.BooleanField(default=False)
    # The text's meaning as a vector, computed once when it is saved (for the harvest), and the model
    # that made it: vectors of different models do not mix, so another model's count as missing.
    embedding = models.JSONField(null=True, blank=True)
    embedding_model = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


class DotVote(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="dots")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dots")
    created_at = models.DateTimeField(default=timezone.now)


class ActionItem(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="action_items")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="action_items", verbose_name=_("from the themes"))
    activity = models.ForeignKey("accountability.Activity", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="action_items", verbose_name=_("plan activity"))

    class Meta:
        verbose_name = _("action plan item")
        verbose_name_plural = _("action plan items")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title
