"""Truth tables of the vouchers: each permission and its page, for the visitor, the beneficiary by code
(a visitor who has the code), a participant, the referrer who registered the beneficiary and another
referrer of the programme, the staff of the venue and of another venue, the programme's staff and an
editor."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.vouchers import services
from civica.vouchers.models import Redemption, Voucher, VoucherStatus
from civica.vouchers.tests.factories import VenueFactory, issued, programme_staff, referrer, setting, venue_staff

pytestmark = pytest.mark.django_db

PERMISSIONS = {
    "vouchers.run_programme", "vouchers.manage_voucher", "vouchers.refer", "vouchers.see_beneficiary",
    "vouchers.use_referrals", "vouchers.redeem", "vouchers.use_redeem_page", "vouchers.reverse_redemption",
}

KINDS = ["visitor", "beneficiary_by_code", "participant", "referrer", "other_referrer", "venue_staff",
         "other_venue_staff", "programme_staff", "editor"]


@dataclass
class World:
    programme: object
    venue: object
    offer: object
    voucher: object
    redemption: object
    people: dict


@pytest.fixture
def world():
    programme, venue, offer = setting()
    other_venue = VenueFactory()
    programme.venues.add(other_venue)
    the_referrer = referrer(programme)
    voucher = issued(programme, by=the_referrer)
    staff_here = venue_staff(venue)
    redemption = services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("10"),
                                         by=staff_here)
    people = {
        "visitor": AnonymousUser(), "beneficiary_by_code": AnonymousUser(), "participant": UserFactory(),
        "referrer": the_referrer, "other_referrer": referrer(programme), "venue_staff": staff_here,
        "other_venue_staff": venue_staff(other_venue), "programme_staff": programme_staff(programme),
        "editor": UserFactory(role=Role.EDITOR),
    }
    return World(programme, venue, offer, voucher, redemption, people)


def _client(client, world, kind):
    user = world.people[kind]
    if user.is_authenticated:
        client.force_login(user)
    return user


def _login_redirect(response):
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("kind", KINDS)
def test_running_a_programme(client, world, kind):
    user = _client(client, world, kind)
    allowed = kind in {"programme_staff", "editor"}
    assert user.has_perm("vouchers.run_programme", world.programme) == allowed
    response = client.get(f"/en/vouchers/manage/{world.programme.slug}/")
    if allowed:
        assert response.status_code == 200
    elif not user.is_authenticated:
        assert _login_redirect(response)
    else:
        assert response.status_code == 403
        assert "Only the centre&#x27;s editors and the programme&#x27;s staff" in response.content.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_managing_a_voucher(client, world, kind):
    user = _client(client, world, kind)
    allowed = kind == "programme_staff"
    assert user.has_perm("vouchers.manage_voucher", world.voucher) == allowed
    response = client.post(f"/en/vouchers/vouchers/{world.voucher.pk}/cancel/")
    world.voucher.refresh_from_db()
    assert (world.voucher.status == VoucherStatus.CANCELLED) == allowed
    if not user.is_authenticated:
        assert _login_redirect(response)
    elif kind in {"programme_staff", "referrer"}:  # they see the beneficiary: back to their page
        assert response.status_code == 302
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("kind", KINDS)
def test_registering_a_beneficiary(client, world, kind):
    user = _client(client, world, kind)
    allowed = kind in {"referrer", "other_referrer", "programme_staff"}
    assert user.has_perm("vouchers.refer", world.programme) == allowed
    assert user.has_perm("vouchers.use_referrals") == allowed
    before = Voucher.objects.count()
    response = client.post("/en/vouchers/referrals/", {"programme": world.programme.pk, "language": "en"})
    assert Voucher.objects.count() == before + (1 if allowed else 0)
    if allowed:
        assert response.status_code == 302 and "/en/vouchers/referrals/B-" in response["Location"]
    elif not user.is_authenticated:
        assert _login_redirect(response)
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("kind", KINDS)
def test_seeing_a_beneficiary(client, world, kind):
    user = _client(client, world, kind)
    beneficiary = world.voucher.beneficiary
    allowed = kind in {"referrer", "programme_staff"}
    assert user.has_perm("vouchers.see_beneficiary", beneficiary) == allowed
    response = client.get(f"/en/vouchers/referrals/{beneficiary.reference}/")
    if allowed:
        assert response.status_code == 200 and world.voucher.display_code in response.content.decode()
    elif not user.is_authenticated:
        assert _login_redirect(response)
    else:
        assert response.status_code == 404
    listing = client.get(f"/en/vouchers/referrals/?q={beneficiary.reference}")
    link = f'href="/en/vouchers/referrals/{beneficiary.reference}/"'
    if kind in {"referrer", "programme_staff"}:
        assert link in listing.content.decode()
    elif kind == "other_referrer":
        assert listing.status_code == 200 and link not in listing.content.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_redeeming_at_a_venue(client, world, kind):
    user = _client(client, world, kind)
    allowed = kind == "venue_staff"
    assert user.has_perm("vouchers.redeem", world.venue) == allowed
    assert user.has_perm("vouchers.use_redeem_page") == (kind in {"venue_staff", "other_venue_staff"})
    page = client.get("/en/vouchers/redeem/")
    if kind in {"venue_staff", "other_venue_staff"}:
        assert page.status_code == 200
    elif not user.is_authenticated:
        assert _login_redirect(page)
    else:
        assert page.status_code == 403 and "Only the staff of a partner venue" in page.content.decode()
    response = client.post("/en/vouchers/redeem/", {
        "action": "redeem", "code": world.voucher.code, "venue": world.venue.pk, "offer": world.offer.pk,
        "amount": "5"})
    world.voucher.refresh_from_db()
    assert world.voucher.balance == (Decimal("85") if allowed else Decimal("90"))
    if kind == "other_venue_staff":  # not a venue of theirs: the form refuses it
        assert response.status_code == 400


@pytest.mark.parametrize("kind", KINDS)
def test_reversing_a_redemption(client, world, kind):
    user = _client(client, world, kind)
    allowed = kind == "programme_staff"
    assert user.has_perm("vouchers.reverse_redemption", world.redemption) == allowed
    client.post(f"/en/vouchers/redemptions/{world.redemption.pk}/reverse/", {"reason": "Mistake"})
    assert Redemption.objects.get(pk=world.redemption.pk).reversed_at is not None if allowed else (
        Redemption.objects.get(pk=world.redemption.pk).reversed_at is None)


@pytest.mark.parametrize("kind", KINDS)
def test_the_voucher_page_is_reached_by_its_code_alone(client, world, kind):
    """Whoever has the code sees the voucher (the beneficiary, or the staff they show it to); nobody
    reaches it without: a code that is not issued is not found."""
    _client(client, world, kind)
    response = client.get(f"/en/vouchers/v/{world.voucher.code}/")
    assert response.status_code == 200
    assert "90,00 lei" in response.content.decode() or "90.00 lei" in response.content.decode()
    assert response["Referrer-Policy"] == "no-referrer" and "no-store" in response["Cache-Control"]
    from civica.vouchers import codes

    assert client.get(f"/en/vouchers/v/{codes.new_code()}/").status_code == 404
