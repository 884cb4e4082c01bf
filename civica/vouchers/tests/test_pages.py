"""The vouchers' pages: the venue's phone page from code to redemption, wrong codes and the lock, the
holder's page and card, the referrer's pages; bad input answers 4xx with a message; query counts."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from civica.core.tests.real_redis import forget, use_real_redis
from civica.vouchers import codes, services
from civica.vouchers.models import Voucher
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


@pytest.fixture
def redeeming(client):
    programme, venue, offer = setting()
    voucher = issued(programme)
    client.force_login(venue_staff(venue))
    return client, voucher, venue, offer


def test_venue_staff_check_a_typed_code_then_redeem_it(redeeming):
    client, voucher, venue, offer = redeeming
    typed = codes.display(voucher.code).lower().replace("-", " ")
    page = client.post("/en/vouchers/redeem/", {"action": "check", "code": typed, "venue": venue.pk})
    body = page.content.decode()
    assert page.status_code == 200
    assert "Valid. Choose the offer" in body and "100.00 lei" in body and "Confirm the redemption" in body
    done = client.post("/en/vouchers/redeem/", {"action": "redeem", "code": voucher.code, "venue": venue.pk,
                                                 "offer": offer.pk, "amount": "30"}, follow=True)
    assert "Redeemed 30.00 lei" in done.content.decode() and "Left on the voucher: 70.00 lei" in done.content.decode()
    voucher.refresh_from_db()
    assert voucher.balance == Decimal("70")


HTMX = {"HX-Request": "true"}


def test_with_htmx_a_check_and_a_redemption_each_answer_the_panel_alone(redeeming):
    client, voucher, venue, offer = redeeming
    page = client.get("/en/vouchers/redeem/").content.decode()
    assert 'data-hx-post="/en/vouchers/redeem/"' in page and 'id="redeem-panel"' in page
    checked = client.post("/en/vouchers/redeem/", {"action": "check", "code": voucher.code, "venue": venue.pk},
                          headers=HTMX)
    body = checked.content.decode()
    assert checked.status_code == 200 and body.strip().startswith('<div id="redeem-panel">') and "<html" not in body
    assert "Confirm the redemption" in body and "100.00 lei" in body
    done = client.post("/en/vouchers/redeem/", {"action": "redeem", "code": voucher.code, "venue": venue.pk,
                                                 "offer": offer.pk, "amount": "30"}, headers=HTMX)
    body = done.content.decode()
    assert done.status_code == 200 and "<html" not in body and "messages" not in done.cookies
    assert "Redeemed 30.00 lei" in body and "Left on the voucher: 70.00 lei" in body and "Check the code" in body
    voucher.refresh_from_db()
    assert voucher.balance == Decimal("70")


def test_with_htmx_a_refused_redemption_says_why_in_the_panel_with_the_code_typed_in_again(redeeming):
    client, voucher, venue, offer = redeeming
    Voucher.objects.filter(pk=voucher.pk).update(balance=Decimal("5"))
    refused = client.post("/en/vouchers/redeem/", {"action": "redeem", "code": voucher.code, "venue": venue.pk,
                                                    "offer": offer.pk, "amount": "10"}, headers=HTMX)
    body = refused.content.decode()
    assert refused.status_code == 200 and 'role="alert"' in body and "Only 5.00 lei is left" in body
    assert f'value="{voucher.code}"' in body
    voucher.refresh_from_db()
    assert voucher.balance == Decimal("5")


def test_wrong_codes_posted_for_redemption_count_towards_the_lock(redeeming, settings):
    settings.VOUCHER_LOOKUP_LIMITS = {"wrong_codes": (2, 900), "lock_seconds": 600}
    client, voucher, venue, offer = redeeming
    answers = [client.post("/en/vouchers/redeem/", {"action": "redeem", "code": code, "venue": venue.pk,
                                                     "offer": offer.pk, "amount": "1"}, headers=HTMX).content.decode()
               for code in (codes.new_code(), codes.new_code(), voucher.code)]
    assert "No voucher has this code" in answers[0] and "locked for 10 minutes" in answers[1]
    assert "locked for 10 minutes" in answers[2] and 'value="' + voucher.code not in answers[1]
    voucher.refresh_from_db()
    assert voucher.balance == Decimal("100")


def test_an_offer_of_another_venue_than_the_one_posted_is_refused(redeeming):
    client, voucher, venue, offer = redeeming
    other = VenueFactory()
    response = client.post("/en/vouchers/redeem/", {"action": "redeem", "code": voucher.code, "venue": other.pk,
                                                     "offer": offer.pk, "amount": "10"})
    assert response.status_code == 400 and "This offer is not one of this venue" in response.content.decode()


def test_a_redemption_takes_a_fixed_number_of_queries(redeeming, django_assert_num_queries):
    client, voucher, venue, offer = redeeming
    client.get("/en/vouchers/redeem/")
    # The session and the person; their venues (kept on the person for the permission checks); the chosen
    # offer with its venue; then the redemption: on PostgreSQL one statement (the voucher's UPDATE with every
    # check in its WHERE, and the redemption's INSERT), on SQLite in a savepoint the UPDATE, the INSERT and the
    # programme's unit.
    with django_assert_num_queries(5 if connection.vendor == "postgresql" else 9):
        response = client.post("/en/vouchers/redeem/", {"action": "redeem", "code": voucher.code,
                                                         "venue": venue.pk, "offer": offer.pk, "amount": "1"},
                               headers=HTMX)
    assert "Redeemed 1.00 lei" in response.content.decode()


@pytest.mark.parametrize(("typed", "message"), [
    ("", "This field is required"),
    ("not a code", "A voucher code has 17 letters and digits"),
])
def test_what_cannot_be_a_code_is_answered_400_with_a_message(redeeming, typed, message):
    client, _voucher, venue, _offer = redeeming
    response = client.post("/en/vouchers/redeem/", {"action": "check", "code": typed, "venue": venue.pk})
    assert response.status_code == 400 and message in response.content.decode()


def test_a_typing_slip_is_named_and_does_not_count_towards_the_lock(redeeming, settings):
    settings.VOUCHER_LOOKUP_LIMITS = {"wrong_codes": (2, 900)}
    client, voucher, venue, _offer = redeeming
    slip = voucher.code[:5] + ("A" if voucher.code[5] != "A" else "B") + voucher.code[6:]
    for _attempt in range(3):
        response = client.post("/en/vouchers/redeem/", {"action": "check", "code": slip, "venue": venue.pk})
        assert response.status_code == 400 and "typing mistake" in response.content.decode()
    ok = client.post("/en/vouchers/redeem/", {"action": "check", "code": voucher.code, "venue": venue.pk})
    assert ok.status_code == 200


@pytest.fixture(params=["local memory", "redis"])
def limits_cache(request, settings):
    """The look-up limits on the tests' local cache, and on a real Redis (one pipeline a look-up there)."""
    if request.param == "redis":
        prefix = use_real_redis(settings, "voucher-limits")
        from django.core.cache import caches

        assert type(caches["default"]).__module__ == "civica.core.redis_cache"
        yield
        forget(prefix)
    else:
        yield


