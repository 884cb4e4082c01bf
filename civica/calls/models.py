"""Calls and what they hold.

- ``Call``: its status moves forward one step at a time through core's ``move``, by
  ``evaluation.call_move`` (draft → published → in evaluation → ranking locked → results published, each
  step with its checks and an ``AuditEntry``). Solution competitions are always blind;
  ``Call.identities_visible`` says whether the jury may see who applied.
- The call's own form: ``FormField``s of eleven kinds (``FieldKind``), some hidden in blind review;
  ``Criterion``s for the reviews.
- ``Application`` (with its ``ApplicationFile``s), one ``Submission`` per submitted version,
  ``CallQuestion``s; the jury's ``Assignment``s, ``Conflict``s, ``Review``s and ``Score``s."""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual
from civica.core.models import PublicImage
from civica.core.transitions import Transitions
from civica.core.uploads import RandomName, private_storage

from .form_engine import FieldKind, Question


class CallKind(models.TextChoices):
    OPEN_CALL = "open_call", _("Open call")
    GRANT = "grant", _("Grant")
    MEMBERS_CALL = "members_call", _("Members' call")
    COMPETITION = "competition", _("Solution competition")


class Eligibility(models.TextChoices):
    PARTICIPANTS = "participants", _("Any verified participant")
    MEMBER_REPRESENTATIVES = "members", _("Representatives of member organisations")
    ORGANISATION_CATEGORIES = "categories", _("Organisations of the chosen categories")


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    EVALUATION = "evaluation", _("In evaluation")
    RANKING_LOCKED = "ranking_locked", _("Ranking locked")
    RESULTS_PUBLISHED = "results_published", _("Results published")


# A call moves forward only, one step at a time ({from: {to: permission}}, moved by
# ``core.transitions.move`` in evaluation.call_move).
CALL_TRANSITIONS = {
    CallStatus.DRAFT: {CallStatus.PUBLISHED: "calls.manage_call"},
    CallStatus.PUBLISHED: {CallStatus.EVALUATION: "calls.manage_call"},
    CallStatus.EVALUATION: {CallStatus.RANKING_LOCKED: "calls.manage_call"},
    CallStatus.RANKING_LOCKED: {CallStatus.RESULTS_PUBLISHED: "calls.manage_call"},
    CallStatus.RESULTS_PUBLISHED: {},
}


class CallQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(status=CallStatus.DRAFT)

    def open_now(self, now=None):
        now = now or timezone.now()
        return self.filter(status=CallStatus.PUBLISHED, opens_at__lte=now, closes_at__gt=now)


