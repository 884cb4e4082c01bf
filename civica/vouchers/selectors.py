"""The vouchers' reads, each page in a fixed number of queries.

- ``open_programmes()``: the programmes the public sees (not drafts), with their programme of the centre.
- ``offers_for(programme)`` / ``public_offers(programme=None)``: offers that can be used today, accepted
  by the programme (or by any public programme) at a venue the programme accepts, with their venue.
- ``voucher_page(code)``: a voucher with its programme and its redemptions (not reversed).
- ``referrals(user, query)``: the beneficiaries a person may see (those they referred; all of the
  programmes they are staff of), newest first, with their current voucher, found by reference or alias.
- ``programme_summary(programme)``: what is issued, redeemed and left of the budget, for its staff.
- ``venues_of(user)`` / ``programmes_for_referrer(user)``: what a person's roles cover;
  ``offers_at_venues_of(user)``: the offers a venue's staff may redeem for, with their venue (the venues
  read from the ids the permission check already kept on the user, so no query of its own).
- ``statements_for(user)``: the settlement statements a person sees (their programmes' as staff, their
  venues' as venue staff), with their totals, newest month first; ``statement_lines(statement)``: its
  redemptions and reversals as lines (never the beneficiary: the voucher's code masked).
- ``bulk_issues(programme)``: its bulk issues, newest first, with who issued them.
- Applications: ``application_of(user, programme)`` (a person's own), ``voucher_of_application``,
  ``applications_for(programme, status)`` and ``application_counts`` (the staff's list),
  ``application_for_review``.
- The staff's screens: ``managed_programmes(user)`` (all for editors), ``programme_venues``,
  ``venue_offers(venue)``, ``offers_to_decide(programme)``, ``venue_staff_of(venue)``."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, ExpressionWrapper, F, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from civica.accounts.predicates import is_editor

from . import codes
from .models import (
    Application,
    ApplicationStatus,
    Beneficiary,
    BulkIssue,
    Offer,
    ProgrammeRole,
    ProgrammeRoleKind,
    Redemption,
    Statement,
    Venue,
    VenueStaff,
    Voucher,
    VoucherProgramme,
    VoucherStatus,
)
from .predicates import staff_venue_ids

LIST_LIMIT = 100


def open_programmes():
    return VoucherProgramme.objects.public().select_related("programme")


def offers_for(programme, *, on=None):
    return (Offer.objects.current(on).filter(programmes=programme, venue__programmes=programme)
            .select_related("venue").distinct().order_by("starts_on", "title_ro", "pk"))


def public_offers(programme=None, *, on=None):
    offers = Offer.objects.current(on).filter(programmes__status__in=["open"])
    if programme is not None:
        offers = offers.filter(programmes=programme, venue__programmes=programme)
    return (offers.select_related("venue").prefetch_related(
        Prefetch("programmes", queryset=VoucherProgramme.objects.public().order_by("name_ro")))
        .distinct().order_by("starts_on", "title_ro", "pk"))


def voucher_page(code: str):
    return (Voucher.objects.select_related("programme", "beneficiary", "replaced_by")
            .prefetch_related(Prefetch("redemptions", queryset=Redemption.objects.filter(reversed_at=None)
                                       .select_related("offer", "venue").order_by("-redeemed_at")))
            .filter(code=code).first())


def _staff_programme_ids(user):
    return ProgrammeRole.objects.filter(user=user, role=ProgrammeRoleKind.STAFF).values("programme_id")


def visible_beneficiaries(user):
    if not user.is_authenticated:
        return Beneficiary.objects.none()
    return Beneficiary.objects.filter(Q(referred_by=user) | Q(programme__in=_staff_programme_ids(user)))


def referrals(user, query: str = ""):
    beneficiaries = visible_beneficiaries(user)
    query = query.strip()
    if query:
        beneficiaries = beneficiaries.filter(Q(reference__iexact=query) | Q(alias__icontains=query))
    return (beneficiaries.select_related("programme")
            .prefetch_related(Prefetch("vouchers", queryset=Voucher.objects.filter(status=VoucherStatus.ACTIVE)))
            .order_by("-created_at", "-pk")[:LIST_LIMIT])


def beneficiary_detail(user, reference: str):
    redemptions = Redemption.objects.select_related("offer", "venue", "reversed_by").order_by("-redeemed_at")
    vouchers = (Voucher.objects.select_related("replaced_by")
                .prefetch_related(Prefetch("redemptions", queryset=redemptions)).order_by("-issued_at"))
    return (visible_beneficiaries(user).select_related("programme", "referred_by", "referrer_organisation")
            .prefetch_related(Prefetch("vouchers", queryset=vouchers)).filter(reference=reference).first())


def programmes_for_referrer(user):
    if not user.is_authenticated:
        return VoucherProgramme.objects.none()
    today = timezone.localdate()
    return (VoucherProgramme.objects.filter(roles__user=user, status="open", starts_on__lte=today, ends_on__gte=today)
            .distinct().order_by("name_ro"))


def staff_programmes(user):
    if not user.is_authenticated:
        return VoucherProgramme.objects.none()
    return VoucherProgramme.objects.filter(pk__in=_staff_programme_ids(user)).order_by("name_ro")


def venues_of(user):
    if not user.is_authenticated:
        return Venue.objects.none()
    return Venue.objects.filter(staff__user=user).order_by("name")


def offers_at_venues_of(user):
    return Offer.objects.filter(venue_id__in=staff_venue_ids(user)).select_related("venue")


def programme_summary(programme) -> dict:
    vouchers = Voucher.objects.filter(programme=programme).aggregate(
        issued=Count("pk", filter=~Q(status=VoucherStatus.REPLACED)),
        active=Count("pk", filter=Q(status=VoucherStatus.ACTIVE)))
    redeemed = Redemption.objects.filter(voucher__programme=programme, reversed_at=None).aggregate(
        count=Count("pk"), total=Sum("amount"))
    return {"issued": vouchers["issued"], "active": vouchers["active"], "redemptions": redeemed["count"],
            "redeemed": redeemed["total"] or Decimal("0"), "committed": programme.committed,
            "available": programme.available, "budget": programme.budget}


def recent_redemptions(programme):
    return (Redemption.objects.filter(voucher__programme=programme)
            .select_related("voucher__beneficiary", "offer", "venue", "reversed_by")
            .order_by("-redeemed_at", "-pk")[:LIST_LIMIT])


def masked_code(code: str) -> str:
    """A voucher's code on a statement: its last five symbols only, enough to find a redemption again."""
    return "····-····-····-" + codes.display(code)[-6:]


