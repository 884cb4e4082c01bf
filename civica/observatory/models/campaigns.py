"""Data collection campaigns: the centre asks cultural organisations for their figures (issue 19, point 2).

- ``Campaign``: a questionnaire for one year, sent to organisations (the members, the organisations of a
  network, or those of some categories), open from ``opens_at`` to its ``deadline``; draft → open →
  closed through core's ``move`` (``CAMPAIGN_TRANSITIONS``), by the observatory's analysts.
- ``CampaignQuestion``: one question, with the columns of calls' form engine (``calls.form_engine.Question``)
  and only the kinds that make sense for figures; a number linked to an ``Indicator`` is checked against
  the indicator's unit (a percentage is 0–100) and range, and an accepted answer becomes the
  organisation's ``IndicatorValue`` for the campaign's year.
- ``CampaignAnswer``: one organisation's answer, filled by its representatives: draft → submitted →
  (queried by an analyst, about a question → submitted again) → accepted (``ANSWER_TRANSITIONS``).
  Its files (``AnswerFile``) are in the private storage under random names."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.calls.form_engine import FieldKind, Question
from civica.core.i18n import Bilingual
from civica.core.transitions import Transitions
from civica.core.uploads import RandomName, private_storage

from .indicators import Indicator, Unit, ValueStatus

# The kinds of question a campaign asks (no budget tables, team lists or declarations).
CAMPAIGN_KINDS = (FieldKind.NUMBER, FieldKind.MONEY, FieldKind.SHORT_TEXT, FieldKind.LONG_TEXT,
                  FieldKind.SINGLE_CHOICE, FieldKind.MULTIPLE_CHOICE, FieldKind.FILE, FieldKind.DATE)
CAMPAIGN_KIND_CHOICES = [(kind.value, kind.label) for kind in CAMPAIGN_KINDS]


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


# {from: {to: permission}}: a campaign's moves (campaign_services.campaign_move). A closed campaign may
# be opened again (a deadline extended).
CAMPAIGN_TRANSITIONS = {
    CampaignStatus.DRAFT: {CampaignStatus.OPEN: "observatory.manage"},
    CampaignStatus.OPEN: {CampaignStatus.CLOSED: "observatory.manage"},
    CampaignStatus.CLOSED: {CampaignStatus.OPEN: "observatory.manage"},
}


class Target(models.TextChoices):
    MEMBERS = "members", _("The centre's member organisations")
    NETWORK = "network", _("The organisations of a network")
    CATEGORIES = "categories", _("Organisations of some categories")


class Campaign(Transitions, Bilingual, models.Model):
    TRANSITIONS = CAMPAIGN_TRANSITIONS
    STATUS = CampaignStatus

    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    intro_ro = models.TextField(_("introduction (Romanian, Markdown)"), blank=True)
    intro_en = models.TextField(_("introduction (English, Markdown)"), blank=True)
    year = models.PositiveSmallIntegerField(_("year the figures cover"))
    opens_at = models.DateTimeField(_("opens at"))
    deadline = models.DateTimeField(_("deadline"))
    target = models.CharField(_("sent to"), max_length=12, choices=Target.choices, default=Target.MEMBERS)
    network = models.ForeignKey("network.Network", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+", verbose_name=_("network"))
    # ``network.Category`` values, for ``Target.CATEGORIES``.
    categories = models.JSONField(_("organisation categories"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=CampaignStatus.choices,
                              default=CampaignStatus.DRAFT)
    illustrative = models.BooleanField(_("fictional (demo)"), default=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("data collection campaign")
        verbose_name_plural = _("data collection campaigns")
        ordering = ["-year", "-deadline", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(deadline__gt=models.F("opens_at")),
                                              name="observatory_campaign_deadline_after_opening")]

    def __str__(self):
        return self.title_ro

    def get_absolute_url(self):
        return reverse("observatory:campaign_detail", args=[self.slug])

    def clean(self):
        if self.opens_at and self.deadline and self.deadline <= self.opens_at:
            raise ValidationError({"deadline": _("The deadline must come after the opening.")})
        if self.target == Target.NETWORK and not self.network_id:
            raise ValidationError({"network": _("Choose the network the campaign goes to.")})
        if self.target == Target.CATEGORIES and not self.categories:
            raise ValidationError({"categories": _("Choose at least one category.")})

    def targeted_organisations(self):
        """The organisations asked: a queryset of ``network.Organisation``."""
        from civica.network.models import Organisation

        if self.target == Target.MEMBERS:
            return Organisation.objects.members()
        if self.target == Target.NETWORK:
            # A network's entities are schools, localities, partners; only those that are organisations
            # on the platform can answer.
            return Organisation.objects.filter(network_entities__network_id=self.network_id).distinct()
        return Organisation.objects.filter(category__in=self.categories or [])

    def accepts_answers(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == CampaignStatus.OPEN and self.opens_at <= now < self.deadline


class CampaignQuestion(Question):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="questions",
                                 verbose_name=_("campaign"))
    kind = models.CharField(_("kind"), max_length=16, choices=CAMPAIGN_KIND_CHOICES)
    indicator = models.ForeignKey(Indicator, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="campaign_questions", verbose_name=_("indicator"),
                                  help_text=_("An accepted number becomes the organisation's value of this "
                                              "indicator for the campaign's year."))

    class Meta:
        verbose_name = _("campaign question")
        verbose_name_plural = _("campaign questions")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["campaign", "key"], name="observatory_question_key")]

    def clean(self):
        if self.indicator_id and self.kind not in (FieldKind.NUMBER, FieldKind.MONEY):
            raise ValidationError({"indicator": _("Only a number or an amount can feed an indicator.")})
        if self.kind in (FieldKind.SINGLE_CHOICE, FieldKind.MULTIPLE_CHOICE) and len(self.choices or []) < 2:
            raise ValidationError({"choices": _("Give at least two choices.")})

    def value_limits(self):
        """The question's own limits, narrowed by its indicator's: a percentage is within 0–100, and the
        indicator's smallest and largest possible values hold."""
        minimum, maximum = self.min_value, self.max_value
        indicator = self.indicator if self.indicator_id else None
        if indicator is not None:
            bounds_low = [value for value in (minimum, indicator.minimum) if value is not None]
            bounds_high = [value for value in (maximum, indicator.maximum) if value is not None]
            if indicator.unit == Unit.PERCENT:
                bounds_low.append(Decimal(0))
                bounds_high.append(Decimal(100))
            minimum = max(bounds_low) if bounds_low else None
            maximum = min(bounds_high) if bounds_high else None
        return minimum, maximum


class AnswerStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    QUERIED = "queried", _("Queried back")
    ACCEPTED = "accepted", _("Accepted")


# {from: {to: permission}}: an answer's moves (campaign_services). An accepted answer may be queried
# again (a figure found wrong later); accepting it again replaces its indicator values.
ANSWER_TRANSITIONS = {
    AnswerStatus.DRAFT: {AnswerStatus.SUBMITTED: "observatory.fill_answer"},
    AnswerStatus.SUBMITTED: {AnswerStatus.QUERIED: "observatory.review_answer",
                             AnswerStatus.ACCEPTED: "observatory.review_answer"},
    AnswerStatus.QUERIED: {AnswerStatus.SUBMITTED: "observatory.fill_answer"},
    AnswerStatus.ACCEPTED: {AnswerStatus.QUERIED: "observatory.review_answer"},
}
EDITABLE_STATUSES = (AnswerStatus.DRAFT, AnswerStatus.QUERIED)


class CampaignAnswer(Transitions, models.Model):
    TRANSITIONS = ANSWER_TRANSITIONS
    STATUS = AnswerStatus

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="answers",
                                 verbose_name=_("campaign"))
    organisation = models.ForeignKey("network.Organisation", on_delete=models.CASCADE,
                                     related_name="campaign_answers", verbose_name=_("organisation"))
    status = models.CharField(_("status"), max_length=10, choices=AnswerStatus.choices, default=AnswerStatus.DRAFT)
    # By question key: valid values as the form cleans them; in a draft, invalid ones as typed.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("saved at"), default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("saved by"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("submitted by"))
    # The analyst's last query: the question it is about and what they ask.
    query_question = models.ForeignKey(CampaignQuestion, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+", verbose_name=_("question queried"))
    query_message = models.TextField(_("query"), blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("reviewed by"))
    # How the accepted figures are recorded (an analyst may keep them provisional).
    value_status = models.CharField(_("status of the values"), max_length=12, choices=ValueStatus.choices,
                                    default=ValueStatus.FINAL)
    illustrative = models.BooleanField(_("fictional (demo)"), default=False)

    class Meta:
        verbose_name = _("answer to a campaign")
        verbose_name_plural = _("answers to campaigns")
        ordering = ["campaign", "organisation__name"]
        constraints = [models.UniqueConstraint(fields=["campaign", "organisation"], name="observatory_one_answer")]

    def __str__(self):
        return f"{self.campaign} — {self.organisation}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    def get_absolute_url(self):
        return reverse("observatory:answer", args=[self.campaign.slug, self.organisation.slug])


class AnswerFile(models.Model):
    answer = models.ForeignKey(CampaignAnswer, on_delete=models.CASCADE, related_name="files")
    question_key = models.SlugField(max_length=50)
    # In the private storage under a random name; served only by campaigns.views.answer_file.
    file = models.FileField(upload_to=RandomName("observatory/answers"), storage=private_storage)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["answer", "question_key"], name="observatory_one_file")]
