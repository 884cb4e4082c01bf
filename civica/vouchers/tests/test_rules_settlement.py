"""Truth tables of the vouchers' settlement, dashboard, bulk issue and venue tokens: a visitor, a
participant, a referrer, the staff of this venue and of another, the programme's staff and an editor ×
seeing, preparing, approving and paying statements, the programme's dashboard, issuing in bulk and making a
venue's API tokens (the pages' own tables: test_bulk_and_venue_tokens.py)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.vouchers import services
from civica.vouchers.models import Statement, StatementStatus
from civica.vouchers.selectors import statements_for
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

PERMISSIONS = ["vouchers.see_statement", "vouchers.use_statements", "vouchers.approve_statement",
               "vouchers.prepare_statements", "vouchers.pay_statement", "vouchers.see_dashboard",
               "vouchers.issue_in_bulk", "vouchers.manage_venue_tokens"]
KINDS = ["visitor", "participant", "referrer", "venue_staff", "other_venue_staff", "programme_staff", "editor"]


def _month() -> datetime.date:
    return timezone.localdate().replace(day=1)


@pytest.fixture
def world():
    programme, venue, offer = setting()
    other_venue = VenueFactory()
    programme.venues.add(other_venue)
    the_referrer = referrer(programme)
    staff_here = venue_staff(venue)
    voucher = issued(programme, by=the_referrer)
    services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("10"), by=staff_here)
    staff = programme_staff(programme)
    statement = services.statements_prepare(programme=programme, month=_month(), by=staff)[0]
    people = {"visitor": AnonymousUser(), "participant": UserFactory(), "referrer": the_referrer,
              "venue_staff": staff_here, "other_venue_staff": venue_staff(other_venue), "programme_staff": staff,
              "editor": UserFactory(role=Role.EDITOR)}
    return {"programme": programme, "venue": venue, "other_venue": other_venue, "offer": offer,
            "statement": statement, "people": people, "staff": staff}


def _as(client, world, kind):
    user = world["people"][kind]
    if user.is_authenticated:
        client.force_login(user)
    return user


def _login_redirect(response):
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("kind", KINDS)
def test_issuing_in_bulk_and_the_venue_s_tokens(world, kind):
    user = world["people"][kind]
    assert user.has_perm("vouchers.issue_in_bulk", world["programme"]) == (kind == "programme_staff")
    # A venue's tokens: its own staff, and the staff of a programme that accepts it.
    assert user.has_perm("vouchers.manage_venue_tokens", world["venue"]) == (
        kind in {"venue_staff", "programme_staff"})
    assert user.has_perm("vouchers.manage_venue_tokens", world["other_venue"]) == (
        kind in {"other_venue_staff", "programme_staff"})


@pytest.mark.parametrize("kind", KINDS)
def test_seeing_a_statement(client, world, kind):
    user = _as(client, world, kind)
    statement = world["statement"]
    allowed = kind in {"venue_staff", "programme_staff"}
    assert user.has_perm("vouchers.see_statement", statement) == allowed
    assert user.has_perm("vouchers.use_statements") == (kind in {"venue_staff", "other_venue_staff",
                                                                  "programme_staff"})
    for address in (f"/en/vouchers/statements/{statement.pk}/",
                    f"/en/vouchers/statements/{statement.pk}/statement.xlsx"):
        response = client.get(address)
        if allowed:
            assert response.status_code == 200
        elif not user.is_authenticated:
            assert _login_redirect(response)
        else:
            assert response.status_code == 404
    listing = client.get("/en/vouchers/statements/")
    link = f'href="/en/vouchers/statements/{statement.pk}/"'
    if kind in {"venue_staff", "programme_staff", "other_venue_staff"}:
        assert listing.status_code == 200
        assert (link in listing.content.decode()) == allowed
        assert ("Prepare the statements" in listing.content.decode()) == (kind == "programme_staff")
    elif not user.is_authenticated:
        assert _login_redirect(listing)
    else:
        assert listing.status_code == 403


@pytest.mark.parametrize("kind", KINDS)
def test_approving_a_statement(client, world, kind):
    user = _as(client, world, kind)
    statement = world["statement"]
    allowed = kind == "programme_staff"
    assert user.has_perm("vouchers.approve_statement", statement) == allowed
    assert user.has_perm("vouchers.prepare_statements", world["programme"]) == allowed
    client.post(f"/en/vouchers/statements/{statement.pk}/", {"to": "approved"})
    statement.refresh_from_db()
    assert (statement.status == StatementStatus.APPROVED) == allowed
    assert user.has_perm("vouchers.pay_statement", statement) == allowed
    response = client.post("/en/vouchers/statements/", {"programme": world["programme"].pk,
                                                        "month": _month().strftime("%Y-%m")})
    if not user.is_authenticated:
        assert _login_redirect(response)
    else:
        assert response.status_code == (302 if allowed else 403)


@pytest.mark.parametrize("kind", KINDS)
def test_seeing_the_dashboard_and_the_public_page(client, world, kind):
    user = _as(client, world, kind)
    allowed = kind in {"programme_staff", "editor"}
    assert user.has_perm("vouchers.see_dashboard", world["programme"]) == allowed
    response = client.get(f"/en/vouchers/manage/{world['programme'].slug}/dashboard/")
    if allowed:
        assert response.status_code == 200 and "Redeemed, by offer" in response.content.decode()
    elif not user.is_authenticated:
        assert _login_redirect(response)
    else:
        assert response.status_code == 403
    public = client.get(f"/en/vouchers/programmes/{world['programme'].slug}/")
    assert public.status_code == 200 and "Withheld: fewer than 3 beneficiaries" in public.content.decode()


def test_statements_list_only_the_venue_s_own(world):
    # Two venues' statements: each venue's staff see their own only (the selector the list uses).
    other_offer = OfferFactory(venue=world["other_venue"], programmes=[world["programme"]])
    services.voucher_redeem(voucher=issued(world["programme"]), venue=world["other_venue"], offer=other_offer,
                            amount=Decimal("5"), by=world["people"]["other_venue_staff"])
    services.statements_prepare(programme=world["programme"], month=_month(), by=world["staff"])
    assert Statement.objects.count() == 2
    assert {s.venue for s in statements_for(world["people"]["venue_staff"])} == {world["venue"]}
    assert {s.venue for s in statements_for(world["people"]["other_venue_staff"])} == {world["other_venue"]}
    assert len(statements_for(world["staff"])) == 2
