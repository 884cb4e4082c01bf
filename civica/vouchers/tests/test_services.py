"""Issuing within the budget, redemption's checks and messages, cancel, re-issue and reversal."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from civica.audit.models import AuditEntry
from civica.vouchers import services
from civica.vouchers.models import ProgrammeStatus, Unit, Voucher, VoucherStatus
from civica.vouchers.tests.factories import (
    OfferFactory,
    VenueFactory,
    issued,
    programme_staff,
    referrer,
    setting,
    venue_staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # The refusals are read in English here; their Romanian is the catalogue's (test_translations).
    with translation.override("en"):
        yield


def test_issuing_stops_before_the_budget_is_passed():
    programme, _venue, _offer = setting(budget=Decimal("250"), voucher_value=Decimal("100"))
    by = referrer(programme)
    issued(programme, by=by)
    issued(programme, by=by)
    with pytest.raises(ValidationError, match="budget is spent"):
        issued(programme, by=by)
    programme.refresh_from_db()
    assert programme.committed == Decimal("200")
    assert Voucher.objects.filter(programme=programme).count() == 2


def test_a_referrer_registers_a_pseudonymous_beneficiary_and_a_voucher_is_issued():
    programme, _venue, _offer = setting()
    by = referrer(programme)
    voucher = issued(programme, by=by, alias="Maria din Pata Rât", language="en")
    beneficiary = voucher.beneficiary
    assert beneficiary.reference.startswith("B-") and beneficiary.referred_by == by
    assert beneficiary.email == "" and beneficiary.user is None
    assert voucher.balance == voucher.value == programme.voucher_value
    assert voucher.expires_on == programme.expiry_for(timezone.localdate())


def test_only_referrers_and_staff_register_and_only_while_the_programme_is_open(make_user):
    programme, _venue, _offer = setting()
    with pytest.raises(PermissionDenied):
        issued(programme, by=make_user("editor"))
    programme.status = ProgrammeStatus.CLOSED
    programme.save()
    with pytest.raises(PermissionDenied, match="issues no vouchers now"):
        issued(programme, by=referrer(programme))


def test_a_redemption_lowers_the_balance_and_cannot_pass_it():
    programme, venue, offer = setting()
    voucher = issued(programme)
    staff = venue_staff(venue)
    services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("70"), by=staff)
    voucher.refresh_from_db()
    assert voucher.balance == Decimal("30")
    with pytest.raises(services.VoucherProblem, match=r"Only 30[.,]00 lei is left") as error:
        services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("31"), by=staff)
    assert error.value.kind == "too_much"
    services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("30"), by=staff)
    with pytest.raises(services.VoucherProblem) as error:
        services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("1"), by=staff)
    assert error.value.kind == "spent"


def test_staff_of_another_venue_may_not_redeem_here():
    programme, venue, offer = setting()
    voucher = issued(programme)
    other = VenueFactory()
    programme.venues.add(other)
    with pytest.raises(PermissionDenied, match="Only this venue's staff"):
        services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("10"), by=venue_staff(other))


def test_an_offer_the_programme_does_not_accept_is_refused():
    programme, venue, _offer = setting()
    voucher = issued(programme)
    elsewhere = OfferFactory(venue=venue)  # accepted by no programme
    with pytest.raises(services.VoucherProblem) as error:
        services.voucher_redeem(voucher=voucher, venue=venue, offer=elsewhere, amount=Decimal("10"),
                                by=venue_staff(venue))
    assert error.value.kind == "not_accepted"


@pytest.mark.parametrize("state", ["expired", "cancelled", "replaced"])
def test_an_expired_cancelled_or_replaced_voucher_says_what_to_do(state):
    programme, venue, offer = setting()
    voucher = issued(programme)
    staff = programme_staff(programme)
    if state == "expired":
        Voucher.objects.filter(pk=voucher.pk).update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    elif state == "cancelled":
        services.voucher_cancel(voucher=voucher, by=staff)
    else:
        services.voucher_reissue(voucher=voucher, by=staff)
    with pytest.raises(services.VoucherProblem) as error:
        services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("10"), by=venue_staff(venue))
    assert error.value.kind == state
    words = {"expired": "expired on", "cancelled": "was cancelled", "replaced": "new card"}[state]
    assert words in str(error.value.messages[0])


def test_cancelling_gives_the_unspent_balance_back_to_the_budget():
    programme, venue, offer = setting()
    voucher = issued(programme)
    services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("30"), by=venue_staff(venue))
    services.voucher_cancel(voucher=voucher, by=programme_staff(programme))
    programme.refresh_from_db()
    assert programme.committed == Decimal("30")
    assert AuditEntry.objects.filter(action="vouchers.voucher.cancel").count() == 1


def test_a_lost_card_is_reissued_with_its_balance_and_the_old_code_stops_working():
    programme, venue, offer = setting()
    voucher = issued(programme)
    services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("30"), by=venue_staff(venue))
    new = services.voucher_reissue(voucher=voucher, by=programme_staff(programme))
    voucher.refresh_from_db()
    assert voucher.status == VoucherStatus.REPLACED and voucher.replaced_by == new
    assert new.code != voucher.code and new.balance == Decimal("70") and new.expires_on == voucher.expires_on
    assert new.beneficiary == voucher.beneficiary
    programme.refresh_from_db()
    assert programme.committed == Decimal("100")  # the budget counts the voucher once


def test_a_referrer_may_not_cancel_or_reissue():
    programme, _venue, _offer = setting()
    by = referrer(programme)
    voucher = issued(programme, by=by)
    with pytest.raises(PermissionDenied):
        services.voucher_cancel(voucher=voucher, by=by)
    with pytest.raises(PermissionDenied):
        services.voucher_reissue(voucher=voucher, by=by)


def test_a_reversal_puts_the_amount_back_once_and_is_recorded():
    programme, venue, offer = setting()
    voucher = issued(programme)
    redemption = services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("30"),
                                         by=venue_staff(venue))
    staff = programme_staff(programme)
    with pytest.raises(ValidationError):
        services.redemption_reverse(redemption=redemption, reason="  ", by=staff)
    services.redemption_reverse(redemption=redemption, reason="Wrong offer chosen", by=staff)
    voucher.refresh_from_db()
    redemption.refresh_from_db()
    assert voucher.balance == Decimal("100") and redemption.reversed_by == staff
    with pytest.raises(PermissionDenied, match="already reversed"):
        services.redemption_reverse(redemption=redemption, reason="again", by=staff)
    assert AuditEntry.objects.filter(action="vouchers.redemption.reverse").count() == 1


def test_a_programme_in_entries_counts_entries():
    programme, venue, offer = setting(unit=Unit.ENTRIES, voucher_value=Decimal("2"), budget=Decimal("10"))
    offer.price = Decimal("1")
    offer.save()
    voucher = issued(programme)
    staff = venue_staff(venue)
    services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("1"), by=staff)
    with pytest.raises(services.VoucherProblem, match="Only 1 entry is left"):
        services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("2"), by=staff)


def test_find_voucher_tells_a_typing_slip_from_an_unknown_code():
    programme, _venue, _offer = setting()
    voucher = issued(programme)
    assert services.find_voucher(voucher.display_code.lower()) == voucher
    slip = voucher.code[:3] + ("A" if voucher.code[3] != "A" else "B") + voucher.code[4:]
    with pytest.raises(services.VoucherProblem) as error:
        services.find_voucher(slip)
    assert error.value.kind == "mistyped"
    from civica.vouchers import codes

    unknown = codes.new_code()
    with pytest.raises(services.VoucherProblem) as error:
        services.find_voucher(unknown)
    assert error.value.kind == "unknown"


def test_an_expired_voucher_is_not_reissued():
    programme, _venue, _offer = setting()
    voucher = issued(programme)
    Voucher.objects.filter(pk=voucher.pk).update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="has expired"):
        services.voucher_reissue(voucher=voucher, by=programme_staff(programme))
    voucher.refresh_from_db()
    assert voucher.status == VoucherStatus.ACTIVE
