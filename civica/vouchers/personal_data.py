"""What the vouchers hold about a person, for download-my-data and delete-my-account.

- A beneficiary with an account (``Beneficiary.user``): their records — programme, reference, language,
  e-mail — and each voucher's code, value, balance, expiry and status, with its redemptions (offer,
  venue, amount, when). On deletion the beneficiary records are erased (``beneficiary_erase``): the
  vouchers stay, cancelled if still active so their code stops working, and the redemptions stay,
  without the person, so the venues' statements and the programme's figures stay right.
- An applicant: each online application — programme, status, answers, when submitted and decided, the
  reason of a refusal; on deletion their applications go with the account (``CASCADE``), their beneficiary
  records are erased as above.
- A referrer, staff member or venue staff: their roles. On deletion the roles go with the account;
  what they registered or redeemed stays, without them (``SET_NULL``).

``beneficiary_erase`` is also what a programme's retention date or a request made to the programme's
staff calls for a record without an account."""

from django.db import transaction

from .models import Application, Beneficiary, ProgrammeRole, VenueStaff, Voucher, VoucherProgramme, VoucherStatus


def export(user) -> dict:
    beneficiaries = (Beneficiary.objects.filter(user=user).select_related("programme")
                     .prefetch_related("vouchers__redemptions__offer", "vouchers__redemptions__venue"))
    data = {}
    rows = [{
        "programme": beneficiary.programme.name_ro, "reference": beneficiary.reference,
        "language": beneficiary.language, "email": beneficiary.email,
        "registered_at": beneficiary.created_at.isoformat(),
        "vouchers": [{
            "code": voucher.code, "value": str(voucher.value), "balance": str(voucher.balance),
            "valid_until": voucher.expires_on.isoformat(), "status": voucher.status,
            "redemptions": [{"offer": redemption.offer.title_ro, "venue": redemption.venue.name,
                             "amount": str(redemption.amount), "at": redemption.redeemed_at.isoformat(),
                             "reversed": redemption.reversed_at is not None}
                            for redemption in voucher.redemptions.all()],
        } for voucher in beneficiary.vouchers.all()],
    } for beneficiary in beneficiaries]
    if rows:
        data["beneficiary"] = rows
    applications = [{
        "programme": application.programme.name_ro, "status": application.status, "answers": application.answers,
        "started_at": application.created_at.isoformat(),
        "submitted_at": application.submitted_at.isoformat() if application.submitted_at else None,
        "decided_at": application.decided_at.isoformat() if application.decided_at else None,
        "refusal_reason": application.refusal_reason,
        "beneficiary": application.beneficiary.reference if application.beneficiary else None,
    } for application in Application.objects.filter(applicant=user).select_related("programme", "beneficiary")]
    if applications:
        data["applications"] = applications
    roles = [{"programme": role.programme.name_ro, "role": role.role}
             for role in ProgrammeRole.objects.filter(user=user).select_related("programme")]
    venues = list(VenueStaff.objects.filter(user=user).values_list("venue__name", flat=True))
    if roles:
        data["programme_roles"] = roles
    if venues:
        data["venue_staff"] = venues
    return data


@transaction.atomic
def beneficiary_erase(beneficiaries) -> int:
    """Erase these beneficiaries' records; their active vouchers are cancelled first (what was left goes
    back to the budget), vouchers and redemptions stay without them. Returns how many were erased."""
    ids = list(beneficiaries.values_list("pk", flat=True))
    if not ids:
        return 0
    programme_ids = Beneficiary.objects.filter(pk__in=ids).values("programme_id")
    for programme in VoucherProgramme.objects.filter(pk__in=programme_ids).order_by("pk").select_for_update():
        active = Voucher.objects.select_for_update().filter(beneficiary__in=ids, programme=programme,
                                                            status=VoucherStatus.ACTIVE)
        released = sum((voucher.balance for voucher in active), start=0)
        active.update(status=VoucherStatus.CANCELLED)
        programme.committed -= released
        programme.save(update_fields=["committed"])
    Voucher.objects.filter(beneficiary__in=ids).update(beneficiary=None)
    return Beneficiary.objects.filter(pk__in=ids).delete()[0]


def erase(user) -> None:
    beneficiary_erase(Beneficiary.objects.filter(user=user))