class Call(Transitions, Bilingual, PublicImage):
    TRANSITIONS = CALL_TRANSITIONS
    STATUS = CallStatus
    kind = models.CharField(_("kind"), max_length=16, choices=CallKind.choices)
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_ro = models.TextField(_("summary (Romanian)"), max_length=800)
    summary_en = models.TextField(_("summary (English)"), max_length=800, blank=True)
    guide_ro = models.TextField(_("guide (Romanian, Markdown)"), blank=True)
    guide_en = models.TextField(_("guide (English, Markdown)"), blank=True)
    programme = models.ForeignKey("network.Programme", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="calls", verbose_name=_("programme"))
    # The Sustainable Development Goals and the EU mission it serves (issue 19, point 5); its funded
    # projects serve them too (they are listed under the goal with the call).
    goals = models.ManyToManyField("goals.Goal", blank=True, related_name="calls", verbose_name=_("goals"))
    eligibility = models.CharField(_("who may apply"), max_length=12, choices=Eligibility.choices,
                                   default=Eligibility.PARTICIPANTS)
    eligible_categories = models.JSONField(_("organisation categories"), default=list, blank=True,
                                           help_text=_("For calls open to organisations of given categories."))
    budget_total = models.DecimalField(_("total budget (lei)"), max_digits=14, decimal_places=2,
                                       validators=[MinValueValidator(0)])
    amount_min = models.DecimalField(_("minimum per application (lei)"), max_digits=14, decimal_places=2,
                                     validators=[MinValueValidator(0)], default=0)
    amount_max = models.DecimalField(_("maximum per application (lei)"), max_digits=14, decimal_places=2,
                                     validators=[MinValueValidator(0)])
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"), help_text=_("The exact instant, Europe/Bucharest time."))
    questions_until = models.DateTimeField(_("questions accepted until"), null=True, blank=True)
    evaluation_until = models.DateField(_("evaluation until"), null=True, blank=True)
    results_on = models.DateField(_("results announced on"), null=True, blank=True)
    is_blind = models.BooleanField(_("blind review"), default=False,
                                   help_text=_("Evaluators know entries only by a code. Always on for competitions."))
    disagreement_threshold = models.DecimalField(
        _("disagreement threshold"), max_digits=4, decimal_places=2, default=2,
        help_text=_("Evaluators disagree strongly when the standard deviation of their scores (0–10) is above this."),
    )
    tie_break_criterion = models.ForeignKey("Criterion", null=True, blank=True, on_delete=models.SET_NULL,
                                            related_name="+", verbose_name=_("tie broken by"))
    status = models.CharField(_("status"), max_length=20, choices=CallStatus.choices, default=CallStatus.DRAFT)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-opens_at", "slug"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")), name="calls_call_dates_ordered"),
            models.CheckConstraint(condition=Q(amount_max__gte=models.F("amount_min")),
                                   name="calls_call_amounts_ordered"),
        ]

    def __str__(self):
        return self.title_ro

    def move_not_possible(self, to) -> str:
        # Read under the lock (services check the step before): another editor moved it meanwhile.
        return _("The call was moved meanwhile: it is now %(current)s.") % {
            "current": CallStatus(self.status).label.lower()}

    def get_absolute_url(self):
        return reverse("calls:detail", args=[self.slug])

    def save(self, *args, **kwargs):
        if self.kind == CallKind.COMPETITION:
            self.is_blind = True  # architectural competitions judge entries anonymously
        super().save(*args, **kwargs)

    def identities_visible(self) -> bool:
        """Whether the jury may see who applied: always in an open call; in a blind call only once
        the ranking is locked (the review page, the ranking and file downloads all ask this)."""
        return not self.is_blind or self.status in (CallStatus.RANKING_LOCKED, CallStatus.RESULTS_PUBLISHED)

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == CallStatus.PUBLISHED and self.opens_at <= now < self.closes_at

    def accepts_questions(self, now=None) -> bool:
        now = now or timezone.now()
        until = self.questions_until or self.closes_at
        return self.status == CallStatus.PUBLISHED and self.opens_at <= now < until


class CallDocument(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="documents", verbose_name=_("call"))
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("PDF document"), upload_to="calls/documents/")

    class Meta:
        verbose_name = _("guide document")
        verbose_name_plural = _("guide documents")

    def __str__(self):
        return self.title


class FormField(Question):
    """One question of a call's application form (its columns: ``form_engine.Question``)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="form_fields", verbose_name=_("call"))
    identifying = models.BooleanField(
        _("identifies the applicant"), default=False,
        help_text=_("Hidden from evaluators in blind review (names, organisations, contact details)."),
    )

    class Meta:
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["call", "key"], name="calls_field_key_unique")]

    def hidden_in_blind_review(self) -> bool:
        return self.identifying or self.kind == FieldKind.TEAM_MEMBERS


class CallQuestion(models.Model):
    """A question asked during the clarification period; answers are published to everyone."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions", verbose_name=_("call"))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                 verbose_name=_("asked by"))
    question = models.TextField(_("question"), max_length=2000)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)

    class Meta:
        verbose_name = _("question about a call")
        verbose_name_plural = _("questions about calls")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.question[:80]


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# {from: {to: permission}}: an application's moves (services.application_submit / _withdraw / _reopen,
# through ``core.transitions.move``). Reopening a withdrawn application makes it a draft again.
APPLICATION_TRANSITIONS = {
    ApplicationStatus.DRAFT: {ApplicationStatus.SUBMITTED: "calls.submit_application"},
    ApplicationStatus.SUBMITTED: {ApplicationStatus.WITHDRAWN: "calls.withdraw_application",
                                  ApplicationStatus.DRAFT: "calls.reopen_application"},
    ApplicationStatus.WITHDRAWN: {ApplicationStatus.DRAFT: "calls.reopen_application"},
}