@pytest.mark.usefixtures("limits_cache")
def test_repeated_wrong_codes_lock_the_form_even_for_a_right_one(redeeming, settings):
    settings.VOUCHER_LOOKUP_LIMITS = {"wrong_codes": (3, 900), "lock_seconds": 600}
    client, voucher, venue, _offer = redeeming
    statuses = [client.post("/en/vouchers/redeem/", {"action": "check", "code": codes.new_code(), "venue": venue.pk})
                .status_code for _attempt in range(3)]
    assert statuses == [400, 400, 429]
    locked = client.post("/en/vouchers/redeem/", {"action": "check", "code": voucher.code, "venue": venue.pk})
    assert locked.status_code == 429 and "locked for 10 minutes" in locked.content.decode()
    # The holder's page from the same address is locked too.
    assert client.get(f"/en/vouchers/v/{voucher.code}/").status_code == 429


@pytest.mark.usefixtures("limits_cache")
def test_look_ups_are_rate_limited_per_account_and_address(redeeming, settings):
    settings.VOUCHER_LOOKUP_LIMITS = {"by_person": (2, 60), "by_address": (100, 60)}
    client, voucher, venue, _offer = redeeming
    statuses = [client.post("/en/vouchers/redeem/", {"action": "check", "code": voucher.code, "venue": venue.pk})
                .status_code for _attempt in range(3)]
    assert statuses == [200, 200, 429]
    assert "Too many look-ups" in client.post("/en/vouchers/redeem/", {
        "action": "check", "code": voucher.code, "venue": venue.pk}).content.decode()


