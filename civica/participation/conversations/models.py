"""A conversation of a consultation (issue 21, point 2): statements, and agree / disagree / pass votes on
them, from which the opinion map is computed (``insights.opinion_map``).

Everyone who votes takes part as a ``Participant`` of that conversation, shown by a pseudonym
("Participant 12"), never by name; participants imported from a Pol.is export have no account. A
``Statement`` is seeded by the editors (published at once) or submitted by a participant (≤ 140
characters, waiting for a moderator: ``review_state`` of ``civica.moderation``'s pre-moderation). One
``Vote`` per participant and statement (a unique constraint); a changed vote updates that row. The map
last computed is kept on the conversation (``map_data``, plain JSON) with when it was computed;
``map_due_at`` is when the recomputation already queued will run (the debounce, see ``tasks``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual
from civica.moderation.models import review_state_field

MAX_STATEMENT = 140  # what a participant may write (Pol.is's limit); seeded and imported ones may be longer
MAX_STORED_STATEMENT = 1000


class Conversation(Bilingual, models.Model):
    """Open while its phase runs. ``title``/``description`` are the Romanian; ``_en`` the English."""

    process = models.ForeignKey("participation.Process", on_delete=models.CASCADE, related_name="conversations",
                                verbose_name=_("process"))
    phase = models.ForeignKey("participation.Phase", on_delete=models.CASCADE, related_name="conversations",
                              verbose_name=_("open during"))
    title = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Romanian)"), blank=True, help_text=_("Markdown."))
    description_en = models.TextField(_("description (English)"), blank=True, help_text=_("Markdown."))
    participants_submit = models.BooleanField(
        _("participants may submit statements"), default=True,
        help_text=_("Their statements wait for a moderator before anyone else sees them."))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # The opinion map: the last computed (plain data, see ``selectors.map_for_page``) and when; when the
    # queued recomputation runs (None: none queued).
    map_data = models.JSONField(null=True, blank=True, editable=False)
    map_computed_at = models.DateTimeField(null=True, blank=True, editable=False)
    map_due_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-created_at"]

    title_ro = property(lambda self: self.title)
    description_ro = property(lambda self: self.description)

    def __str__(self):
        return self.translated("title")

    def get_absolute_url(self):
        return reverse("participation:conversation_detail", args=[self.process.slug, self.pk])

    def is_open(self, now=None) -> bool:
        return self.phase.is_active(now)


class Participant(models.Model):
    """Someone who voted or wrote in a conversation: a person with an account, or a Pol.is voter imported."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="conversation_participations")
    number = models.PositiveIntegerField()  # the pseudonym's number, 1, 2, … in the conversation
    polis_id = models.IntegerField(null=True, blank=True)  # the voter-id of an imported Pol.is voter

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], condition=Q(user__isnull=False),
                                    name="conversation_one_participant_per_person"),
            models.UniqueConstraint(fields=["conversation", "number"], name="conversation_participant_number"),
        ]

    def __str__(self):
        return str(_("Participant %(number)s") % {"number": self.number})


class Statement(models.Model):
    """A statement to vote on. Shown to all when not ``is_hidden``: a participant's waits for a moderator
    (``review_state``, civica.moderation's pre-moderation) and a moderator may take any out (hide it,
    with a reason its author is told); both are recorded in the moderation log."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="statements")
    text = models.TextField(_("statement"), max_length=MAX_STORED_STATEMENT)
    author = models.ForeignKey(Participant, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="statements")
    is_seed = models.BooleanField(_("seeded by the editors"), default=False)
    review_state = review_state_field()
    is_hidden = models.BooleanField(_("hidden"), default=False)
    polis_id = models.IntegerField(null=True, blank=True)  # the comment-id of an imported Pol.is comment
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["pk"]
        indexes = [models.Index(fields=["conversation", "is_hidden"], name="conversation_statement_shown"),
                   # The moderators' waiting queue reads what waits through this small index.
                   models.Index(fields=["created_at"], condition=Q(review_state="waiting"),
                                name="conversation_statement_waiting")]

    def __str__(self):
        return self.text

    @property
    def process(self):
        """Its consultation (whose moderators review it): permissions ask ``process_of``."""
        return self.conversation.process

    def get_absolute_url(self):
        return self.conversation.get_absolute_url() + "#voting"

    @property
    def is_shown(self) -> bool:
        return not self.is_hidden


SHOWN = Q(is_hidden=False)


class Vote(models.Model):
    class Choice(models.IntegerChoices):
        AGREE = 1, _("Agree")
        DISAGREE = -1, _("Disagree")
        PASS = 0, _("Pass / unsure")

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    choice = models.SmallIntegerField(choices=Choice.choices)
    voted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "statement"], name="conversation_one_vote")]
