"""Consultations and what people bring to them.

A ``Process`` (bilingual title, summary and description, scope, dates, tags, the per-person cap on
supports, the report threshold) has ordered ``Phase``s (each of a kind registered in ``phases``) and
``Category``s; ``Tag``s are areas of the city's life, ``goals`` the SDGs it serves. An ``Idea`` (place,
image, attachment; status moved along ``IDEA_TRANSITIONS`` by the official answer) takes ``Support``s,
counted in ``support_count``; a process's ideas are counted by category and status in ``IdeaTally``; a
``Debate`` is a question put by the centre. Comments, reports and the moderation log point at ideas and
debates through a generic key and are deleted with them. The polls' models live in ``polls/models.py``
and are registered through this module.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Mod
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual
from civica.core.maps import latitude_column, longitude_column
from civica.core.models import PublicImage
from civica.core.transitions import Transitions
from civica.core.uploads import RandomName
from civica.moderation.models import review_state_field
from civica.verification.levels import Level

from .phases import validate_phase_kind

MAX_IDEA_TITLE = 150
MAX_IDEA_BODY = 10_000


def _goes_with_it(model):
    """What points at an idea or a debate through a generic key (its comments, reports and moderation
    log) is deleted with it, as it was with its consultation when those rows had a ``process`` key."""
    return GenericRelation(model, content_type_field="target_type", object_id_field="target_id")


class Tag(Bilingual, models.Model):
    """An area of the city's life (culture, mobility…). The Sustainable Development Goals a consultation
    serves are ``goals`` (the shared ``goals.Goal``), no longer tags (migration 0021 moved them)."""

    class Kind(models.TextChoices):
        AREA = "area", _("Area")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.AREA)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    name_ro = models.CharField(_("name (Romanian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["kind", "slug"]

    def __str__(self):
        return self.name_ro


class ProcessQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def active(self, today=None):
        today = today or timezone.localdate()
        return self.filter(starts_on__lte=today, ends_on__gte=today)

    def upcoming(self, today=None):
        return self.filter(starts_on__gt=today or timezone.localdate())

    def past(self, today=None):
        return self.filter(ends_on__lt=today or timezone.localdate())


class Process(Bilingual, models.Model):
    """A consultation: ordered phases, each allowing some actions."""

    class Scope(models.TextChoices):
        CITY = "city", _("The whole city")
        METROPOLITAN = "metropolitan", _("The metropolitan area")
        NEIGHBOURHOOD = "neighbourhood", _("A neighbourhood")
        COUNTY = "county", _("The county")

    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_ro = models.TextField(_("summary (Romanian)"), max_length=600)
    summary_en = models.TextField(_("summary (English)"), max_length=600, blank=True)
    body_ro = models.TextField(_("description (Romanian, Markdown)"), blank=True)
    body_en = models.TextField(_("description (English, Markdown)"), blank=True)
    hero_image = models.ImageField(_("image"), upload_to=RandomName("processes"), blank=True)
    hero_image_alt = models.CharField(_("image description"), max_length=200, blank=True)
    # The original's size, filled when its renditions are drawn (core.uploads.keep_renditions).
    hero_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    tags = models.ManyToManyField(Tag, blank=True, related_name="processes", verbose_name=_("tags"))
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices, default=Scope.CITY)
    # The centre's programme the consultation belongs to, if any: listed on the programme's page.
    programme = models.ForeignKey("network.Programme", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="processes", verbose_name=_("programme"))
    # The Sustainable Development Goals and the EU mission it serves (issue 19, point 5).
    goals = models.ManyToManyField("goals.Goal", blank=True, related_name="processes", verbose_name=_("goals"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    is_published = models.BooleanField(_("published"), default=False)
    supports_per_person = models.PositiveSmallIntegerField(
        _("supports per person"), null=True, blank=True,
        help_text=_("Leave empty for no limit."),
    )
    report_threshold = models.PositiveSmallIntegerField(
        _("reports before hiding"), default=3, validators=[MinValueValidator(1)],
        help_text=_("Content reported this many times is hidden until a moderator reviews it."),
    )
    # Pre-moderation (issue 21, point 5): new ideas and comments are seen by nobody but their author and
    # the moderators until a moderator approves them (civica.moderation's registry asks this).
    contributions_wait = models.BooleanField(
        _("contributions wait for a moderator"), default=False,
        help_text=_("New ideas and comments are published only once a moderator approves them; until then "
                    "only their authors and the moderators see them."),
    )
    # The verification level each action needs (issue 21, point 6; civica.verification): a verified e-mail
    # unless the editor asks for more. Meetings of the consultation take theirs from ``level_register``.
    level_propose = models.CharField(_("to propose ideas"), max_length=16, choices=Level.choices,
                                     default=Level.EMAIL)
    level_support = models.CharField(_("to support ideas"), max_length=16, choices=Level.choices,
                                     default=Level.EMAIL)
    level_comment = models.CharField(_("to comment"), max_length=16, choices=Level.choices, default=Level.EMAIL)
    level_poll = models.CharField(_("to answer polls"), max_length=16, choices=Level.choices, default=Level.EMAIL)
    level_register = models.CharField(_("to register for its meetings"), max_length=16, choices=Level.choices,
                                      default=Level.EMAIL)
    level_converse = models.CharField(_("to vote and add statements in its conversations"), max_length=16,
                                      choices=Level.choices, default=Level.EMAIL)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("created by"))

    objects = ProcessQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation process")
        verbose_name_plural = _("consultation processes")
        ordering = ["-starts_on", "slug"]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")),
                                              name="participation_process_dates_ordered")]

    def __str__(self):
        return self.title_ro

    def get_absolute_url(self):
        return reverse("participation:process_detail", args=[self.slug])


class PhaseQuerySet(models.QuerySet):
    def active_phases(self, now=None):
        now = now or timezone.now()
        return self.filter(starts_at__lte=now, ends_at__gt=now)

    def past_phases(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now())

    def future_phases(self, now=None):
        return self.filter(starts_at__gt=now or timezone.now())


class Phase(Bilingual, models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="phases", verbose_name=_("process"))
    kind = models.CharField(_("kind"), max_length=32, validators=[validate_phase_kind])
    name_ro = models.CharField(_("name (Romanian)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = PhaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["position", "starts_at"]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                              name="participation_phase_dates_ordered")]

    def __str__(self):
        return f"{self.process} — {self.kind}"

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.starts_at <= now < self.ends_at


class Category(Bilingual, models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="categories",
                                verbose_name=_("process"))
    name_ro = models.CharField(_("name (Romanian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name_ro"]

    def __str__(self):
        return self.name_ro


class IdeaStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    EVALUATING = "evaluating", _("Being evaluated")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    IN_IMPLEMENTATION = "in_implementation", _("In implementation")
    IMPLEMENTED = "implemented", _("Implemented")


# The official answers an idea may move through ({from: {to: permission}}, moved by
# ``core.transitions.move``); anything else is refused.
_ANSWER = "participation.answer_idea"
IDEA_TRANSITIONS = {
    IdeaStatus.PUBLISHED: {IdeaStatus.EVALUATING: _ANSWER, IdeaStatus.ACCEPTED: _ANSWER, IdeaStatus.REJECTED: _ANSWER},
    IdeaStatus.EVALUATING: {IdeaStatus.ACCEPTED: _ANSWER, IdeaStatus.REJECTED: _ANSWER},
    IdeaStatus.ACCEPTED: {IdeaStatus.IN_IMPLEMENTATION: _ANSWER, IdeaStatus.REJECTED: _ANSWER},
    IdeaStatus.REJECTED: {IdeaStatus.EVALUATING: _ANSWER},
    IdeaStatus.IN_IMPLEMENTATION: {IdeaStatus.IMPLEMENTED: _ANSWER},
    IdeaStatus.IMPLEMENTED: {},
}


# What the ideas list filters on, at the end of each of its indexes (below).
LIST_FILTER_COLUMNS = ("is_hidden", "author", "status", "category")

# The random order of the ideas list: each idea has a fixed place in a shuffle of SHUFFLE_MODULUS places
# (its id times a prime, modulo a prime); a visitor's seed turns the shuffle around (``selectors``).
SHUFFLE_STEP, SHUFFLE_MODULUS = 7919, 10007


def shuffle_place():
    # An integer (Mod's own guess is a float), so "place >= n" compares in the index's own type.
    return Mod(models.F("id") * SHUFFLE_STEP, SHUFFLE_MODULUS, output_field=models.BigIntegerField())


class IdeaQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(is_hidden=False)


class Idea(Transitions, PublicImage):
    TRANSITIONS = IDEA_TRANSITIONS
    STATUS = IdeaStatus

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="ideas", verbose_name=_("process"))
    # Kept (anonymised) when the author deletes their account and others have replied.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="ideas", verbose_name=_("author"))
    title = models.CharField(_("title"), max_length=MAX_IDEA_TITLE)
    body = models.TextField(_("description"), max_length=MAX_IDEA_BODY,
                            validators=[MaxLengthValidator(MAX_IDEA_BODY)],
                            help_text=_("Markdown: **bold**, *italic*, lists and links."))
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="ideas", verbose_name=_("category"))
    location = models.CharField(_("place"), max_length=200, blank=True,
                                help_text=_("An address or a place people know, if the idea has one."))
    latitude = latitude_column()
    longitude = longitude_column()
    attachment = models.FileField(_("PDF document"), upload_to=RandomName("ideas/documents"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.PUBLISHED)
    answer = models.TextField(_("official answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("answered by"))
    # Counters kept by services with F() updates, so lists sort without counting rows.
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False)
    # Pre-moderation: "waiting" (and hidden) until a moderator approves it (civica.moderation).
    review_state = review_state_field()
    comments = _goes_with_it("comments.Comment")
    reports = _goes_with_it("moderation.Report")
    moderation_actions = _goes_with_it("moderation.ModerationAction")
    # The form's one-time key: submitting the same form twice creates one idea.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at"]
        # One index per order of the ideas list, each ending with the columns the list filters on (who
        # may see the idea, its status, its category): a page's ids are read from the index alone
        # (``selectors.idea_page``), never from the table. (Key columns, not INCLUDE: SQLite has none.)
        indexes = [
            models.Index(fields=["process", "-support_count", "-id", *LIST_FILTER_COLUMNS],
                         name="idea_process_supports"),
            models.Index(fields=["process", "-created_at", "-id", *LIST_FILTER_COLUMNS], name="idea_process_newest"),
            models.Index(fields=["process", "-comment_count", "-id", *LIST_FILTER_COLUMNS],
                         name="idea_process_commented"),
            models.Index(models.F("process"), shuffle_place(), models.F("id"),
                         *(models.F(column) for column in LIST_FILTER_COLUMNS), name="idea_process_shuffled"),
            # The few hidden ideas, which the ideas list's count takes from its tally (IdeaTally).
            models.Index(fields=["process"], condition=Q(is_hidden=True), name="idea_process_hidden"),
            # The moderation queue lists hidden content without reading the whole table.
            models.Index(fields=["id"], condition=models.Q(is_hidden=True), name="idea_hidden"),
            # ... and what waits for approval, oldest first.
            models.Index(fields=["created_at"], condition=models.Q(review_state="waiting"), name="idea_waiting"),
        ]
        constraints = [models.UniqueConstraint(fields=["author", "submission_key"],
                                               name="participation_idea_submitted_once")]

    def __str__(self):
        return self.title

    def move_not_possible(self, to) -> str:
        return _("An idea that is %(current)s cannot become %(new)s.") % {
            "current": IdeaStatus(self.status).label.lower(), "new": IdeaStatus(to).label.lower()}

    def get_absolute_url(self):
        return reverse("participation:idea_detail", args=[self.process.slug, self.pk])


class Support(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports", verbose_name=_("idea"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supports",
                             verbose_name=_("user"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="participation_one_support_per_person")]


class IdeaTally(models.Model):
    """How many ideas a process has of each category and status, hidden ones included: the ideas
    list counts from these few rows (``selectors.idea_count``) instead of reading every idea, which
    cost 23 ms at 50,000 ideas (``bench/README.md``).

    Kept in the same transaction as the write, under a lock of the process row, by the services that
    create an idea or change its category or status (``services.idea_tally_move``), and rebuilt from
    the ideas (``services.idea_tally_recount``) after writes that go around them: a removed category,
    a person's erasure, the admin, seeding and the demo data. Hiding needs nothing here: the count
    takes the hidden ideas away with a partial index (``idea_process_hidden``)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="idea_tallies",
                                verbose_name=_("process"))
    # The category's id, 0 for ideas without one: a number, not a key, so removing a category never
    # removes its ideas from the total before the recount gives them to "no category".
    category_key = models.PositiveBigIntegerField(_("category"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=IdeaStatus.choices)
    count = models.IntegerField(_("ideas"), default=0)

    class Meta:
        verbose_name = _("idea tally")
        verbose_name_plural = _("idea tallies")
        constraints = [models.UniqueConstraint(fields=["process", "category_key", "status"],
                                               name="participation_idea_tally_one_row")]

    def __str__(self):
        return f"{self.process_id}/{self.category_key}/{self.status}: {self.count}"


class Debate(Bilingual, models.Model):
    """A question put to debate: participants argue for or against, or comment.

    ``question`` and ``description`` hold the Romanian text (read as ``question_ro``, ``description_ro``
    by ``Bilingual``); the ``_en`` columns the English, Romanian when empty."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="debates", verbose_name=_("process"))
    question = models.CharField(_("question (Romanian)"), max_length=200)
    question_en = models.CharField(_("question (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Romanian)"), blank=True, help_text=_("Markdown."))
    description_en = models.TextField(_("description (English)"), blank=True, help_text=_("Markdown."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("created by"))
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    comments = _goes_with_it("comments.Comment")
    reports = _goes_with_it("moderation.Report")
    moderation_actions = _goes_with_it("moderation.ModerationAction")

    class Meta:
        verbose_name = _("debate")
        verbose_name_plural = _("debates")
        ordering = ["-created_at"]
        # The moderation queue lists hidden content without reading the whole table.
        indexes = [models.Index(fields=["id"], condition=models.Q(is_hidden=True), name="debate_hidden")]

    question_ro = property(lambda self: self.question)
    description_ro = property(lambda self: self.description)

    def __str__(self):
        return self.translated("question")

    def get_absolute_url(self):
        return reverse("participation:debate_detail", args=[self.process.slug, self.pk])


# Polls live in their sub-package; imported here so Django registers them with this app.
# Conversations (the opinion map) too.
from .conversations.models import Conversation, Participant, Statement, Vote  # noqa: E402, F401
from .polls.models import Choice, Poll, PollAnswer, PollResponse, Question  # noqa: E402, F401