def with_totals(statements):
    """Each statement with ``reimbursed`` (its redemptions), ``deducted`` (its reversals), ``net`` (what is
    reimbursed) and the count of each kind of line."""
    money = DecimalField(max_digits=14, decimal_places=2)

    def summed(field):
        return Coalesce(Subquery(Redemption.objects.filter(**{field: OuterRef("pk")}).order_by()
                                 .values(field).annotate(total=Sum("amount")).values("total")[:1],
                                 output_field=money), Value(Decimal("0")), output_field=money)

    def counted(field):
        return Coalesce(Subquery(Redemption.objects.filter(**{field: OuterRef("pk")}).order_by()
                                 .values(field).annotate(count=Count("pk")).values("count")[:1]), Value(0))

    return (statements.annotate(reimbursed=summed("statement"), deducted=summed("reversal_statement"),
                                redemption_count=counted("statement"), reversal_count=counted("reversal_statement"))
            .annotate(net=ExpressionWrapper(F("reimbursed") - F("deducted"), output_field=money)))


def statements_for(user):
    if not user.is_authenticated:
        return Statement.objects.none()
    visible = Statement.objects.filter(Q(programme__in=_staff_programme_ids(user)) | Q(venue__staff__user=user))
    return with_totals(visible.select_related("programme", "venue").distinct().order_by(
        "-month", "programme__name_ro", "venue__name", "pk"))[:LIST_LIMIT]


