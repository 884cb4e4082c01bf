"""The venues' API (issue 22, point 6): a venue's token checks and redeems voucher codes as its staff do
on the phone page, through the same service, rules, lock and limits; every refusal a problem with a
stable code, in the caller's language; never a 500.

- Truth table: this venue's token, another venue's, a revoked one, a person's API token, none.
- The stable codes of every refusal, the lock after wrong codes per venue account, the rate limit.
- Fuzz (hypothesis) of the body; the OpenAPI document lists the operations with their problems.
- The race (PostgreSQL): 20 redemptions of one voucher at the same instant, half through the API and half
  through the phone page: exactly what the balance allows succeed and the balance is exact."""

import datetime
import json
import threading
from decimal import Decimal

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from civica.api import services as api_services
from civica.api.models import Scope
from civica.core.tests.concurrency import skip_unless_postgresql
from civica.vouchers import codes, services
from civica.vouchers.models import Redemption, Voucher
from civica.vouchers.tests.factories import OfferFactory, VenueFactory, issued, programme_staff, setting, venue_staff

CHECK, REDEEM = "/api/v1/venue/check", "/api/v1/venue/redemptions"
THIS = "this venue's token"


def call(client, path, token=None, language="en", **body):
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    if token:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client.post(path, data=json.dumps(body), content_type="application/json", **headers)


@pytest.fixture
def world(db):
    programme, venue, offer = setting(voucher_value=Decimal("100"))
    other = VenueFactory()
    programme.venues.add(other)
    other_offer = OfferFactory(venue=other, programmes=[programme], price=Decimal("20"))
    staff = venue_staff(venue)
    _token, secret = services.venue_token_create(venue=venue, name="Ticketing", expires_in_days=365, by=staff)
    _other_token, other_secret = services.venue_token_create(venue=other, name="Box office", expires_in_days=90,
                                                              by=venue_staff(other))
    revoked, revoked_secret = services.venue_token_create(venue=venue, name="Old", expires_in_days=90, by=staff)
    services.venue_token_revoke(token=revoked, by=programme_staff(programme))
    _personal, personal_secret = api_services.token_create(by=staff, name="Mine", scopes=list(Scope.values),
                                                          expires_in_days=30)
    return {"programme": programme, "venue": venue, "offer": offer, "other_offer": other_offer,
            "voucher": issued(programme), "tokens": {
                "this venue's token": secret, "another venue's token": other_secret,
                "revoked token": revoked_secret, "a person's API token": personal_secret, "no token": None}}


# caller: (check status, redeem status, redeem code) for this venue's offer.
TRUTH = {
    "this venue's token": (200, 201, None),
    "another venue's token": (200, 422, "offer_not_accepted"),
    "revoked token": (401, 401, None),
    "a person's API token": (401, 401, None),
    "no token": (401, 401, None),
}


@pytest.mark.parametrize("caller", TRUTH)
def test_each_caller_is_answered_as_its_token_allows(client, world, caller):
    token = world["tokens"][caller]
    check_status, redeem_status, code = TRUTH[caller]
    checked = call(client, CHECK, token, code=world["voucher"].display_code)
    assert checked.status_code == check_status
    redeemed = call(client, REDEEM, token, code=world["voucher"].code, offer=world["offer"].pk, amount="30")
    assert redeemed.status_code == redeem_status
    assert redeemed["Content-Type"].startswith("application/json" if redeem_status == 201 else "application/problem")
    assert redeemed.json().get("code") == code or redeem_status == 201
    voucher = Voucher.objects.get(pk=world["voucher"].pk)
    assert voucher.balance == (Decimal("70") if redeem_status == 201 else Decimal("100"))
    if check_status == 200:
        venue_offers = {offer["id"] for offer in checked.json()["offers"]}
        mine = world["offer"] if caller == "this venue's token" else world["other_offer"]
        assert venue_offers == {mine.pk}  # only the offers of the token's own venue


def test_a_redemption_through_the_api_is_the_pages_redemption_naming_the_token(client, world):
    answer = call(client, REDEEM, world["tokens"]["this venue's token"], code=world["voucher"].display_code.lower(),
                  offer=world["offer"].pk, amount="30.00").json()
    assert answer["amount"] == "30.00" and answer["balance"] == "70.00" and answer["unit"] == "lei"
    redemption = Redemption.objects.get(pk=answer["id"])
    assert redemption.redeemed_by is None and redemption.venue_token.name == "Ticketing"
    assert redemption.venue == world["venue"]
    checked = call(client, CHECK, world["tokens"]["this venue's token"], code=world["voucher"].code).json()
    assert checked["balance"] == "70.00" and checked["value"] == "100.00"
    assert checked["expires_on"] == world["voucher"].expires_on.isoformat()


