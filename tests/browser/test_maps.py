"""Maps in a real browser (civica/core/maps.py, static/js/map.js).

Without a tile server (the tests' and the demo's settings) a page lists its places with coordinates, says
the map cannot be shown, loads no Leaflet and asks nothing of another server. With a tile server (here the
live server's own favicon as every tile) Leaflet draws one marker per place, a marker opens its place's
link from the keyboard, and a click on the idea form's map fills the latitude and longitude, which the
idea keeps. axe on each page, with and without the map."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from civica.accounts.tests.factories import UserFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.network.tests.factories import SpaceFactory
from civica.participation.models import Idea
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

from .helpers import accessible, log_in

pytestmark = pytest.mark.browser


def record_requests(page):
    """Every address the page asks for, as it asks."""
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    return asked


def assert_all_local(asked, base):
    outside = [url for url in asked if not (url.startswith(base) or url.startswith("data:"))]
    assert not outside, f"requests left the live server: {outside}"


def located_process():
    process = ProcessFactory(title_en="Parks for everyone")
    IdeaFactory(process=process, title="Benches by the river", location="Malul Someșului",
                latitude=Decimal("46.774800"), longitude=Decimal("23.585000"))
    IdeaFactory(process=process, title="A playground for all ages",
                latitude=Decimal("46.781900"), longitude=Decimal("23.586600"))
    IdeaFactory(process=process, title="An idea with no place")
    return process


def test_without_a_tile_server_the_places_are_a_list_and_nothing_leaves_the_site(live_server, page):
    base = live_server.url
    process = located_process()
    asked = record_requests(page)

    page.goto(f"{base}/en/processes/{process.slug}/")
    places = page.locator(".place-map")
    expect(places.get_by_role("heading", name="Ideas on the map")).to_be_visible()
    expect(places).to_contain_text("The map cannot be shown here")
    expect(places.get_by_role("link", name="Benches by the river")).to_be_visible()
    expect(places).to_contain_text("Malul Someșului (latitude 46.7748, longitude 23.585)")
    expect(places).to_contain_text("latitude 46.7819, longitude 23.5866")
    expect(places).not_to_contain_text("An idea with no place")
    expect(page.locator(".leaflet-container")).to_have_count(0)
    assert not [url for url in asked if "leaflet" in url or "map.js" in url]
    accessible(page)

    page.goto(f"{base}/ro/processes/{process.slug}/")
    expect(page.locator(".place-map")).to_contain_text("latitudine 46.7748, longitudine 23.585")
    assert_all_local(asked, base)


@pytest.fixture
def local_tiles(settings, live_server):
    """Tiles from the live server itself: its favicon stands for every tile (credited as OpenStreetMap's,
    the default attribution, a link)."""
    settings.CIVICA_MAP_TILE_URL = f"{live_server.url}/static/img/favicon-32.png?z={{z}}&x={{x}}&y={{y}}"


def test_with_a_tile_server_leaflet_draws_the_places(live_server, local_tiles, page):
    base = live_server.url
    process = located_process()
    studio = SpaceFactory(name_en="The studio", name_ro="Studioul", address="Str. Fluierașului nr. 3",
                          latitude=Decimal("46.769700"), longitude=Decimal("23.589800"), coordinates_approximate=True)
    meeting = MeetingFactory(title_en="Climate debate", space=None, place="CIIC", address="Cluj-Napoca",
                             latitude=Decimal("46.769700"), longitude=Decimal("23.589800"))
    asked = record_requests(page)

    page.goto(f"{base}/en/processes/{process.slug}/")
    map_box = page.locator("#idea-map")
    expect(map_box).to_have_class(re.compile(r"\bleaflet-container\b"))
    markers = map_box.locator(".leaflet-marker-icon")
    expect(markers).to_have_count(2)
    expect(map_box.locator(".leaflet-tile-loaded").first).to_be_attached()
    expect(map_box.get_by_role("link", name="OpenStreetMap")).to_be_visible()
    # The list stays, folded under the map.
    expect(page.locator(".place-map summary")).to_have_text("The list: 2 places with their coordinates")
    # A marker is reached from the keyboard and Enter opens its place's link.
    marker = map_box.get_by_role("button", name="Benches by the river")
    marker.focus()
    page.keyboard.press("Enter")
    expect(map_box.locator(".leaflet-popup").get_by_role("link", name="Benches by the river")).to_be_visible()
    accessible(page)

    page.goto(f"{base}/en/network/spaces/")
    expect(page.locator("#space-map .leaflet-marker-icon")).to_have_count(1)
    expect(page.locator("#space-map").get_by_role("button", name="The studio (approximate point)")).to_be_visible()
    accessible(page)
    page.goto(f"{base}/en/network/spaces/{studio.slug}/")
    expect(page.locator("#space-place .leaflet-marker-icon")).to_have_count(1)
    accessible(page)

    page.goto(f"{base}/en/meetings/{meeting.slug}/")
    expect(page.locator("#venue-map .leaflet-marker-icon")).to_have_count(1)
    expect(page.locator(".place-map")).to_contain_text("CIIC, Cluj-Napoca (latitude 46.7697, longitude 23.5898)")
    accessible(page)
    page.goto(f"{base}/en/meetings/")
    expect(page.locator("#meeting-map .leaflet-marker-icon")).to_have_count(1)
    accessible(page)
    assert_all_local(asked, base)


def test_a_click_on_the_idea_form_map_fills_the_coordinates(live_server, local_tiles, page):
    base = live_server.url
    process = ProcessFactory(title_en="Parks for everyone")
    author = UserFactory(display_name="Ioana", language="en")
    log_in(page, base, author)
    asked = record_requests(page)

    page.goto(f"{base}/en/processes/{process.slug}/ideas/new/")
    picker = page.locator("#map-picker")
    expect(picker.locator(".leaflet-tile-loaded").first).to_be_attached()
    latitude, longitude = page.get_by_label("Latitude:", exact=True), page.get_by_label("Longitude:", exact=True)
    expect(latitude).to_have_value("")
    accessible(page)
    picker.click(position={"x": 120, "y": 80})
    expect(latitude).not_to_have_value("")
    expect(picker.locator(".leaflet-marker-icon")).to_have_count(1)
    picked = Decimal(latitude.input_value()), Decimal(longitude.input_value())
    # The map opens on Cluj-Napoca: the point is near it.
    assert abs(picked[0] - Decimal("46.77")) < 1 and abs(picked[1] - Decimal("23.59")) < 1

    page.get_by_label("Title:", exact=True).fill("Benches by the river")
    page.get_by_label("Description:", exact=True).fill("Benches under the trees.")
    page.get_by_role("button", name="Publish my idea").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Benches by the river")
    idea = Idea.objects.get(title="Benches by the river")
    assert (idea.latitude, idea.longitude) == picked
    expect(page.locator("#idea-place .leaflet-marker-icon")).to_have_count(1)
    assert_all_local(asked, base)


def test_out_of_range_coordinates_are_refused_with_a_message(live_server, page):
    base = live_server.url
    process = ProcessFactory()
    log_in(page, base, UserFactory(language="en"))
    page.goto(f"{base}/en/processes/{process.slug}/ideas/new/")
    page.get_by_label("Title:", exact=True).fill("Somewhere else")
    page.get_by_label("Description:", exact=True).fill("Far away.")
    page.get_by_label("Latitude:", exact=True).fill("95")
    page.get_by_label("Longitude:", exact=True).fill("23,5")
    page.get_by_role("button", name="Publish my idea").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("main form")).to_contain_text("A latitude is between -90 (South Pole) and 90 (North Pole).")
    accessible(page)
    assert not Idea.objects.filter(title="Somewhere else").exists()


def test_when_the_tiles_fail_the_list_opens_and_says_so(live_server, settings, page):
    base = live_server.url
    settings.CIVICA_MAP_TILE_URL = f"{base}/static/no-such-tile/{{z}}/{{x}}/{{y}}.png"
    process = located_process()
    page.goto(f"{base}/en/processes/{process.slug}/")
    expect(page.locator("#idea-map .leaflet-marker-icon")).to_have_count(2)
    expect(page.get_by_text("The map could not load: every place is in the list below.")).to_be_visible()
    expect(page.locator(".place-map details")).to_have_attribute("open", "")
    expect(page.locator(".place-map").get_by_role("link", name="Benches by the river")).to_be_visible()
    accessible(page)