def statement_detail(pk: int):
    return with_totals(Statement.objects.select_related("programme", "venue", "approved_by", "paid_by")
                       .filter(pk=pk)).first()


@dataclass(frozen=True)
class StatementLine:
    when: object  # the redemption's moment, or the reversal's
    offer: object
    code: str
    amount: Decimal  # negative for a reversal
    is_reversal: bool
    note: str = ""


def statement_lines(statement) -> list[StatementLine]:
    """The statement's lines by date: a redemption, or a reversal deducted (negative). Two queries."""
    lines = [StatementLine(redemption.redeemed_at, redemption.offer, masked_code(redemption.voucher.code),
                           redemption.amount, False)
             for redemption in statement.redemptions.select_related("offer", "voucher").order_by("redeemed_at", "pk")]
    lines += [StatementLine(redemption.reversed_at, redemption.offer, masked_code(redemption.voucher.code),
                            -redemption.amount, True, redemption.reversal_reason)
              for redemption in statement.reversals.select_related("offer", "voucher").order_by("reversed_at", "pk")]
    return sorted(lines, key=lambda line: (line.when, line.is_reversal))
def bulk_issues(programme):
    return BulkIssue.objects.filter(programme=programme).select_related("created_by").order_by("-created_at", "-pk")[
        :LIST_LIMIT]
def application_of(user, programme):
    if not user.is_authenticated:
        return None
    return Application.objects.select_related("beneficiary").filter(programme=programme, applicant=user).first()


def voucher_of_application(application):
    """The voucher an approved application gave (its replacement after a lost card), or None."""
    if application is None or application.beneficiary_id is None:
        return None
    return (Voucher.objects.filter(beneficiary_id=application.beneficiary_id)
            .exclude(status=VoucherStatus.REPLACED).order_by("-issued_at").first())


def applications_for(programme, status):
    return (Application.objects.filter(programme=programme, status=status)
            .select_related("applicant", "beneficiary", "decided_by")
            .order_by("submitted_at", "created_at", "pk")[:LIST_LIMIT])


def application_counts(programme) -> dict:
    rows = Application.objects.filter(programme=programme).values("status").annotate(n=Count("pk"))
    counts = {status: 0 for status in ApplicationStatus.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def application_for_review(programme, pk):
    return (Application.objects.select_related("applicant", "programme", "beneficiary", "decided_by")
            .filter(programme=programme, pk=pk).first())


def managed_programmes(user):
    """The programmes a person runs on the staff's screens: every one for the editors, their own for staff."""
    programmes = VoucherProgramme.objects.select_related("programme").order_by("-starts_on", "name_ro")
    if is_editor(user):
        return programmes
    if not user.is_authenticated:
        return programmes.none()
    return programmes.filter(pk__in=_staff_programme_ids(user))


def programme_venues(programme):
    return (programme.venues.select_related("organisation")
            .annotate(staff_count=Count("staff", distinct=True)).order_by("name"))


def venue_staff_of(venue):
    return VenueStaff.objects.filter(venue=venue).select_related("user").order_by("user__email")


def venue_offers(venue):
    return (Offer.objects.filter(venue=venue)
            .prefetch_related(Prefetch("programmes", queryset=VoucherProgramme.objects.order_by("name_ro")),
                              Prefetch("proposed_to", queryset=VoucherProgramme.objects.order_by("name_ro")))
            .order_by("-starts_on", "title_ro", "pk"))


def offers_to_decide(programme):
    """The offers proposed to ``programme`` (to accept or decline) and those it accepts, with their venues."""
    proposed = (Offer.objects.filter(proposed_to=programme).select_related("venue")
                .order_by("starts_on", "title_ro", "pk"))
    accepted = (Offer.objects.filter(programmes=programme).select_related("venue")
                .order_by("starts_on", "title_ro", "pk"))
    return list(proposed), list(accepted[:LIST_LIMIT])