def _spoil(voucher, state):
    if state == "expired":
        Voucher.objects.filter(pk=voucher.pk).update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    elif state == "cancelled":
        services.voucher_cancel(voucher=voucher, by=programme_staff(voucher.programme))
    elif state == "spent":
        Voucher.objects.filter(pk=voucher.pk).update(balance=0)


@pytest.mark.parametrize(("state", "status", "code", "words"), [
    ("expired", 422, "expired", "expired on"),
    ("cancelled", 422, "cancelled", "was cancelled"),
    ("spent", 422, "spent", "is spent"),
])
def test_a_voucher_that_cannot_be_used_has_its_stable_code(client, world, state, status, code, words):
    _spoil(world["voucher"], state)
    token = world["tokens"]["this venue's token"]
    for path, body in ((CHECK, {}), (REDEEM, {"offer": world["offer"].pk, "amount": "10"})):
        answer = call(client, path, token, code=world["voucher"].code, **body)
        assert answer.status_code == status and answer.json()["code"] == code
        assert words in answer.json()["detail"]


def test_wrong_mistyped_too_much_and_not_accepted(client, world):
    token, voucher = world["tokens"]["this venue's token"], world["voucher"]
    wrong = call(client, CHECK, token, code=codes.new_code())
    assert wrong.status_code == 404 and wrong.json()["code"] == "wrong_code"
    slip = voucher.code[:5] + ("A" if voucher.code[5] != "A" else "B") + voucher.code[6:]
    mistyped = call(client, CHECK, token, code=slip)
    assert mistyped.status_code == 400 and mistyped.json()["code"] == "mistyped_code"
    too_much = call(client, REDEEM, token, code=voucher.code, offer=world["offer"].pk, amount="100.01")
    assert too_much.status_code == 422 and too_much.json()["code"] == "insufficient_balance"
    assert "Only 100.00 lei is left" in too_much.json()["detail"]
    elsewhere = call(client, REDEEM, token, code=voucher.code, offer=world["other_offer"].pk, amount="10")
    assert elsewhere.status_code == 422 and elsewhere.json()["code"] == "offer_not_accepted"
    assert Voucher.objects.get(pk=voucher.pk).balance == Decimal("100")


def test_the_refusals_are_in_the_callers_language(client, world):
    token = world["tokens"]["this venue's token"]
    english = call(client, CHECK, token, code=codes.new_code())
    romanian = call(client, CHECK, token, language="ro", code=codes.new_code())
    assert english["Content-Language"] == "en" and romanian["Content-Language"] == "ro"
    assert english.json()["code"] == romanian.json()["code"] == "wrong_code"
    assert english.json()["detail"].startswith("No voucher has this code.")
    assert romanian.json()["detail"] != english.json()["detail"]


def test_wrong_codes_lock_the_venue_account_even_for_a_right_code_and_a_new_token(client, world, settings):
    settings.VOUCHER_LOOKUP_LIMITS = {"wrong_codes": (3, 900), "lock_seconds": 600, "by_address": (1000, 60)}
    token = world["tokens"]["this venue's token"]
    statuses = [call(client, CHECK, token, code=codes.new_code()).status_code for _attempt in range(3)]
    assert statuses == [404, 404, 429]
    # A new token of the same venue, from another address, is locked too: the lock is the venue's.
    _token, fresh = services.venue_token_create(venue=world["venue"], name="New", expires_in_days=90,
                                                by=venue_staff(world["venue"]))
    locked = Client(REMOTE_ADDR="10.9.8.7").post(
        REDEEM, data=json.dumps({"code": world["voucher"].code, "offer": world["offer"].pk, "amount": "10"}),
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {fresh}", HTTP_ACCEPT_LANGUAGE="en")
    assert locked.status_code == 429 and locked.json()["code"] == "locked_out"
    assert "locked for 10 minutes" in locked.json()["detail"] and int(locked["Retry-After"]) > 500
    assert Voucher.objects.get(pk=world["voucher"].pk).balance == Decimal("100")


def test_look_ups_are_rate_limited_per_venue_account(client, world, settings):
    settings.VOUCHER_LOOKUP_LIMITS = {"by_person": (2, 60), "by_address": (100, 60)}
    token = world["tokens"]["this venue's token"]
    statuses = [call(client, CHECK, token, code=world["voucher"].code).status_code for _attempt in range(3)]
    assert statuses == [200, 200, 429]
    answer = call(client, CHECK, token, code=world["voucher"].code)
    assert answer.json()["code"] == "too_many_requests" and answer.has_header("Retry-After")


@pytest.mark.parametrize("body", [
    {}, {"code": ""}, {"code": "x" * 41}, {"code": 7},
    {"code": "7KQ2-M9XD-4TRB-HW3E-P", "offer": "one", "amount": "1"},
    {"code": "7KQ2-M9XD-4TRB-HW3E-P", "offer": 1, "amount": "-1"},
    {"code": "7KQ2-M9XD-4TRB-HW3E-P", "offer": 1, "amount": "1.001"},
    {"code": "7KQ2-M9XD-4TRB-HW3E-P", "offer": 1, "amount": "NaN"},
    {"code": "7KQ2-M9XD-4TRB-HW3E-P", "offer": 0, "amount": "1"},
])
def test_bad_bodies_are_400_problems_naming_the_parameter(client, world, body):
    answer = call(client, REDEEM, world["tokens"]["this venue's token"], **body)
    assert answer.status_code == 400 and answer.json()["errors"]
    assert all(error["message"] and "pydantic" not in error["message"] for error in answer.json()["errors"])


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.one_of(st.text(max_size=50), st.integers(), st.none()),
       offer=st.one_of(st.integers(min_value=-2**40, max_value=2**40), st.text(max_size=10), st.none()),
       amount=st.one_of(st.decimals(allow_nan=True, allow_infinity=True).map(str), st.text(max_size=12),
                        st.floats(allow_nan=False, allow_infinity=False)))
