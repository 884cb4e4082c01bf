"""The limits of ACCOUNT_RATE_LIMITS in config/settings/base.py, enforced by allauth."""

import pytest
from django.conf import settings
from django.core import mail

from civica.accounts.tests.factories import PASSWORD


def _first_limit(action):
    amount, _period, _key = settings.ACCOUNT_RATE_LIMITS[action].split(",")[0].split("/")
    return int(amount)


@pytest.mark.django_db
def test_sign_up_is_rate_limited_per_ip(client):
    limit = _first_limit("signup")
    assert limit == 10
    for number in range(limit):
        response = client.post("/en/accounts/signup/", {"email": f"bot{number}@example.org", "password1": "x"})
        assert response.status_code == 200
    response = client.post("/en/accounts/signup/", {"email": "one-more@example.org", "password1": "x"})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


@pytest.mark.django_db
def test_failed_log_ins_are_limited_per_account(client, participant):
    for _attempt in range(5):
        response = client.post("/en/accounts/login/", {"login": participant.email, "password": "wrong-guess"})
        assert "not correct" in response.content.decode()
    response = client.post("/en/accounts/login/", {"login": participant.email, "password": PASSWORD})
    assert response.status_code == 200, "even the right password is refused while the account is locked"
    assert "Too many failed login attempts" in response.content.decode()


@pytest.mark.django_db
def test_password_reset_is_limited_per_address(client, participant):
    for _attempt in range(3):
        assert client.post("/en/accounts/password/reset/", {"email": participant.email}).status_code == 302
    response = client.post("/en/accounts/password/reset/", {"email": participant.email})
    assert response.status_code == 429
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_rate_limited_page_is_translated(client):
    for number in range(_first_limit("signup")):
        client.post("/ro/accounts/signup/", {"email": f"bot{number}@example.org"})
    response = client.post("/ro/accounts/signup/", {"email": "x@example.org"})
    assert response.status_code == 429
    assert "Prea multe încercări" in response.content.decode()


@pytest.mark.django_db
def test_writes_are_limited_per_person_and_per_address(client, participant, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "write_by_person": "3/m/user",
                                    "write_by_address": "5/m/ip"}
    client.force_login(participant)
    for _attempt in range(3):
        assert client.post("/i18n/setlang/", {"language": "ro", "next": "/ro/"}).status_code == 302
    refused = client.post("/i18n/setlang/", {"language": "ro", "next": "/ro/"})
    assert refused.status_code == 429 and "Prea multe încercări" in refused.content.decode()
    assert client.get("/ro/").status_code == 200  # reading is never limited
    client.logout()
    assert client.post("/i18n/setlang/", {"language": "ro", "next": "/ro/"}).status_code == 302  # 5th from here
    assert client.post("/i18n/setlang/", {"language": "ro", "next": "/ro/"}).status_code == 429


@pytest.mark.django_db
def test_behind_a_load_balancer_each_client_address_has_its_own_limit(client, settings):
    """Every request reaches the app servers from the balancer's address; the client's is the last one the
    balancer adds to X-Forwarded-For (CIVICA_TRUSTED_PROXY_COUNT=1), whatever the client wrote before it."""
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "write_by_address": "2/m/ip"}
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    balancer = {"REMOTE_ADDR": "10.0.0.2"}

    def write(forwarded_for):
        return client.post("/i18n/setlang/", {"language": "ro", "next": "/ro/"},
                           HTTP_X_FORWARDED_FOR=forwarded_for, **balancer).status_code

    assert [write("198.51.100.7"), write("198.51.100.7"), write("198.51.100.7")] == [302, 302, 429]
    assert write("203.0.113.9") == 302, "another person behind the same balancer is not refused"
    assert write("203.0.113.9, 198.51.100.7") == 429, "a forged first address changes nothing"


def test_without_trusted_load_balancers_forwarded_addresses_are_ignored():
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == 0


def test_the_default_write_limits_are_explicit():
    assert settings.ACCOUNT_RATE_LIMITS["write_by_person"] == "60/m/user"
    assert settings.ACCOUNT_RATE_LIMITS["write_by_address"] == "300/m/ip"
