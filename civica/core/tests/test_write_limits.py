"""core.write_limits against a real Redis (database 5, as the page cache's own Redis tests): the write limits
counted in one round trip keep allauth's rules (see also accounts/tests/test_rate_limits.py, on the tests'
local-memory cache, where allauth's own limiter counts)."""

import pytest

from civica.core.tests.real_redis import forget, use_real_redis

WRITE = ("/i18n/setlang/", {"language": "ro", "next": "/ro/"})


@pytest.fixture
def on_redis(settings, db):
    prefix = use_real_redis(settings, "write-limits")
    yield settings
    forget(prefix)


def test_on_redis_writes_are_limited_per_person_and_per_address_as_by_allauth(client, participant, on_redis):
    on_redis.ACCOUNT_RATE_LIMITS = {**on_redis.ACCOUNT_RATE_LIMITS, "write_by_person": "3/m/user",
                                    "write_by_address": "5/m/ip"}
    client.force_login(participant)
    assert [client.post(*WRITE).status_code for _attempt in range(3)] == [302, 302, 302]
    refused = client.post(*WRITE)
    assert refused.status_code == 429 and "Prea multe încercări" in refused.content.decode()
    assert client.post(*WRITE).status_code == 429  # refusals are not counted against the person...
    client.logout()
    # ...but against the address, checked first, as allauth does: five there now, so one more is refused.
    assert client.post(*WRITE).status_code == 429


def test_on_redis_a_write_refused_by_the_address_is_not_counted_against_the_person(
        client, participant, on_redis):
    on_redis.ACCOUNT_RATE_LIMITS = {**on_redis.ACCOUNT_RATE_LIMITS, "write_by_person": "2/m/user",
                                    "write_by_address": "1/m/ip"}
    client.force_login(participant)
    assert client.post(*WRITE).status_code == 302
    assert [client.post(*WRITE).status_code for _attempt in range(3)] == [429, 429, 429]
    from_elsewhere = {"REMOTE_ADDR": "198.51.100.7"}
    assert client.post(*WRITE, **from_elsewhere).status_code == 302  # the person's second write, not their fifth
    assert client.post(*WRITE, **{"REMOTE_ADDR": "203.0.113.9"}).status_code == 429


def test_on_redis_a_limited_read_counts_against_its_address(client, on_redis):
    """``write_limits.limited`` (the streamed inventories): a GET counts there too, unlike allauth's default."""
    on_redis.ACCOUNT_RATE_LIMITS = {**on_redis.ACCOUNT_RATE_LIMITS, "download_by_address": "2/m/ip"}
    assert [client.get("/ro/heritage/objects.csv").status_code for _attempt in range(2)] == [200, 200]
    assert client.get("/ro/heritage/objects.json").status_code == 429
    assert client.get("/ro/heritage/objects.json", REMOTE_ADDR="198.51.100.7").status_code == 200
