"""The world-café workshops: a ``Workshop`` on a meeting (one to one), its guiding questions, tables
(each with a facilitator) and rounds, the contributions captured live at the tables (at most
``MAX_CONTRIBUTION``, 500 characters, with their stored meaning vector), the themes they are harvested
into (``Theme.curated`` once staff rename, merge, split or move notes), dot votes and the action plan
(an item may become an ``accountability.Activity``).

Moved out of ``meetings``: their tables were ``meetings_*`` until migration 0002, and the content types
moved with them, so a facilitator's role scoped to a workshop still points at it.
``tests/test_migrations.py`` migrates a database from before the move, holding a workshop and all it has,
and reads it back."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from civica.core.i18n import Bilingual
from civica.core.transitions import Transitions
from civica.meetings.models import Meeting

MAX_CONTRIBUTION = 500
CONTRIBUTION_EDIT_MINUTES = 10
# A harvest still queued this long after it was asked for lost its worker: asking again replaces it.
HARVEST_ABANDONED_MINUTES = 15


class WorkshopStatus(models.TextChoices):
    OPEN = "open", _("Open")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", _("Closed")


# {from: {to: permission}}: each change of a workshop's status and the permission it needs
# (``core.transitions.move`` checks and records it). A pause stops the running round's clock and the
# notes until it resumes; closed is final: table links and dots stop.
WORKSHOP_TRANSITIONS = {
    WorkshopStatus.OPEN: {WorkshopStatus.PAUSED: "workshops.run", WorkshopStatus.CLOSED: "workshops.manage"},
    WorkshopStatus.PAUSED: {WorkshopStatus.OPEN: "workshops.run", WorkshopStatus.CLOSED: "workshops.manage"},
}


class Workshop(Transitions, models.Model):
    """A world-café workshop run on a meeting: questions, tables, rounds, then a harvest."""

    TRANSITIONS = WORKSHOP_TRANSITIONS
    STATUS = WorkshopStatus
    not_possible_message = _("The workshop is “%(status)s”: that change is not possible.")

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
    # Set while the workshop is paused: the running round's clock stands still at this moment (on
    # resuming, the round's start moves forward by the pause's length).
    paused_at = models.DateTimeField(_("paused at"), null=True, blank=True)

    class Meta:
        verbose_name = _("world-café workshop")
        verbose_name_plural = _("world-café workshops")

    def __str__(self):
        return str(self.meeting)

    def get_absolute_url(self):
        return reverse("workshops:detail", args=[self.slug])

    @property
    def status(self) -> str:
        if self.closed_at:
            return WorkshopStatus.CLOSED
        return WorkshopStatus.PAUSED if self.paused_at else WorkshopStatus.OPEN

    def current_round(self, now=None):
        """The round running now (while paused: the round that was running when the pause began, its
        clock stopped there), from ``self.rounds.all()`` (so a prefetch serves it)."""
        now = self.paused_at or now or timezone.now()
        # The latest started: a round ended early keeps whole minutes, so it may overlap the next one.
        running = [round_ for round_ in self.rounds.all()
                   if round_.started_at and round_.started_at <= now < round_.ends_at]
        return max(running, key=lambda round_: round_.started_at, default=None)


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
    # Set once staff rename, merge, split, create the theme or place notes in it; the others are the
    # harvest's suggestions (pages say so). A later harvest keeps every theme either way.
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
    # A note that arrived after the harvest is placed by staff: a later harvest suggests the nearest
    # theme here, and the placement page offers it first.
    suggested_theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="+", verbose_name=_("suggested theme"))
    # The text's meaning as a vector, computed once when it is saved (for the harvest), and the model
    # that made it: vectors of different models do not mix, so another model's count as missing.
    # Stored as little-endian float32 bytes (embeddings.py): 10,000 decode in milliseconds, where the
    # same vectors as JSON text took 1.6 s.
    embedding = models.BinaryField(null=True, blank=True)
    embedding_model = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


class HarvestStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("harvest status", "Under way")
    DONE = "done", pgettext_lazy("harvest status", "Done")
    FAILED = "failed", pgettext_lazy("harvest status", "Failed")


class Harvest(models.Model):
    """One harvest of a workshop's notes, asked for by an editor and run by the queue
    (``tasks.harvest_workshop``), so the request that asks never waits for the grouping or the model.
    At most one is under way per workshop (the constraint; the service also locks the workshop's row
    and reads again); the page asking shows it as under way until it is done, then its result."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="harvests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=HarvestStatus.choices, default=HarvestStatus.QUEUED)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The outcome: themes made by a first harvest; notes given a suggested theme by a later one.
    themes_found = models.PositiveIntegerField(default=0)
    notes_offered = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("harvest")
        verbose_name_plural = _("harvests")
        ordering = ["-requested_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["workshop"], condition=models.Q(status=HarvestStatus.QUEUED),
                                               name="workshops_one_harvest_under_way")]

    def __str__(self):
        return f"{self.workshop} · {self.requested_at:%Y-%m-%d %H:%M}"

    def abandoned(self, now=None) -> bool:
        """Still queued long after it was asked for (``HARVEST_ABANDONED_MINUTES``): its worker was lost."""
        limit = (now or timezone.now()) - timezone.timedelta(minutes=HARVEST_ABANDONED_MINUTES)
        return self.status == HarvestStatus.QUEUED and self.requested_at < limit


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
