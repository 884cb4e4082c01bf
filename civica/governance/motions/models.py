"""Motions of the General Assembly and the member organisations' votes (see the package docstring)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual
from civica.core.transitions import Transitions
from civica.core.uploads import RandomName


class MotionKind(models.TextChoices):
    FOR_AGAINST = "for_against", _("For, against or abstain")
    CHOICE = "choice", _("A choice among options")


class Majority(models.TextChoices):
    """What adopts a motion (tally.py computes it)."""

    SIMPLE = "simple", _("Simple majority (more for than against)")
    ABSOLUTE = "absolute", _("Absolute majority (more than half of the member organisations)")
    TWO_THIRDS = "two_thirds", _("Two-thirds majority (of the votes cast)")


class MotionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for voting")
    CLOSED = "closed", _("Closed")


# {from: {to: permission}}: editors open a draft; a motion is closed once its window has ended
# (by the beat task or an editor; the pages treat it as closed from ``closes_at`` on anyway).
MOTION_TRANSITIONS = {
    MotionStatus.DRAFT: {MotionStatus.OPEN: "governance.open_motion"},
    MotionStatus.OPEN: {MotionStatus.CLOSED: "governance.close_motion"},
}


class MotionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Drafts only for those who may edit motions."""
        if user.has_perm("governance.edit_motions"):
            return self
        return self.exclude(status=MotionStatus.DRAFT)

    def ended_but_open(self, now=None):
        return self.filter(status=MotionStatus.OPEN, closes_at__lte=now or timezone.now())


class Motion(Transitions, Bilingual, models.Model):
    TRANSITIONS = MOTION_TRANSITIONS
    STATUS = MotionStatus

    body = models.ForeignKey("governance.Body", on_delete=models.PROTECT, related_name="motions",
                             verbose_name=_("body"))
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    text_ro = models.TextField(_("text (Romanian, Markdown)"))
    text_en = models.TextField(_("text (English, Markdown)"), blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=MotionKind.choices, default=MotionKind.FOR_AGAINST)
    meeting = models.ForeignKey("meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="motions", verbose_name=_("held at the meeting"),
                                help_text=_("Empty for a vote by correspondence."))
    opens_at = models.DateTimeField(_("voting opens at"))
    closes_at = models.DateTimeField(_("voting closes at"))
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum (% of member organisations that must vote)"), default=50,
        validators=[MinValueValidator(0), MaxValueValidator(100)])
    majority = models.CharField(_("majority"), max_length=12, choices=Majority.choices, default=Majority.SIMPLE)
    approves_plan = models.ForeignKey("accountability.Plan", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="approving_motions", verbose_name=_("approves the plan"))
    status = models.CharField(_("status"), max_length=8, choices=MotionStatus.choices, default=MotionStatus.DRAFT)
    # The number of member organisations when voting opened: turnout and quorum are shares of it.
    electorate = models.PositiveIntegerField(_("member organisations at opening"), null=True, blank=True,
                                             editable=False)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    objects = MotionQuerySet.as_manager()

    class Meta:
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        ordering = ["-closes_at", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")),
                                              name="governance_motion_window_ordered")]

    def __str__(self):
        return self.title_ro

    def get_absolute_url(self):
        return reverse("governance:motion_detail", args=[self.pk])

    def is_closed(self, now=None) -> bool:
        """Closed once recorded so, or once the window has ended (derived on read)."""
        return self.status == MotionStatus.CLOSED or (
            self.status == MotionStatus.OPEN and self.closes_at <= (now or timezone.now()))

    def is_accepting_votes(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == MotionStatus.OPEN and self.opens_at <= now < self.closes_at


class MotionOption(Bilingual, models.Model):
    """What a member organisation may answer. A for/against motion has three: for, against, abstain
    (``key``); a choice has its own options (``key`` empty)."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="options", verbose_name=_("motion"))
    key = models.CharField(_("meaning"), max_length=8, blank=True,
                           choices=[("for", _("For")), ("against", _("Against")), ("abstain", _("Abstain"))])
    label_ro = models.CharField(_("label (Romanian)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["motion", "position", "pk"]

    def __str__(self):
        return self.label_ro


class MotionDocument(models.Model):
    """A public document of the motion (a PDF, checked by content), as a meeting's documents."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="documents", verbose_name=_("motion"))
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file (PDF)"), upload_to=RandomName("governance/motions"))

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


class MotionVote(models.Model):
    """The vote of one member organisation on one motion, cast by one of its representatives. It stays
    counted when that person's account is deleted (``cast_by`` set null)."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="votes", verbose_name=_("motion"))
    organisation = models.ForeignKey("network.Organisation", on_delete=models.PROTECT, related_name="motion_votes",
                                     verbose_name=_("organisation"))
    option = models.ForeignKey(MotionOption, on_delete=models.PROTECT, related_name="votes",
                               verbose_name=_("option"))
    cast_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="motion_votes", verbose_name=_("cast by"))
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["motion", "organisation"],
                                               name="governance_one_vote_per_organisation")]

    def __str__(self):
        return f"{self.motion} · {self.organisation}"
