"""The inventory's downloads stream every public object on each request (no cache keeps them), so each counts
against ``download_by_address`` (``core.write_limits.limited``); past it the address gets the 429 page."""

import pytest

pytestmark = pytest.mark.django_db

DOWNLOADS = ["/en/heritage/objects.csv", "/en/heritage/objects.json", "/en/heritage/objects.geojson"]


def test_downloads_are_limited_per_address_with_a_message_in_english(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "download_by_address": "3/m/ip"}
    assert [client.get(path).status_code for path in DOWNLOADS] == [200, 200, 200]
    refused = client.get(DOWNLOADS[0])
    assert refused.status_code == 429 and "Too many" in refused.content.decode()
    assert client.get(DOWNLOADS[0], REMOTE_ADDR="198.51.100.7").status_code == 200
