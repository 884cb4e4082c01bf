"""Redemptions and issuing under parallel requests (PostgreSQL; SQLite serialises every writer, so there is
nothing to prove): 20 venue accounts redeeming one voucher at the same instant get exactly what its balance
allows and the balance is exact; a voucher of one entry scanned by two venues at once is redeemed once; a
redemption racing a cancellation is either in before it or refused; referrers issuing at once never pass
the budget; a statement approved at the same moment as one of its redemptions is reversed either nets the
reversal or leaves it to the next statement, never both, never neither, and never changes once approved."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.vouchers import selectors, services
from civica.vouchers.models import (
    Redemption,
    Statement,
    StatementStatus,
    Unit,
    Voucher,
    VoucherProgramme,
    VoucherStatus,
)
from civica.vouchers.tests.factories import (
    OfferFactory,
    VenueFactory,
    issued,
    programme_staff,
    referrer,
    setting,
    venue_staff,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def _twenty_venue_accounts_redeeming_one_voucher_at_once_get_exactly_what_the_balance_allows():
    programme, venue, offer = setting(voucher_value=Decimal("100"))
    voucher = issued(programme)
    # Four venues of the programme, five staff accounts each; every venue has a 30-lei offer.
    places = [(venue, offer)]
    for _ in range(3):
        other = VenueFactory()
        programme.venues.add(other)
        places.append((other, OfferFactory(venue=other, programmes=[programme], price=Decimal("30"))))
    calls = []
    for index in range(20):
        place, place_offer = places[index % 4]
        staff = venue_staff(place)
        calls.append(lambda s=staff, p=place, o=place_offer: services.voucher_redeem(
            voucher=voucher, venue=p, offer=o, amount=Decimal("30"), by=s))
    outcomes = run_together(calls)
    assert sum(outcome is None for outcome in outcomes) == 3
    refused = [outcome for outcome in outcomes if outcome is not None]
    assert all(isinstance(outcome, services.VoucherProblem) and outcome.kind == "too_much" for outcome in refused)
    voucher.refresh_from_db()
    assert voucher.balance == Decimal("10")
    assert sum(r.amount for r in Redemption.objects.filter(voucher=voucher)) == Decimal("90")


def _a_one_entry_voucher_scanned_by_two_venues_in_the_same_second_is_redeemed_once():
    programme, venue, offer = setting(unit=Unit.ENTRIES, voucher_value=Decimal("1"), budget=Decimal("10"))
    offer.price = Decimal("1")
    offer.save()
    other = VenueFactory()
    programme.venues.add(other)
    other_offer = OfferFactory(venue=other, programmes=[programme], price=Decimal("1"))
    voucher = issued(programme)
    first, second = venue_staff(venue), venue_staff(other)
    for _round in range(3):
        Voucher.objects.filter(pk=voucher.pk).update(balance=Decimal("1"))
        Redemption.objects.filter(voucher=voucher).delete()
        outcomes = run_together([
            lambda: services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("1"), by=first),
            # The phone page redeems by the typed code (found and locked in one query).
            lambda: services.voucher_redeem(code=voucher.code, venue=other, offer=other_offer, amount=Decimal("1"),
                                            by=second),
        ])
        assert sum(outcome is None for outcome in outcomes) == 1
        assert [o.kind for o in outcomes if o is not None] == ["spent"]
        assert Redemption.objects.filter(voucher=voucher).count() == 1
        voucher.refresh_from_db()
        assert voucher.balance == 0


def _a_redemption_racing_a_cancellation_is_in_before_it_or_refused():
    programme, venue, offer = setting()
    voucher = issued(programme)
    staff, manager = venue_staff(venue), programme_staff(programme)
    outcomes = run_together([
        lambda: services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("30"), by=staff),
        lambda: services.voucher_cancel(voucher=voucher, by=manager),
    ])
    assert outcomes[1] is None
    voucher.refresh_from_db()
    programme.refresh_from_db()
    assert voucher.status == VoucherStatus.CANCELLED
    redeemed = Redemption.objects.filter(voucher=voucher).count()
    if outcomes[0] is None:  # in before the cancellation: what was left went back to the budget
        assert redeemed == 1 and voucher.balance == Decimal("70") and programme.committed == Decimal("30")
    else:
        assert isinstance(outcomes[0], services.VoucherProblem) and outcomes[0].kind == "cancelled"
        assert redeemed == 0 and programme.committed == Decimal("0")


def _referrers_issuing_at_once_never_pass_the_budget():
    programme, _venue, _offer = setting(voucher_value=Decimal("100"), budget=Decimal("500"))
    people = [referrer(programme) for _ in range(8)]
    outcomes = run_together([lambda p=person: issued(programme, by=p) for person in people])
    assert sum(outcome is None for outcome in outcomes) == 5
    assert all(isinstance(outcome, (ValidationError, PermissionDenied)) for outcome in outcomes if outcome is not None)
    assert VoucherProgramme.objects.get(pk=programme.pk).committed == Decimal("500")
    assert Voucher.objects.filter(programme=programme).count() == 5


def _approving_a_statement_while_one_of_its_redemptions_is_reversed():
    programme, _venue, _offer = setting(budget=Decimal("2000"))
    manager = programme_staff(programme)
    first = timezone.localdate().replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    seen = set()
    for _round in range(4):  # a new venue each round: a new draft statement
        venue = VenueFactory()
        programme.venues.add(venue)
        offer, staff = OfferFactory(venue=venue, programmes=[programme]), venue_staff(venue)
        redemptions = [services.voucher_redeem(voucher=issued(programme), venue=venue, offer=offer,
                                               amount=Decimal("10"), by=staff) for _ in range(2)]
        statement = services.statements_prepare(programme=programme, month=first, by=manager)[-1]
        assert statement.venue == venue
        outcomes = run_together([
            lambda s=statement: services.statement_move(statement=s, to=StatementStatus.APPROVED, by=manager),
            lambda r=redemptions[0]: services.redemption_reverse(redemption=r, reason="Race", by=manager),
        ])
        assert outcomes == [None, None]
        approved = selectors.with_totals(Statement.objects.filter(pk=statement.pk)).get()
        lines = selectors.statement_lines(approved)
        services.statements_prepare(programme=programme, month=following, by=manager)
        later = selectors.with_totals(Statement.objects.filter(programme=programme, venue=venue, month=following))
        if approved.net == Decimal("10"):  # the reversal came first: netted in the statement
            seen.add("netted")
            assert [line.amount for line in lines] == [Decimal("10"), Decimal("10"), Decimal("-10")]
            assert not later.exists()
        else:  # the approval came first: the reversal is the next statement's negative line
            seen.add("deferred")
            assert approved.net == Decimal("20") and later.get().net == Decimal("-10")
        again = selectors.with_totals(Statement.objects.filter(pk=statement.pk)).get()
        assert selectors.statement_lines(again) == lines and again.status == StatementStatus.APPROVED
    assert seen  # either way, every round added up


# Two tests, not four: each transactional test empties every table after it (seconds on PostgreSQL).
def test_redemptions_at_the_same_instant():
    _twenty_venue_accounts_redeeming_one_voucher_at_once_get_exactly_what_the_balance_allows()
    _a_one_entry_voucher_scanned_by_two_venues_in_the_same_second_is_redeemed_once()


def test_issuing_cancelling_and_settling_at_the_same_instant():
    _referrers_issuing_at_once_never_pass_the_budget()
    _a_redemption_racing_a_cancellation_is_in_before_it_or_refused()
    _approving_a_statement_while_one_of_its_redemptions_is_reversed()