def test_no_body_makes_a_500(client, world, settings, code, offer, amount):
    settings.VOUCHER_LOOKUP_LIMITS = {"wrong_codes": (10**6, 900), "by_person": (10**6, 60),
                                      "by_address": (10**6, 60)}
    settings.CIVICA_API_RATE_BY_TOKEN = settings.CIVICA_API_RATE_BY_ADDRESS = "100000/m"
    answer = client.post(REDEEM, data=json.dumps({"code": code, "offer": offer, "amount": amount}),
                         content_type="application/json",
                         HTTP_AUTHORIZATION=f"Bearer {world['tokens'][THIS]}")
    assert answer.status_code in {201, 400, 404, 422, 429}
    assert answer["Content-Type"].startswith(("application/json", "application/problem+json"))


def test_the_openapi_document_lists_the_venue_operations_with_their_problems(client):
    document = client.get("/api/v1/openapi.json").json()
    for path in (CHECK, REDEEM):
        operation = document["paths"][path]["post"]
        assert operation["tags"] == ["venues"] and operation["security"]
        assert {"400", "401", "403", "404", "422", "429"} <= set(operation["responses"])
    assert "code" in document["components"]["schemas"]["Problem"]["properties"]
    assert "offer_not_accepted" in document["info"]["description"]
    assert document["paths"][REDEEM]["post"]["responses"]["201"]


@pytest.mark.django_db(transaction=True)
def test_twenty_redemptions_at_once_through_the_api_and_the_page_get_exactly_what_the_balance_allows(settings):
    skip_unless_postgresql()
    settings.VOUCHER_LOOKUP_LIMITS = {"by_person": (10**6, 60), "by_address": (10**6, 60)}
    settings.CIVICA_API_RATE_BY_TOKEN = settings.CIVICA_API_RATE_BY_ADDRESS = "100000/m"
    programme, venue, offer = setting(voucher_value=Decimal("100"))
    voucher = issued(programme)
    clients = []
    for index in range(10):  # ten venue accounts on the phone page, ten tokens through the API
        page = Client()
        page.force_login(venue_staff(venue))
        clients.append(("page", page, None))
        _token, secret = services.venue_token_create(venue=venue, name=f"System {index}", expires_in_days=90,
                                                     by=venue_staff(venue))
        clients.append(("api", Client(), secret))
    statuses = [None] * len(clients)
    barrier = threading.Barrier(len(clients))

    def run(index, kind, browser, secret):
        try:
            barrier.wait()
            if kind == "page":
                response = browser.post("/en/vouchers/redeem/", {"action": "redeem", "code": voucher.code,
                                                                 "venue": venue.pk, "offer": offer.pk, "amount": "30"})
                statuses[index] = ("page", response.status_code, response.get("Location", ""))
            else:
                response = call(browser, REDEEM, secret, code=voucher.code, offer=offer.pk, amount="30")
                statuses[index] = ("api", response.status_code, response.json().get("code"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, *item)) for index, item in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    redemptions = Redemption.objects.filter(voucher=voucher)
    assert redemptions.count() == 3
    assert Voucher.objects.get(pk=voucher.pk).balance == Decimal("10")
    assert sum(r.amount for r in redemptions) == Decimal("90")
    api_answers = [status for status in statuses if status[0] == "api"]
    assert all(status[1] in (201, 422) for status in api_answers)
    assert all(status[2] == "insufficient_balance" for status in api_answers if status[1] == 422)
    assert all(status[1] == 302 for status in statuses if status[0] == "page")
    assert sum(status[1] == 201 for status in api_answers) == redemptions.exclude(venue_token=None).count()