class Decision(models.TextChoices):
    PENDING = "", _("No decision yet")
    FUNDED = "funded", _("Funded")
    RESERVE = "reserve", _("Reserve list")
    REJECTED = "rejected", _("Not funded")


# A call without money (its maximum per application is 0: a call for seats) accepts rather than funds.
ACCEPTANCE_LABELS = {Decision.FUNDED: _("Accepted"), Decision.RESERVE: _("Reserve list"),
                     Decision.REJECTED: _("Not accepted")}


def _anonymous_code():
    # No 0/O or 1/I: codes are read aloud in jury meetings.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(6))


class Application(Transitions, models.Model):
    TRANSITIONS = APPLICATION_TRANSITIONS
    STATUS = ApplicationStatus

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications", verbose_name=_("call"))
    # Empty once the applicant deleted their account: a submitted application stays with the call's
    # records, anonymised (calls/personal_data.py).
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="applications", verbose_name=_("applicant"))
    organisation = models.ForeignKey("network.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="applications", verbose_name=_("on behalf of"))
    reference = models.CharField(_("reference"), max_length=40, unique=True)
    code = models.CharField(_("anonymous code"), max_length=12, unique=True, default=_anonymous_code)
    title = models.CharField(_("project title"), max_length=200)
    amount_requested = models.DecimalField(_("amount requested (lei)"), max_digits=14, decimal_places=2,
                                           null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.DRAFT)
    version = models.PositiveIntegerField(_("version"), default=0)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True, default="")
    amount_awarded = models.DecimalField(_("amount awarded (lei)"), max_digits=14, decimal_places=2,
                                         null=True, blank=True)
    feedback = models.TextField(_("feedback to the applicant"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["call", "applicant"], name="calls_one_application_per_person")]

    def __str__(self):
        return self.reference

    def move_not_possible(self, to) -> str:
        if to == ApplicationStatus.SUBMITTED:
            return _("This application was already submitted.")
        if to == ApplicationStatus.WITHDRAWN:
            return _("Only a submitted application can be withdrawn.")
        return _("This application cannot be reopened.")


class ApplicationFile(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    field_key = models.SlugField(max_length=50)
    # In the private storage (outside MEDIA_ROOT, no address of its own) under a random name; served
    # only by views.application_file. The original name is kept for the applicant only.
    file = models.FileField(upload_to=RandomName("calls/applications"), storage=private_storage)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "field_key"], name="calls_one_file_per_field")]


class Submission(models.Model):
    """Exactly what was submitted, each time: the receipt's content and its SHA-256."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="submissions")
    version = models.PositiveIntegerField()
    content = models.JSONField()
    sha256 = models.CharField(max_length=64)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["application", "version"], name="calls_submission_version")]


class Criterion(Bilingual, models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("call"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_ro = models.TextField(_("description (Romanian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1,
                                 validators=[MinValueValidator(0)])
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=0)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=10)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["position", "id"]
        constraints = [models.CheckConstraint(condition=Q(scale_max__gt=models.F("scale_min")),
                                              name="calls_criterion_scale_ordered")]

    def __str__(self):
        return self.name_ro


class Assignment(models.Model):
    """An evaluator asked to review one application."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assignments")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "evaluator"], name="calls_assign_once")]


class Conflict(models.Model):
    """An evaluator's declared conflict of interest: they are excluded from this application."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="conflicts")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(_("reason"), max_length=500)
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "evaluator"], name="calls_conflict_once")]


class Review(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="review")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    comment = models.TextField(_("overall comment"), blank=True, max_length=5000)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.DecimalField(max_digits=5, decimal_places=2)
    comment = models.TextField(blank=True, max_length=2000)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "criterion"], name="calls_score_once")]


class AuditEntry(models.Model):
    """What happened to a call that matters for fairness: lockings, revelations, decisions."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="audit_entries")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=40)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
