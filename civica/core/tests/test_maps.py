"""Maps (civica/core/maps.py, templatetags/maps.py): the coordinate fields' limits and messages, the list of
places the server always renders, Leaflet only where a map can be drawn, and the tile server in the CSP."""

import os
from decimal import Decimal

import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from civica.core.maps import Place, both_or_neither, latitude_field, longitude_field, plain_coordinate
from config.settings.base import content_security_policy, tile_source


class PointForm(forms.Form):
    latitude = latitude_field()
    longitude = longitude_field()

    def clean(self):
        cleaned = super().clean()
        both_or_neither(self)
        return cleaned


def point(latitude="", longitude="", language="en"):
    with translation.override(language):
        form = PointForm({"latitude": latitude, "longitude": longitude})
        valid = form.is_valid()
        return valid, form.cleaned_data if valid else {name: list(errors) for name, errors in form.errors.items()}


@pytest.mark.parametrize(("latitude", "longitude"), [
    ("90", "180"), ("-90", "-180"), ("0", "0"), ("46.771234", "23.623456"), ("-89.999999", "179.999999"),
])
def test_coordinates_within_the_limits_are_kept(latitude, longitude):
    valid, data = point(latitude, longitude)
    assert valid, data
    assert data == {"latitude": Decimal(latitude), "longitude": Decimal(longitude)}


def test_neither_coordinate_is_no_point():
    assert point() == (True, {"latitude": None, "longitude": None})
    assert point("  ", " ") == (True, {"latitude": None, "longitude": None})


@pytest.mark.parametrize(("latitude", "longitude", "field", "message"), [
    ("90.000001", "23", "latitude", "A latitude is between -90 (South Pole) and 90 (North Pole)."),
    ("-91", "23", "latitude", "A latitude is between -90 (South Pole) and 90 (North Pole)."),
    ("46", "180.5", "longitude", "A longitude is between -180 (west) and 180 (east)."),
    ("46", "-181", "longitude", "A longitude is between -180 (west) and 180 (east)."),
    ("1e400", "23", "latitude", "A latitude is between -90 (South Pole) and 90 (North Pole)."),
    ("north", "23", "latitude", "Type the latitude as a number, such as 46.7712."),
    ("46", "NaN", "longitude", "Type the longitude as a number, such as 23.6236."),
    ("46", "Infinity", "longitude", "Type the longitude as a number, such as 23.6236."),
    ("46.77", "", "longitude", "Give the longitude too, or clear the latitude."),
    ("", "23.59", "latitude", "Give the latitude too, or clear the longitude."),
])
def test_coordinates_outside_the_limits_are_refused_with_a_clear_message(latitude, longitude, field, message):
    valid, errors = point(latitude, longitude)
    assert not valid
    assert errors == {field: [message]}


def test_the_messages_are_in_romanian_too():
    assert point("95", "23", language="ro")[1] == {
        "latitude": ["Latitudinea este între -90 (Polul Sud) și 90 (Polul Nord)."]}
    assert point("46", "", language="ro")[1] == {"longitude": ["Completați și longitudinea sau ștergeți latitudinea."]}


def test_a_decimal_comma_is_accepted_and_more_decimals_are_rounded():
    assert point("46,7712", " 23,6236 ")[1] == {"latitude": Decimal("46.7712"), "longitude": Decimal("23.6236")}
    rounded = {"latitude": Decimal("46.771235"), "longitude": Decimal("23.123457")}
    assert point("46.77123456", "23.1234565")[1] == rounded


def test_coordinates_are_written_with_a_dot_and_no_trailing_zeros():
    assert plain_coordinate(Decimal("46.778400")) == "46.7784"
    assert plain_coordinate(Decimal("23.000000")) == "23"
    assert plain_coordinate(Decimal("-0.500000")) == "-0.5"


PLACES = [Place(name="Benches <by> the river", latitude=Decimal("46.774800"), longitude=Decimal("23.585000"),
                url="/en/somewhere/", address="Malul Someșului"),
          None,
          Place(name="The studio", latitude=Decimal("46.7697"), longitude=Decimal("23.5898"), approximate=True)]


