"""The vouchers' rows.

- ``VoucherProgramme``: a programme of vouchers within a programme of the centre (network's
  ``Programme``): purpose, eligibility, period, the unit (lei or entries), the value of one voucher,
  its validity, the budget, and what is committed of it (``committed``: every issued voucher's value,
  less what cancelled vouchers left unspent). ``committed`` only changes under the programme's row lock
  and a database constraint keeps it within the budget, so issuing stops before the budget is passed.
  Its status moves draft → open → closed (``PROGRAMME_TRANSITIONS``); vouchers are issued while open.
- ``Venue`` (a partner venue: a member organisation or not) and its ``Offer``s (an event, a workshop, an
  entry, with dates and a price in the programme's unit), each accepted by the programmes it names.
- ``ProgrammeRole`` and ``VenueStaff``: the scoped roles of this app. A programme's *staff* run it
  (cancel, re-issue, reverse a redemption, see every beneficiary); a *referrer* (a social worker, a doctor,
  a community facilitator; with their partner organisation) registers beneficiaries and sees only those
  they registered. Venue staff redeem at their venue only. Kept here, not in accounts' ``Role``, because
  each is held on this app's rows.
- ``Beneficiary``: a pseudonymous record. Only a reference (``B-7K2M9Q``), an optional alias the referrer
  recognises, the language of their card, and optionally an e-mail address or an account (to deliver the
  voucher, and for download-my-data). No name, phone, address or date of birth is asked.
- ``Voucher``: the code (codes.py), value and balance (a constraint keeps it between 0 and the value),
  expiry, status active → cancelled / replaced (``VOUCHER_TRANSITIONS``); a replaced voucher points to the
  one that replaced it. An expired voucher is one whose ``expires_on`` has passed: derived, not stored.
- ``Redemption``: final once made (the balance is lowered under the voucher's row lock); a mistaken one is
  reversed by the programme's staff, which keeps the row with who reversed it, when and why. Made by a
  venue's staff member on the phone page, or by a venue's system through the API with a ``VenueToken``.
  It belongs to the settlement ``Statement`` that reimburses it (``statement``) and, once reversed, to the
  one that deducts it (``reversal_statement``: the same one while that is a draft, a later one once it is
  approved).
- ``Statement``: what one programme reimburses one venue for one month (issue 22, point 7), moved
  draft → approved → paid by the programme's staff (``STATEMENT_TRANSITIONS``); an approved statement's
  lines never change again (services.py says how lines are chosen).
- ``VenueToken``: a venue's key to the API (issue 22, point 6), made and revoked by the venue's staff or
  the staff of a programme that accepts the venue; only its SHA-256 is kept (``core.secret_tokens``), the
  token itself is shown once. It acts for the venue only, as the venue's staff do on the phone page.
- ``BulkIssue``: N vouchers issued at once by a programme's staff (a partner's referrals, printed cards for
  a distribution), without beneficiaries; their cards are rendered by the task queue in parts of
  ``CARDS_PER_PART`` cards (one PDF of many A6 cards each), and ``parts_done`` says how far it is.
- ``EligibilityQuestion``: a question a resident answers to apply online, with the columns of calls' form
  engine (``calls.form_engine.Question``), in the kinds that make sense for eligibility.
- ``Application``: a resident's online application (one per person and programme): its answers, draft →
  submitted → approved (a beneficiary record and a voucher, issued within the budget) or refused (with a
  reason the applicant is told); the applicant may withdraw it until it is decided
  (``APPLICATION_TRANSITIONS``).
- An offer's ``proposed_to``: the programmes a venue's staff offered it to, until the programme's staff
  accept it (it moves to ``programmes``) or decline it."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.calls.form_engine import FieldKind, Question
from civica.core.i18n import Bilingual
from civica.core.transitions import Transitions

from . import codes


class Unit(models.TextChoices):
    LEI = "lei", _("lei")
    ENTRIES = "entries", _("entries")


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open: vouchers are issued")
    CLOSED = "closed", _("Closed")


PROGRAMME_TRANSITIONS = {
    ProgrammeStatus.DRAFT: {ProgrammeStatus.OPEN: "vouchers.run_programme"},
    ProgrammeStatus.OPEN: {ProgrammeStatus.CLOSED: "vouchers.run_programme"},
    ProgrammeStatus.CLOSED: {ProgrammeStatus.OPEN: "vouchers.run_programme"},
}


class VoucherProgrammeQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(status=ProgrammeStatus.DRAFT)


class VoucherProgramme(Transitions, Bilingual, models.Model):
    TRANSITIONS = PROGRAMME_TRANSITIONS
    STATUS = ProgrammeStatus

    programme = models.ForeignKey("network.Programme", on_delete=models.PROTECT, related_name="voucher_programmes",
                                  verbose_name=_("programme of the centre"))
    name_ro = models.CharField(_("name (Romanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    purpose_ro = models.TextField(_("purpose (Romanian)"), blank=True)
    purpose_en = models.TextField(_("purpose (English)"), blank=True)
    eligibility_ro = models.TextField(_("who is eligible (Romanian)"), blank=True)
    eligibility_en = models.TextField(_("who is eligible (English)"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    unit = models.CharField(_("unit"), max_length=8, choices=Unit.choices, default=Unit.LEI)
    voucher_value = models.DecimalField(_("value of a voucher"), max_digits=10, decimal_places=2,
                                        help_text=_("In lei, or a number of entries."))
    validity_days = models.PositiveSmallIntegerField(
        _("validity (days)"), default=90,
        help_text=_("A voucher expires this many days after it is issued, and never after the programme ends."))
    budget = models.DecimalField(_("budget"), max_digits=12, decimal_places=2,
                                 help_text=_("In the programme's unit. Issuing stops before it is passed."))
    committed = models.DecimalField(_("committed"), max_digits=12, decimal_places=2, default=Decimal("0"),
                                    editable=False)
    retention_until = models.DateField(
        _("beneficiaries' data kept until"), null=True, blank=True,
        help_text=_("After this date the beneficiaries' records are erased; redemptions are kept without them."))
    venues = models.ManyToManyField("Venue", blank=True, related_name="programmes", verbose_name=_("partner venues"))
    status = models.CharField(_("status"), max_length=8, choices=ProgrammeStatus.choices,
                              default=ProgrammeStatus.DRAFT)
    accepts_applications = models.BooleanField(
        _("residents apply online"), default=False,
        help_text=_("While the programme is open, residents with an account answer its eligibility questions "
                    "and its staff approve or refuse each application."))
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    objects = VoucherProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("voucher programme")
        verbose_name_plural = _("voucher programmes")
        ordering = ["-starts_on", "name_ro"]
        constraints = [
            models.CheckConstraint(condition=Q(committed__gte=0) & Q(committed__lte=F("budget")),
                                   name="vouchers_programme_within_budget"),
            models.CheckConstraint(condition=Q(voucher_value__gt=0), name="vouchers_programme_value_positive"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="vouchers_programme_period"),
        ]

    def __str__(self):
        return self.name_ro

    @property
    def available(self) -> Decimal:
        return self.budget - self.committed

    def expiry_for(self, issued_on: datetime.date) -> datetime.date:
        return min(issued_on + datetime.timedelta(days=self.validity_days), self.ends_on)


class VenueQuerySet(models.QuerySet):
    pass


class Venue(Bilingual, models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    organisation = models.ForeignKey("network.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="voucher_venues", verbose_name=_("organisation"),
                                     help_text=_("A member or partner organisation, when the venue is one."))
    address = models.CharField(_("address"), max_length=300, blank=True)
    description_ro = models.TextField(_("description (Romanian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    objects = VenueQuerySet.as_manager()

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OfferKind(models.TextChoices):
    EVENT = "event", _("Event")
    WORKSHOP = "workshop", _("Workshop")
    ENTRY = "entry", _("Entry")


class OfferQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        """Offers that can be used on ``on`` (today): begun or without a start, not ended."""
        on = on or timezone.localdate()
        return self.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=on),
                           Q(ends_on__isnull=True) | Q(ends_on__gte=on))


class Offer(Bilingual, models.Model):
    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="offers", verbose_name=_("venue"))
    programmes = models.ManyToManyField(VoucherProgramme, related_name="offers", verbose_name=_("accepted by"))
    proposed_to = models.ManyToManyField(VoucherProgramme, blank=True, related_name="proposed_offers",
                                         verbose_name=_("proposed to"),
                                         help_text=_("Programmes whose staff have not accepted it yet."))
    kind = models.CharField(_("kind"), max_length=10, choices=OfferKind.choices, default=OfferKind.EVENT)
    title_ro = models.CharField(_("title (Romanian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_ro = models.TextField(_("description (Romanian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    price = models.DecimalField(_("price"), max_digits=10, decimal_places=2,
                                help_text=_("In the unit of the programmes that accept it: lei, or entries."))
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["starts_on", "title_ro"]
        constraints = [models.CheckConstraint(condition=Q(price__gt=0), name="vouchers_offer_price_positive")]

    def __str__(self):
        return self.title_ro


class ProgrammeRoleKind(models.TextChoices):
    STAFF = "staff", _("Programme staff")
    REFERRER = "referrer", _("Referring partner")


class ProgrammeRole(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="voucher_roles",
                             verbose_name=_("user"))
    programme = models.ForeignKey(VoucherProgramme, on_delete=models.CASCADE, related_name="roles",
                                  verbose_name=_("voucher programme"))
    role = models.CharField(_("role"), max_length=10, choices=ProgrammeRoleKind.choices)
    organisation = models.ForeignKey("network.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("on behalf of"))

    class Meta:
        verbose_name = _("role in a voucher programme")
        verbose_name_plural = _("roles in voucher programmes")
        constraints = [models.UniqueConstraint(fields=["user", "programme", "role"], name="vouchers_role_unique")]

    def __str__(self):
        return f"{self.get_role_display()}: {self.programme}"


class VenueStaff(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="voucher_venues",
                             verbose_name=_("user"))
    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="staff", verbose_name=_("venue"))

    class Meta:
        verbose_name = _("venue staff")
        verbose_name_plural = _("venue staff")
        constraints = [models.UniqueConstraint(fields=["user", "venue"], name="vouchers_venue_staff_unique")]

    def __str__(self):
        return f"{self.user} — {self.venue}"


class Beneficiary(models.Model):
    programme = models.ForeignKey(VoucherProgramme, on_delete=models.PROTECT, related_name="beneficiaries",
                                  verbose_name=_("voucher programme"))
    reference = models.CharField(_("reference"), max_length=12, unique=True)
    alias = models.CharField(_("alias"), max_length=60, blank=True,
                             help_text=_("Optional: a first name or nickname you will recognise. Not printed."))
    language = models.CharField(_("language of the card"), max_length=8, choices=settings.LANGUAGES,
                                default=settings.LANGUAGE_CODE)
    email = models.EmailField(_("e-mail address"), blank=True,
                              help_text=_("Optional: the voucher is sent there too."))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="voucher_beneficiaries", verbose_name=_("account"))
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="voucher_referrals", verbose_name=_("referred by"))
    referrer_organisation = models.ForeignKey("network.Organisation", null=True, blank=True,
                                              on_delete=models.SET_NULL, related_name="+",
                                              verbose_name=_("referring organisation"))
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    class Meta:
        verbose_name = _("beneficiary")
        verbose_name_plural = _("beneficiaries")
        ordering = ["-created_at"]

    def __str__(self):
        return self.reference


class VoucherStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    CANCELLED = "cancelled", _("Cancelled")
    REPLACED = "replaced", _("Replaced by a new card")


VOUCHER_TRANSITIONS = {
    VoucherStatus.ACTIVE: {VoucherStatus.CANCELLED: "vouchers.manage_voucher",
                           VoucherStatus.REPLACED: "vouchers.manage_voucher"},
}


class Voucher(Transitions, models.Model):
    TRANSITIONS = VOUCHER_TRANSITIONS
    STATUS = VoucherStatus

    programme = models.ForeignKey(VoucherProgramme, on_delete=models.PROTECT, related_name="vouchers",
                                  verbose_name=_("voucher programme"))
    beneficiary = models.ForeignKey(Beneficiary, null=True, on_delete=models.SET_NULL, related_name="vouchers",
                                    verbose_name=_("beneficiary"))
    code = models.CharField(_("code"), max_length=codes.LENGTH, unique=True)
    value = models.DecimalField(_("value"), max_digits=10, decimal_places=2)
    balance = models.DecimalField(_("balance"), max_digits=10, decimal_places=2)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("issued by"))
    expires_on = models.DateField(_("valid until"))
    status = models.CharField(_("status"), max_length=10, choices=VoucherStatus.choices, default=VoucherStatus.ACTIVE)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    replaced_by = models.OneToOneField("self", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="replaces", verbose_name=_("replaced by"))
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    bulk_issue = models.ForeignKey("BulkIssue", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="vouchers", verbose_name=_("issued in bulk"))

    class Meta:
        verbose_name = _("voucher")
        verbose_name_plural = _("vouchers")
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(condition=Q(balance__gte=0) & Q(balance__lte=F("value")),
                                   name="vouchers_balance_within_value"),
        ]

    def __str__(self):
        return codes.display(self.code)

    @property
    def display_code(self) -> str:
        return codes.display(self.code)

    def is_expired(self, on: datetime.date | None = None) -> bool:
        return (on or timezone.localdate()) > self.expires_on

    @property
    def spent(self) -> Decimal:
        return self.value - self.balance


class Redemption(models.Model):
    voucher = models.ForeignKey(Voucher, on_delete=models.PROTECT, related_name="redemptions",
                                verbose_name=_("voucher"))
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="redemptions", verbose_name=_("venue"))
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="redemptions", verbose_name=_("offer"))
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)
    redeemed_at = models.DateTimeField(_("redeemed at"), default=timezone.now)
    redeemed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("redeemed by"))
    reversed_at = models.DateTimeField(_("reversed at"), null=True, blank=True)
    reversed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("reversed by"))
    reversal_reason = models.CharField(_("why it was reversed"), max_length=300, blank=True)
    statement = models.ForeignKey("Statement", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="redemptions", verbose_name=_("reimbursed in"))
    reversal_statement = models.ForeignKey("Statement", null=True, blank=True, on_delete=models.PROTECT,
                                           related_name="reversals", verbose_name=_("reversal deducted in"))
    venue_token = models.ForeignKey("VenueToken", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="redemptions", verbose_name=_("through the venue's API token"))
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    class Meta:
        verbose_name = _("redemption")
        verbose_name_plural = _("redemptions")
        ordering = ["-redeemed_at"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="vouchers_redemption_positive")]

    def __str__(self):
        return f"{self.voucher} — {self.offer} ({self.amount})"

    @property
    def is_reversed(self) -> bool:
        return self.reversed_at is not None


class StatementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    PAID = "paid", _("Paid")


STATEMENT_TRANSITIONS = {
    StatementStatus.DRAFT: {StatementStatus.APPROVED: "vouchers.approve_statement"},
    StatementStatus.APPROVED: {StatementStatus.PAID: "vouchers.pay_statement"},
}


class Statement(Transitions, models.Model):
    TRANSITIONS = STATEMENT_TRANSITIONS
    STATUS = StatementStatus

    programme = models.ForeignKey(VoucherProgramme, on_delete=models.PROTECT, related_name="statements",
                                  verbose_name=_("voucher programme"))
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="statements", verbose_name=_("venue"))
    month = models.DateField(_("month"), help_text=_("The first day of the month settled."))
    status = models.CharField(_("status"), max_length=10, choices=StatementStatus.choices,
                              default=StatementStatus.DRAFT)
    created_at = models.DateTimeField(_("prepared at"), default=timezone.now)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("approved by"))
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    paid_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+", verbose_name=_("paid by"))
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    class Meta:
        verbose_name = _("settlement statement")
        verbose_name_plural = _("settlement statements")
        ordering = ["-month", "venue__name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "venue", "month"], name="vouchers_statement_unique"),
            models.CheckConstraint(condition=Q(month__day=1), name="vouchers_statement_first_of_month"),
        ]

    def __str__(self):
        return f"{self.venue} — {self.month:%Y-%m}"

    @property
    def is_draft(self) -> bool:
        return self.status == StatementStatus.DRAFT
class VenueTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class VenueToken(models.Model):
    """A venue's key to the API. It stands for the venue where a person stands on the phone page: the
    permission predicates accept it as the venue's staff (``is_authenticated`` and ``is_active`` say it is
    a caller; ``pk`` is its own)."""

    PREFIX = "civv_"

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="tokens", verbose_name=_("venue"))
    name = models.CharField(_("name"), max_length=80, help_text=_("Which system uses it, to recognise it later."))
    prefix = models.CharField(_("starts with"), max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("made by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("revoked by"))

    objects = VenueTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("venue's API token")
        verbose_name_plural = _("venues' API tokens")
        ordering = ["-created_at", "-id"]
        constraints = [models.CheckConstraint(condition=Q(expires_at__gt=F("created_at")),
                                              name="vouchers_venue_token_expires_after_creation")]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    is_usable = is_active

    def has_perm(self, perm, obj=None) -> bool:
        import rules

        return rules.has_perm(perm, self, obj)


class BulkIssue(models.Model):
    CARDS_PER_PART = 250

    programme = models.ForeignKey(VoucherProgramme, on_delete=models.PROTECT, related_name="bulk_issues",
                                  verbose_name=_("voucher programme"))
    count = models.PositiveIntegerField(_("number of vouchers"))
    value = models.DecimalField(_("value of a voucher"), max_digits=10, decimal_places=2)
    purpose = models.CharField(_("what they are for"), max_length=200,
                               help_text=_("For example: the referrals of a partner, or cards for a distribution."))
    language = models.CharField(_("language of the cards"), max_length=8, choices=settings.LANGUAGES,
                                default=settings.LANGUAGE_CODE)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("issued by"))
    created_at = models.DateTimeField(_("issued at"), default=timezone.now)
    parts = models.PositiveIntegerField(_("parts to print"), default=0)
    parts_done = models.PositiveIntegerField(_("parts rendered"), default=0)

    class Meta:
        verbose_name = _("bulk issue")
        verbose_name_plural = _("bulk issues")
        ordering = ["-created_at", "-id"]
        constraints = [models.CheckConstraint(condition=Q(parts_done__lte=F("parts")),
                                              name="vouchers_bulk_parts_done_within_parts")]

    def __str__(self):
        return f"{self.count} × {self.value} — {self.purpose}"

    @property
    def is_rendered(self) -> bool:
        return self.parts_done >= self.parts

    @property
    def part_numbers(self) -> list[dict]:
        return [{"index": part, "number": part + 1} for part in range(self.parts)]

    def part_name(self, part: int) -> str:
        return f"vouchers.bulk:{self.pk}:{part}"
# The kinds of eligibility question (no files, budget tables or team lists: nothing private to store).
QUESTION_KINDS = (FieldKind.SHORT_TEXT, FieldKind.LONG_TEXT, FieldKind.NUMBER, FieldKind.DATE,
                  FieldKind.SINGLE_CHOICE, FieldKind.MULTIPLE_CHOICE, FieldKind.DECLARATION)
QUESTION_KIND_CHOICES = [(kind.value, kind.label) for kind in QUESTION_KINDS]


class EligibilityQuestion(Question):
    programme = models.ForeignKey(VoucherProgramme, on_delete=models.CASCADE, related_name="questions",
                                  verbose_name=_("voucher programme"))

    class Meta(Question.Meta):
        verbose_name = _("eligibility question")
        verbose_name_plural = _("eligibility questions")
        constraints = [models.UniqueConstraint(fields=["programme", "key"], name="vouchers_question_key_unique")]


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted: waiting for a decision")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


APPLICATION_TRANSITIONS = {
    ApplicationStatus.DRAFT: {ApplicationStatus.SUBMITTED: "vouchers.submit_application",
                              ApplicationStatus.WITHDRAWN: "vouchers.withdraw_application"},
    ApplicationStatus.SUBMITTED: {ApplicationStatus.APPROVED: "vouchers.review_application",
                                  ApplicationStatus.REFUSED: "vouchers.review_application",
                                  ApplicationStatus.WITHDRAWN: "vouchers.withdraw_application"},
}


class Application(Transitions, models.Model):
    TRANSITIONS = APPLICATION_TRANSITIONS
    STATUS = ApplicationStatus

    programme = models.ForeignKey(VoucherProgramme, on_delete=models.PROTECT, related_name="applications",
                                  verbose_name=_("voucher programme"))
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="voucher_applications", verbose_name=_("applicant"))
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.DRAFT)
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("decided by"))
    refusal_reason = models.TextField(_("reason for the refusal"), blank=True)
    beneficiary = models.OneToOneField(Beneficiary, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="application", verbose_name=_("beneficiary"))

    class Meta:
        verbose_name = _("application for a voucher")
        verbose_name_plural = _("applications for vouchers")
        ordering = ["submitted_at", "created_at"]
        constraints = [models.UniqueConstraint(fields=["programme", "applicant"],
                                               name="vouchers_one_application_per_person")]

    def __str__(self):
        return f"{self.programme} — {self.applicant_id}"
