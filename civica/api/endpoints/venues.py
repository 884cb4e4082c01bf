"""The venues' API (issue 22, point 6): a partner venue's ticketing system checks a voucher code and
redeems it, as the venue's staff do on the phone page (``/vouchers/redeem/``), with the venue's token
(``Authorization: Bearer civv_…``, made on the venue's tokens page; a person's ``civ_`` token opens
nothing here). The token acts for its own venue only.

The same rules, lock and limits as the page: a look-up counts against the vouchers' rates per venue and
per address, a code that does not exist towards the lock (``vouchers.limits``), and the redemption is
``vouchers.services.voucher_redeem`` itself (the voucher's row locked, its status, expiry, balance and
the offer's acceptance read again under the lock). Codes travel in the body of a POST, never in an
address, so no access log keeps them.

Every refusal is a problem document with a stable ``code`` (``CODES``) beside the sentence for the
venue's staff, in the caller's language."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.security import HttpBearer

from civica.core import refusals, secret_tokens
from civica.vouchers import limits, selectors, services
from civica.vouchers.models import Offer, VenueToken

from ..auth import LAST_USED_PRECISION
from ..problems import problem

# The stable codes of the refusals (what a program reads; the sentences are for people).
CODES = {
    "unknown": (404, "wrong_code"),
    "mistyped": (400, "mistyped_code"),
    "expired": (422, "expired"),
    "cancelled": (422, "cancelled"),
    "replaced": (422, "replaced"),
    "spent": (422, "spent"),
    "too_much": (422, "insufficient_balance"),
    "not_accepted": (422, "offer_not_accepted"),
    "locked": (429, "locked_out"),
}

class VenueTokenAuth(HttpBearer):
    """A venue's usable token, found by its digest; anything else (a person's token, a revoked or expired
    one, none) is refused the same way (401)."""

    def authenticate(self, request, token: str):
        if not secret_tokens.looks_like_a_token(token, VenueToken.PREFIX):
            return None
        found = (VenueToken.objects.usable().select_related("venue")
                 .filter(digest=secret_tokens.digest(token)).first())
        if found is None:
            return None
        now = timezone.now()
        if found.last_used_at is None or found.last_used_at < now - LAST_USED_PRECISION:
            VenueToken.objects.filter(pk=found.pk).update(last_used_at=now)
        return found


router = Router(tags=["venues"], auth=VenueTokenAuth())

PROBLEM_422 = {"responses": {"422": {
    "description": "The voucher cannot be used (see `code`).",
    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}


class CodeIn(Schema):
    code: str = Field(min_length=1, max_length=40, description="As typed or scanned: dashes, spaces and case "
                      "do not matter.", examples=["7KQ2-M9XD-4TRB-HW3E-P"])


class RedeemIn(CodeIn):
    offer: int = Field(ge=1, le=2**31 - 1, description="One of this venue's offers that the check listed.")
    amount: Decimal = Field(gt=0, max_digits=10, decimal_places=2,
                            description="In the programme's unit (lei or entries); at most the balance.",
                            examples=["30.00"])


class OfferOut(Schema):
    id: int
    title: str
    price: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None


class VoucherOut(Schema):
    code: str
    programme: str
    unit: str
    value: str
    balance: str
    expires_on: datetime.date
    offers: list[OfferOut] = Field(description="This venue's offers the voucher's programme accepts today.")


class RedemptionOut(Schema):
    id: int
    code: str
    offer: int
    amount: str
    balance: str
    unit: str
    redeemed_at: datetime.datetime


def _amount(value) -> str:
    return f"{Decimal(value):.2f}"


def _refusal(request, voucher_problem: services.VoucherProblem):
    status, code = CODES.get(voucher_problem.kind, (422, voucher_problem.kind))
    titles = {404: _("No voucher has this code."), 400: _("The code is not valid."),
              429: _("Too many wrong codes."), 422: _("This voucher cannot be used here now.")}
    headers = {"Retry-After": str(limits.locked_for(request) or 60)} if status == 429 else None
    return problem(status, titles[status], voucher_problem.messages[0], code=code, headers=headers)


def _guarded_lookup(request, typed: str):
    """The voucher, or the problem to answer (the page's limits, lock and refusals)."""
    refused = limits.guard(request)
    if refused is not None:
        locked = limits.locked_for(request)
        return None, problem(429, _("Too many requests."), refused[0],
                             code="locked_out" if locked else "too_many_requests",
                             headers={"Retry-After": str(locked or 60)})
    try:
        return limits.lookup(request, typed), None
    except services.VoucherProblem as voucher_problem:
        return None, _refusal(request, voucher_problem)


def _venue_offers(voucher, venue):
    return list(selectors.offers_for(voucher.programme).filter(venue=venue))


@router.post("/check", response=VoucherOut, summary="Check a voucher code", openapi_extra=PROBLEM_422)
def check(request, body: CodeIn):
    """Validity, balance, expiry and the offers of this venue the voucher can pay, as the phone page
    shows them once a code is typed. Counts as a look-up (rate limits, lock after wrong codes)."""
    voucher, refused = _guarded_lookup(request, body.code)
    if refused is not None:
        return refused
    venue = request.auth.venue
    voucher_problem = services.problem_for(voucher)
    offers = _venue_offers(voucher, venue) if voucher_problem is None else []
    if voucher_problem is None and not offers:
        voucher_problem = services.VoucherProblem("not_accepted", _(
            "This voucher's programme accepts no offer of %(venue)s today. Do not accept it here.") % {"venue": venue})
    if voucher_problem is not None:
        return _refusal(request, voucher_problem)
    return {"code": voucher.display_code, "programme": voucher.programme.translated("name"),
            "unit": voucher.programme.unit, "value": _amount(voucher.value), "balance": _amount(voucher.balance),
            "expires_on": voucher.expires_on,
            "offers": [{"id": offer.pk, "title": offer.translated("title"), "price": _amount(offer.price),
                        "starts_on": offer.starts_on, "ends_on": offer.ends_on} for offer in offers]}


@router.post("/redemptions", response={201: RedemptionOut}, summary="Redeem a voucher for an offer",
             openapi_extra=PROBLEM_422)
def redeem(request, body: RedeemIn):
    """Final, as on the phone page: a mistaken redemption is reversed by the programme's staff. Two
    redemptions of one voucher at once are served one after the other; the balance never goes below zero."""
    voucher, refused = _guarded_lookup(request, body.code)
    if refused is not None:
        return refused
    venue = request.auth.venue
    offer = Offer.objects.filter(pk=body.offer, venue=venue).first()
    if offer is None:
        return _refusal(request, services.VoucherProblem("not_accepted", _("This offer is not one of this venue's.")))
    try:
        redemption = services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=body.amount,
                                             by=request.auth)
    except services.VoucherProblem as voucher_problem:
        return _refusal(request, voucher_problem)
    except PermissionDenied as error:
        return problem(403, _("This is not allowed."), refusals.refusal_message(error))
    except ValidationError as error:
        return problem(400, _("The request is not valid."), refusals.refusal_message(error))
    balance = redemption.voucher.balance
    return Status(201, {"id": redemption.pk, "code": voucher.display_code, "offer": offer.pk,
                        "amount": _amount(redemption.amount), "balance": _amount(balance),
                        "unit": voucher.programme.unit, "redeemed_at": redemption.redeemed_at})