def render(text, **context):
    with translation.override("en"):
        return Template("{% load maps %}" + text).render(Context(context))


def test_without_tiles_the_places_are_a_list_with_coordinates_and_no_leaflet():
    assert settings.CIVICA_MAP_TILE_URL == ""
    html = render('{% place_map places title="On the map" %}', places=PLACES)
    assert "The map cannot be shown here: the places are listed with their coordinates." in html
    assert '<a href="/en/somewhere/">Benches &lt;by&gt; the river</a>, Malul Someșului' in html
    assert "Malul Someșului <span class=\"coordinates\">(latitude 46.7748, longitude 23.585)</span>" in html
    assert "(latitude 46.7697, longitude 23.5898, approximate point)" in html
    assert "The list: 2 places with their coordinates" in html
    assert 'data-map="' not in html and "application/json" not in html
    assert render("{% map_assets %}") == ""
    assert render("{% place_map places title='x' %}", places=[None]) == ""
    assert render("{% place_map place title='x' %}", place=None) == ""


def test_with_tiles_the_list_stays_beside_a_map_and_leaflet_is_loaded(settings):
    settings.CIVICA_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    html = render('{% place_map places title="On the map" map_id="ideas" %}', places=PLACES)
    assert 'data-map="ideas-places"' in html and 'data-map-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert '<script id="ideas-places" type="application/json">' in html
    assert '"name": "Benches \\u003Cby\\u003E the river"' in html
    assert "Malul Someșului <span class=\"coordinates\">(latitude 46.7748, longitude 23.585)</span>" in html
    assert "The map cannot be shown here" not in html
    assets = render("{% map_assets %}")
    assert "vendor/leaflet/leaflet.js" in assets and "vendor/leaflet/leaflet.css" in assets
    assert "js/map.js" in assets and "defer" in assets


def test_one_place_is_drawn_as_it_is():
    html = render("{% place_map place title='Where' %}", place=PLACES[2])
    assert "The list: 1 place with its coordinates" in html
    assert '<details class="place-list-box" data-map-list open>' in html


def test_the_tile_server_is_allowed_in_the_csp_only_when_configured():
    assert content_security_policy("")["DIRECTIVES"]["img-src"] == ["'self'", "data:"]
    osm = content_security_policy("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    assert osm["DIRECTIVES"]["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert osm["DIRECTIVES"]["connect-src"] == ["'self'"] and osm["DIRECTIVES"]["script-src"] == ["'self'"]
    assert tile_source("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert tile_source("/static/tiles/{z}/{x}/{y}.png") is None  # our own: 'self' allows it
    assert tile_source("javascript:alert(1)") is None


@pytest.mark.django_db
def test_the_tests_send_a_csp_without_any_tile_server(client):
    header = client.get("/en/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    assert directives["img-src"] == "'self' data:"  # the directives' order is not fixed


def test_production_draws_openstreetmap_tiles_by_default():
    """The shared settings (which production keeps) name OpenStreetMap's tiles and their attribution;
    the tests' settings turn them off."""
    import config.settings.base as base

    if "CIVICA_MAP_TILE_URL" in os.environ:
        pytest.skip("CIVICA_MAP_TILE_URL is set in this environment")
    assert base.CIVICA_MAP_TILE_URL == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "https://www.openstreetmap.org/copyright" in base.CIVICA_MAP_ATTRIBUTION
    assert "https://tile.openstreetmap.org" in base.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]


def test_a_site_deployed_without_leaflet_lists_the_places_without_an_error(settings, tmp_path):
    settings.CIVICA_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1", "hash": "x"}')
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
    assert render("{% map_assets %}") == ""
    html = render("{% place_map places title='On the map' %}", places=PLACES)
    assert "The map cannot be shown here" in html and "(latitude 46.7748, longitude 23.585)" in html
