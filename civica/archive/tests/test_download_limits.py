"""The catalogue's downloads stream every matching work on each request (no cache keeps them), so each counts
against ``download_by_address`` (``core.write_limits.limited``); past it the address gets the 429 page."""

import pytest

pytestmark = pytest.mark.django_db

DOWNLOADS = ["/ro/archive/works.csv", "/ro/archive/works.json", "/ro/archive/works.geojson"]


def test_downloads_are_limited_per_address_with_a_message_in_romanian(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "download_by_address": "4/m/ip"}
    statuses = [client.get(path).status_code for path in DOWNLOADS + DOWNLOADS[:1]]
    assert statuses == [200, 200, 200, 200]
    refused = client.get(DOWNLOADS[1])
    assert refused.status_code == 429 and "Prea multe încercări" in refused.content.decode()
    assert client.get(DOWNLOADS[2], REMOTE_ADDR="198.51.100.7").status_code == 200  # another address: its own count
    assert client.get("/ro/archive/").status_code == 200  # the catalogue's pages are not counted
