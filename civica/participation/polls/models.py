"""Polls and surveys of a consultation: the poll, its questions and choices, and each response with
its answers. Open while the poll's phase runs; anonymous answers are one per browser."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual


class Poll(Bilingual, models.Model):
    """A poll or survey, open while its phase runs. ``title``, ``description`` and the questions' and
    choices' ``text`` are the Romanian; their ``_en`` columns the English, Romanian when empty."""

    class ResultsVisibility(models.TextChoices):
        IMMEDIATELY = "immediately", _("Right away")
        AFTER_CLOSE = "after_close", _("After the poll closes")

    process = models.ForeignKey("participation.Process", on_delete=models.CASCADE, related_name="polls",
                                verbose_name=_("process"))
    phase = models.ForeignKey("participation.Phase", on_delete=models.CASCADE, related_name="polls",
                              verbose_name=_("open during"))
    title = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Romanian)"), blank=True, help_text=_("Markdown."))
    description_en = models.TextField(_("description (English)"), blank=True, help_text=_("Markdown."))
    allow_anonymous = models.BooleanField(
        _("anonymous answers"), default=False,
        help_text=_("Anyone may answer without an account, once per browser. The poll page says so."),
    )
    results_visibility = models.CharField(_("results are shown"), max_length=12, choices=ResultsVisibility.choices,
                                          default=ResultsVisibility.AFTER_CLOSE)
    response_count = models.PositiveIntegerField(_("responses"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-created_at"]

    title_ro = property(lambda self: self.title)
    description_ro = property(lambda self: self.description)

    def __str__(self):
        return self.translated("title")

    def get_absolute_url(self):
        return reverse("participation:poll_detail", args=[self.process.slug, self.pk])

    def is_open(self, now=None) -> bool:
        return self.phase.is_active(now)

    def is_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.phase.ends_at


class Question(Bilingual, models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        RANKING = "ranking", _("Ranking")
        SCALE = "scale", _("Scale from 1 to 5")
        TEXT = "text", _("Free text")

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="questions", verbose_name=_("poll"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("question (Romanian)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    max_choices = models.PositiveSmallIntegerField(
        _("at most this many choices"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("For several choices; empty means no limit."),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "id"]

    text_ro = property(lambda self: self.text)

    def __str__(self):
        return self.translated("text")


class Choice(Bilingual, models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices",
                                 verbose_name=_("question"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("choice (Romanian)"), max_length=200)
    text_en = models.CharField(_("choice (English)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["position", "id"]

    text_ro = property(lambda self: self.text)

    def __str__(self):
        return self.translated("text")


class PollResponse(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="responses")
    # Either a participant, or an anonymous browser (its key kept in a signed cookie).
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="poll_responses")
    browser_key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["poll", "respondent"], condition=Q(respondent__isnull=False),
                                    name="participation_one_response_per_person"),
            models.UniqueConstraint(fields=["poll", "browser_key"], condition=Q(respondent__isnull=True),
                                    name="participation_one_response_per_browser"),
        ]


class PollAnswer(models.Model):
    """One answer to one question: a choice (one row per chosen or ranked choice), a scale value or text."""

    response = models.ForeignKey(PollResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.ForeignKey(Choice, null=True, blank=True, on_delete=models.CASCADE, related_name="answers")
    rank = models.PositiveSmallIntegerField(null=True, blank=True)
    value = models.PositiveSmallIntegerField(null=True, blank=True,
                                             validators=[MinValueValidator(1), MaxValueValidator(5)])
    text = models.TextField(blank=True, max_length=2000)
