"""Bodies, their seats and the terms people hold them for.

- ``Body``: a body of the centre (seeds/000, 002, 003) — its role (decision-making or consultative) and
  its rules as data: how many seats, how long a term lasts, who is eligible (an age range for the Youth
  Council, member organisations for the General Assembly), and a note of further rules.
- ``Seat``: a place in a body with its role (chair, vice-chair, secretary, member); held either by a
  person in their own right or by a person on behalf of an organisation.
- ``Term``: who held a seat, from when to when. Terms of one seat never overlap and a person never
  holds two terms of the same seat at once (services check both under a lock of the seat). When the
  person's account is deleted the term keeps its role and dates without them (``holder`` set null,
  ``holder_name`` emptied by the personal-data eraser)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from civica.accountability.models import Level
from civica.core.i18n import Bilingual


class BodyRole(models.TextChoices):
    DECISION_MAKING = "decision_making", _("Decision-making")
    CONSULTATIVE = "consultative", _("Consultative")


class HeldBy(models.TextChoices):
    """How the seats of a body are held."""

    ORGANISATIONS = "organisations", _("On behalf of an organisation")
    PERSONS = "persons", _("In their own right")
    EITHER = "either", _("Either")


class Body(Bilingual, models.Model):
    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    role = models.CharField(_("role"), max_length=20, choices=BodyRole.choices)
    description_ro = models.TextField(_("description (Romanian, Markdown)"), blank=True)
    description_en = models.TextField(_("description (English, Markdown)"), blank=True)
    # Its rules, as data.
    size = models.PositiveSmallIntegerField(
        _("number of seats"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Empty when the body has no fixed size (the General Assembly: one seat per member)."))
    term_months = models.PositiveSmallIntegerField(
        _("term length (months)"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Empty when terms have no fixed length."))
    held_by = models.CharField(_("seats held"), max_length=16, choices=HeldBy.choices, default=HeldBy.EITHER)
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    eligibility_ro = models.TextField(_("who may hold a seat (Romanian)"), blank=True)
    eligibility_en = models.TextField(_("who may hold a seat (English)"), blank=True)
    is_open_to_new_members = models.BooleanField(_("open to new members"), default=False)
    reviews_membership_applications = models.BooleanField(
        _("reviews applications to become a member"), default=False,
        help_text=_("The people holding its seats now review organisations' applications with the staff "
                    "(the Board of Directors)."))
    established_on = models.DateField(_("established on"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["position", "name_ro"]
        constraints = [models.CheckConstraint(
            condition=models.Q(min_age__isnull=True) | models.Q(max_age__isnull=True)
            | models.Q(max_age__gte=models.F("min_age")), name="governance_body_age_range")]

    def __str__(self):
        return self.name_ro

    def get_absolute_url(self):
        return reverse("governance:body_detail", args=[self.slug])


class SeatRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")


class Seat(Bilingual, models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="seats", verbose_name=_("body"))
    role = models.CharField(_("role"), max_length=12, choices=SeatRole.choices, default=SeatRole.MEMBER)
    # Seats are shown chair first, then by this position.
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label_ro = models.CharField(_("label (Romanian)"), max_length=200, blank=True,
                                help_text=_("What the seat is for, when it is reserved (e.g. “the City Hall”)."))
    label_en = models.CharField(_("label (English)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["body", "position", "id"]

    def __str__(self):
        return f"{self.body} · {self.get_role_display()} {self.position}"


class Term(models.Model):
    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="terms", verbose_name=_("seat"))
    holder = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="seat_terms", verbose_name=_("held by"))
    # The name shown publicly, kept apart from the account so that the history reads well; emptied when
    # the account is deleted.
    holder_name = models.CharField(_("holder's name"), max_length=200, blank=True)
    organisation = models.ForeignKey("network.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="seat_terms", verbose_name=_("on behalf of"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"), null=True, blank=True, help_text=_("Empty while the term runs on."))
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["seat", "-starts_on"]
        constraints = [models.CheckConstraint(
            condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gt=models.F("starts_on")),
            name="governance_term_dates_ordered")]
        indexes = [models.Index(fields=["seat", "starts_on"], name="governance_term_seat_start")]

    def __str__(self):
        return f"{self.seat} · {self.starts_on}–{self.ends_on or ''}"


class BodyMeeting(Bilingual, models.Model):
    """A meeting (the meetings app's) held by a body, with the agenda the body set for it; the minutes are
    the meeting's own."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meeting_links", verbose_name=_("body"))
    meeting = models.OneToOneField("meetings.Meeting", on_delete=models.CASCADE, related_name="body_link",
                                   verbose_name=_("meeting"))
    agenda_ro = models.TextField(_("agenda (Romanian, Markdown)"), blank=True)
    agenda_en = models.TextField(_("agenda (English, Markdown)"), blank=True)

    class Meta:
        verbose_name = _("meeting of a body")
        verbose_name_plural = _("meetings of bodies")

    def __str__(self):
        return f"{self.body} · {self.meeting}"


class Decision(Bilingual, models.Model):
    """A decision of a body, numbered as the body numbers them, taken at one of its meetings or outside
    one (by correspondence)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("body"))
    meeting = models.ForeignKey("meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="body_decisions", verbose_name=_("taken at the meeting"))
    number = models.CharField(_("number"), max_length=40)
    text_ro = models.TextField(_("text (Romanian, Markdown)"))
    text_en = models.TextField(_("text (English, Markdown)"), blank=True)
    decided_on = models.DateField(_("date"))
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["body", "-decided_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["body", "number"], name="governance_decision_number")]

    def __str__(self):
        return f"{self.body} · {self.number}"


class BodyObjective(Bilingual, models.Model):
    """A body's objective for a year (the Board of Directors' annual objectives, seeds/000), assessed on the
    centre's four-level scale; shown on the body's page and in the plan document of that year."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="objectives", verbose_name=_("body"))
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    text_ro = models.TextField(_("objective (Romanian)"))
    text_en = models.TextField(_("objective (English)"), blank=True)
    level = models.CharField(_("assessment"), max_length=10, choices=Level.choices, blank=True,
                             help_text=_("Empty until the objective is assessed."))
    narrative_ro = models.TextField(_("what was done (Romanian)"), blank=True)
    narrative_en = models.TextField(_("what was done (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("objective of a body")
        verbose_name_plural = _("objectives of bodies")
        ordering = ["body", "-year", "position", "id"]

    def __str__(self):
        return f"{self.body} · {self.year} · {self.text_ro[:60]}"


# --- Calls for seats (governance/seat_calls/): a call of the calls app whose outcome is a seat and a term ---

class SeatCall(models.Model):
    """A call of the calls app through which ``body`` recruits: the people it accepts take ``seats`` seats
    of ``role`` for a term of ``term_months`` (the body's term length when the call was opened)."""

    call = models.OneToOneField("calls.Call", on_delete=models.CASCADE, related_name="seat_call",
                                verbose_name=_("call"))
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="seat_calls", verbose_name=_("body"))
    role = models.CharField(_("role of the seats"), max_length=12, choices=SeatRole.choices, default=SeatRole.MEMBER)
    seats = models.PositiveSmallIntegerField(_("number of seats"), validators=[MinValueValidator(1)])
    term_months = models.PositiveSmallIntegerField(_("term length (months)"), null=True, blank=True,
                                                   validators=[MinValueValidator(1)],
                                                   help_text=_("Empty when terms have no fixed length."))

    class Meta:
        verbose_name = _("call for seats")
        verbose_name_plural = _("calls for seats")
        ordering = ["-call__opens_at"]

    def __str__(self):
        return f"{self.body} · {self.call}"


class SeatAppointment(models.Model):
    """The term an accepted application of a call for seats started: one per application, so deciding
    twice never starts two terms."""

    seat_call = models.ForeignKey(SeatCall, on_delete=models.CASCADE, related_name="appointments",
                                  verbose_name=_("call for seats"))
    application = models.OneToOneField("calls.Application", on_delete=models.CASCADE,
                                       related_name="seat_appointment", verbose_name=_("application"))
    term = models.OneToOneField(Term, on_delete=models.CASCADE, related_name="appointment", verbose_name=_("term"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("appointment from a call for seats")
        verbose_name_plural = _("appointments from calls for seats")

    def __str__(self):
        return f"{self.seat_call} · {self.term}"


# ---------------------------------------------------------------------------------------------------
# General Assembly motions and votes live in their own package (governance/motions/); Django finds
# their models through this module.
# ---------------------------------------------------------------------------------------------------
from .motions.models import (  # noqa: E402, F401
    Majority,
    Motion,
    MotionDocument,
    MotionKind,
    MotionOption,
    MotionStatus,
    MotionVote,
)
