"""The vouchers' reads, each page in a fixed number of queries.

- ``open_programmes()``: the programmes the public sees (not drafts), with their programme of the centre.
- ``offers_for(programme)`` / ``public_offers(programme=None)``: offers that can be used today, accepted
  by the programme (or by any public programme) at a venue the programme accepts, with their venue.
- ``voucher_page(code)``: a voucher with its programme and its redemptions (not reversed).
- ``referrals(user, query)``: the beneficiaries a person may see (those they referred; all of the
  programmes they are staff of), newest first, with their current voucher, found by reference or alias.
- ``programme_summary(programme)``: what is issued, redeemed and left of the budget, for its staff.
- ``bulk_issues(programme)``: its bulk issues, newest first, with who issued them.
- ``venues_of(user)`` / ``programmes_for_referrer(user)``: what a person's roles cover."""

from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone

from .models import (
    Beneficiary,
    BulkIssue,
    Offer,
    ProgrammeRole,
    ProgrammeRoleKind,
    Redemption,
    Venue,
    Voucher,
    VoucherProgramme,
    VoucherStatus,
)

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


def bulk_issues(programme):
    return BulkIssue.objects.filter(programme=programme).select_related("created_by").order_by("-created_at", "-pk")[
        :LIST_LIMIT]