@pytest.mark.parametrize("state", ["expired", "cancelled", "spent"])
def test_a_code_that_cannot_be_used_tells_the_staff_not_to_accept_it(redeeming, state):
    client, voucher, venue, offer = redeeming
    if state == "expired":
        Voucher.objects.filter(pk=voucher.pk).update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    elif state == "cancelled":
        services.voucher_cancel(voucher=voucher, by=programme_staff(voucher.programme))
    else:
        Voucher.objects.filter(pk=voucher.pk).update(balance=0)
    body = client.post("/en/vouchers/redeem/", {"action": "check", "code": voucher.code, "venue": venue.pk}
                       ).content.decode()
    assert "Do not accept it:" in body and "Confirm the redemption" not in body
    assert {"expired": "expired on", "cancelled": "was cancelled", "spent": "is spent"}[state] in body
    # Posting the redemption anyway is refused with the same words, never a 500.
    response = client.post("/en/vouchers/redeem/", {"action": "redeem", "code": voucher.code, "venue": venue.pk,
                                                     "offer": offer.pk, "amount": "10"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/en/vouchers/redeem/?code={voucher.code}"  # typed in again
    words = {"expired": "expired on", "cancelled": "was cancelled", "spent": "is spent"}[state]
    assert words in response.content.decode()


@pytest.mark.parametrize("amount", ["0", "-5", "abc", "1e9", "100000000000"])
def test_a_bad_amount_is_a_400_with_the_form(redeeming, amount):
    client, voucher, venue, offer = redeeming
    response = client.post("/en/vouchers/redeem/", {"action": "redeem", "code": voucher.code, "venue": venue.pk,
                                                     "offer": offer.pk, "amount": amount})
    assert response.status_code == 400
    voucher.refresh_from_db()
    assert voucher.balance == Decimal("100")


def test_an_offer_of_another_venue_is_not_accepted(redeeming):
    client, voucher, venue, _offer = redeeming
    foreign = OfferFactory(venue=VenueFactory(), programmes=[voucher.programme])
    response = client.post("/en/vouchers/redeem/", {"action": "redeem", "code": voucher.code, "venue": venue.pk,
                                                     "offer": foreign.pk, "amount": "10"})
    assert response.status_code == 400


def test_the_holder_types_the_code_and_sees_balance_offers_and_history(client):
    programme, venue, offer = setting()
    voucher = issued(programme)
    services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("30"), by=venue_staff(venue))
    response = client.post("/en/vouchers/check/", {"code": codes.display(voucher.code)})
    assert response.status_code == 302 and response["Location"] == f"/en/vouchers/v/{voucher.code}/"
    page = client.get(response["Location"]).content.decode()
    assert "70.00 lei" in page and offer.title_en in page and "<svg" in page and "card.pdf" in page
    slip = voucher.code[:-1] + ("0" if voucher.code[-1] != "0" else "1")
    mistyped = client.post("/en/vouchers/check/", {"code": slip})
    assert mistyped.status_code == 400 and "typing mistake" in mistyped.content.decode()


def test_the_card_is_an_a6_pdf_in_the_beneficiarys_language(client):
    import pikepdf

    programme, _venue, _offer = setting()
    voucher = issued(programme, language="en")
    response = client.get(f"/en/vouchers/v/{voucher.code}/card.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    import io

    pdf = pikepdf.open(io.BytesIO(b"".join(response.streaming_content)))
    width, height = (float(value) for value in pdf.pages[0].mediabox[2:])
    assert round(width / 72 * 25.4) == 105 and round(height / 72 * 25.4) == 148
    assert len(pdf.pages) == 2
    html = __import__("civica.vouchers.cards", fromlist=["card_html"]).card_html(voucher)
    assert "Cultural voucher" in html and voucher.display_code in html


def test_a_cancelled_cards_pdf_is_gone(client):
    programme, _venue, _offer = setting()
    voucher = issued(programme)
    services.voucher_cancel(voucher=voucher, by=programme_staff(programme))
    response = client.get(f"/en/vouchers/v/{voucher.code}/card.pdf")
    assert response.status_code == 410 and "was cancelled" in response.content.decode()


def test_a_referrer_finds_their_beneficiary_again_by_reference_or_alias(client):
    programme, _venue, _offer = setting()
    by = referrer(programme)
    voucher = issued(programme, by=by, alias="Ioana de la centru")
    client.force_login(by)
    reference = voucher.beneficiary.reference
    for query in (reference, "ioana"):
        page = client.get(f"/en/vouchers/referrals/?q={query}").content.decode()
        assert f'href="/en/vouchers/referrals/{reference}/"' in page
    assert "No beneficiary of yours matches" in client.get("/en/vouchers/referrals/?q=nobody").content.decode()


def test_registering_with_a_bad_e_mail_is_a_400_and_nothing_is_issued(client):
    programme, _venue, _offer = setting()
    client.force_login(referrer(programme))
    response = client.post("/en/vouchers/referrals/", {"programme": programme.pk, "language": "en",
                                                       "email": "not-an-address"})
    assert response.status_code == 400 and not Voucher.objects.exists()
    assert client.post("/en/vouchers/referrals/", {"programme": "x", "language": "zz"}).status_code == 400


def test_a_spent_budget_is_said_in_the_form(client):
    programme, _venue, _offer = setting(budget=Decimal("100"))
    by = referrer(programme)
    issued(programme, by=by)
    client.force_login(by)
    response = client.post("/en/vouchers/referrals/", {"programme": programme.pk, "language": "ro"})
    assert response.status_code == 400 and "budget is spent" in response.content.decode()


def test_the_staff_reissue_a_lost_card_and_reverse_a_redemption_on_the_beneficiarys_page(client):
    programme, venue, offer = setting()
    voucher = issued(programme)
    redemption = services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("30"),
                                         by=venue_staff(venue))
    client.force_login(programme_staff(programme))
    client.post(f"/en/vouchers/redemptions/{redemption.pk}/reverse/", {"reason": ""})
    redemption.refresh_from_db()
    assert redemption.reversed_at is None
    page = client.post(f"/en/vouchers/redemptions/{redemption.pk}/reverse/", {"reason": "Wrong venue"}, follow=True)
    assert "Reversed" in page.content.decode() and "Wrong venue" in page.content.decode()
    page = client.post(f"/en/vouchers/vouchers/{voucher.pk}/reissue/", follow=True)
    assert "A new card is issued" in page.content.decode()
    assert client.get(f"/en/vouchers/v/{voucher.code}/").status_code == 200  # the old page says it was replaced
    new = Voucher.objects.get(replaces=voucher)
    assert new.balance == Decimal("100")


def test_the_programme_is_closed_and_reopened_by_its_staff(client):
    programme, _venue, _offer = setting()
    client.force_login(programme_staff(programme))
    client.post(f"/en/vouchers/manage/{programme.slug}/", {"to": "closed"})
    programme.refresh_from_db()
    assert programme.status == "closed"
    assert client.post(f"/en/vouchers/manage/{programme.slug}/", {"to": "nonsense"}).status_code == 302
    programme.refresh_from_db()
    assert programme.status == "closed"


def test_public_pages_and_the_holders_page_cost_the_same_queries_with_more_rows(client, assert_constant_queries):
    programme, venue, offer = setting()
    voucher = issued(programme)
    staff = venue_staff(venue)

    def grow():
        for _ in range(3):
            other = VenueFactory()
            programme.venues.add(other)
            OfferFactory(venue=other, programmes=[programme])
            services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("5"), by=staff)

    assert_constant_queries(client, ["/en/vouchers/", "/en/vouchers/offers/",
                                     f"/en/vouchers/offers/?programme={programme.slug}",
                                     f"/en/vouchers/v/{voucher.code}/"], grow)


def test_staff_pages_cost_the_same_queries_with_more_rows(client, assert_constant_queries):
    programme, venue, offer = setting(budget=Decimal("10000"))
    by = referrer(programme)
    voucher = issued(programme, by=by)
    staff = programme_staff(programme)
    client.force_login(staff)

    def grow():
        for _ in range(3):
            more = issued(programme, by=by)
            services.voucher_redeem(voucher=more, venue=venue, offer=offer, amount=Decimal("5"),
                                    by=venue_staff(venue))
        services.voucher_redeem(voucher=voucher, venue=venue, offer=offer, amount=Decimal("5"), by=venue_staff(venue))

    assert_constant_queries(client, ["/en/vouchers/referrals/", f"/en/vouchers/manage/{programme.slug}/",
                                     f"/en/vouchers/referrals/{voucher.beneficiary.reference}/"], grow)


def test_an_unknown_programme_or_reference_is_not_found(client):
    programme, _venue, _offer = setting()
    client.force_login(referrer(programme))
    assert client.get("/en/vouchers/offers/?programme=nothing").status_code == 404
    assert client.get("/en/vouchers/referrals/B-NOBODY/").status_code == 404
    assert client.get("/en/vouchers/manage/nothing/").status_code == 404
