"""Works on the map (issue 23, point 3) and the catalogue's speed at scale: a work's place on its page and
on the catalogue's map of the current filters (a list with coordinates: the tests have no tiles), the
GeoJSON download and its entry in the open-data catalogue, the page's count capped past a few thousand
works, and the unfiltered catalogue's facet counts prepared once a change commits."""

import json
from decimal import Decimal

import pytest
from django.utils import translation

from civica.archive import selectors, views
from civica.archive.forms import WorkForm
from civica.archive.models import WorkStatus
from civica.archive.services import work_save
from civica.archive.tests.factories import ArtistFactory, MediumFactory, TagFactory, WorkFactory
from civica.core.open_data import registered

pytestmark = pytest.mark.django_db

CLUJ = {"latitude": Decimal("46.770000"), "longitude": Decimal("23.590000")}


def test_a_work_with_a_place_shows_it_with_its_coordinates(client):
    WorkFactory(slug="pe-harta", title_en="On the map", location="Pavilionul ECCA", **CLUJ)
    WorkFactory(slug="fara-loc")
    page = client.get("/en/archive/works/pe-harta/").content.decode()
    assert "Where the work is" in page and "46.77" in page and "23.59" in page and "Pavilionul ECCA" in page
    assert "Where the work is" not in client.get("/en/archive/works/fara-loc/").content.decode()


def test_the_catalogue_map_shows_the_filtered_works_that_have_a_place(client):
    painting, photo = MediumFactory(slug="pictura"), MediumFactory(slug="foto")
    WorkFactory(title_en="Painted house", medium=painting, **CLUJ)
    WorkFactory(title_en="Photographed street", medium=photo, latitude=Decimal("46.1"), longitude=Decimal("23.2"))
    WorkFactory(title_en="Painting without a place", medium=painting)
    WorkFactory(title_en="Draft with a place", medium=painting, status=WorkStatus.DRAFT, **CLUJ)
    everything = client.get("/en/archive/map/")
    assert {place.name for place in everything.context["places"]} == {"Painted house", "Photographed street"}
    filtered = client.get("/en/archive/map/?medium=pictura")
    assert [place.name for place in filtered.context["places"]] == ["Painted house"]
    page = filtered.content.decode()
    assert "1 work with a place" in page and "46.77" in page and "Every work on the map" in page
    assert "medium=pictura" in client.get("/en/archive/?medium=pictura").content.decode().split(
        "See these works on a map")[0].rsplit("<a", 1)[1]
    assert "No work of this search has a place" in client.get("/en/archive/map/?medium=foto&q=house").content.decode()
    assert client.get("/en/archive/map/?period=abc&page=%C2%B2").status_code == 200


def test_the_map_shows_at_most_its_limit_and_says_so(client):
    for _number in range(3):
        WorkFactory(**CLUJ)
    with translation.override("en"):
        places, more = selectors.works_on_map({}, limit=2)
    assert len(places) == 2 and more
    places, more = selectors.works_on_map({}, limit=3)
    assert len(places) == 3 and not more


def test_map_pages_cost_the_same_queries_with_more_works(client, assert_constant_queries):
    artist = ArtistFactory(slug="ilinca")
    WorkFactory(slug="prima", artist=artist, **CLUJ)
    assert_constant_queries(client, ["/en/archive/map/", "/en/archive/map/?artist=ilinca&q=lucrarea",
                                     "/en/archive/works/prima/"],
                            lambda: [WorkFactory(artist=artist, **CLUJ) for _number in range(3)])


def test_geojson_holds_the_filtered_public_works_with_a_place(client):
    tag = TagFactory(slug="oras")
    placed = WorkFactory(title_ro="Casa", inventory_number="ECCA-1", **CLUJ)
    placed.tags.add(tag)
    WorkFactory(title_ro="Strada", latitude=Decimal("46.5"), longitude=Decimal("23.1"))
    WorkFactory(title_ro="Fără loc")
    WorkFactory(title_ro="Ciornă", status=WorkStatus.DRAFT, **CLUJ)
    response = client.get("/en/archive/works.geojson")
    assert response["Content-Type"].startswith("application/geo+json")
    collection = json.loads(b"".join(response.streaming_content))
    assert collection["type"] == "FeatureCollection"
    assert {feature["properties"]["title_ro"] for feature in collection["features"]} == {"Casa", "Strada"}
    house = next(feature for feature in collection["features"] if feature["properties"]["title_ro"] == "Casa")
    assert house["geometry"] == {"type": "Point", "coordinates": [23.59, 46.77]}  # longitude first (RFC 7946)
    assert "NOTĂ-DE-CONSERVARE" not in json.dumps(collection) and "condition" not in house["properties"]
    filtered = json.loads(b"".join(client.get("/en/archive/works.geojson?tag=oras").streaming_content))
    assert [feature["properties"]["inventory_number"] for feature in filtered["features"]] == ["ECCA-1"]


def test_the_open_data_catalogue_lists_the_works_once_one_is_published():
    WorkFactory(status=WorkStatus.DRAFT)
    with translation.override("en"):
        assert not [entry for entry in registered() if entry.url == "/en/archive/"]
        WorkFactory()
        entry = next(entry for entry in registered() if entry.url == "/en/archive/")
    assert [distribution.file_type for distribution in entry.distributions] == ["CSV", "JSON", "GEOJSON"]
    assert entry.distributions[2].url == "/en/archive/works.geojson"


def test_a_place_needs_both_coordinates_in_range():
    base = {"inventory_number": "X-1", "title_ro": "Titlu", "condition": "unknown"}
    assert WorkForm(data={**base, "latitude": "46,7712", "longitude": "23.6236"}).is_valid()
    with translation.override("en"):
        alone = WorkForm(data={**base, "latitude": "46.7712"})
        assert not alone.is_valid() and "Give the longitude too" in str(alone.errors["longitude"])
        outside = WorkForm(data={**base, "latitude": "146", "longitude": "23"})
        assert not outside.is_valid() and "between -90" in str(outside.errors["latitude"])


def test_staff_save_a_works_place(client, editor):
    work = WorkFactory(with_image=True)
    client.force_login(editor)
    data = {"inventory_number": work.inventory_number, "title_ro": work.title_ro, "title_en": work.title_en,
            "artist": work.artist_id, "year_from": 1999, "medium": work.medium_id, "technique_ro": "ulei",
            "dimensions": "1 × 2", "location": "Depozit", "condition": "good", "latitude": "46.77",
            "longitude": "23.59"}
    assert client.post(f"/en/archive/manage/works/{work.pk}/", data).status_code == 302
    work.refresh_from_db()
    assert (work.latitude, work.longitude) == (CLUJ["latitude"], CLUJ["longitude"])


def test_the_count_stops_at_its_cap(client, monkeypatch):
    for _number in range(4):
        WorkFactory()
    monkeypatch.setattr(views, "COUNT_CAP", 3)
    monkeypatch.setattr(views, "WORKS_PER_PAGE", 2)
    response = client.get("/en/archive/")
    page = response.content.decode()
    assert response.context["page"].paginator.capped and "More than 3 works" in page
    assert "Page 1" in page and "Page 1 of" not in page
    monkeypatch.setattr(views, "COUNT_CAP", 4)
    exact = client.get("/en/archive/")
    assert not exact.context["page"].paginator.capped and "4 works" in exact.content.decode()


def test_unfiltered_facets_are_prepared_once_a_change_commits(client, editor, django_assert_num_queries,
                                                              django_capture_on_commit_callbacks):
    work = WorkFactory(slug="prima", with_image=True)
    client.get("/en/archive/")  # counted and kept
    with django_capture_on_commit_callbacks(execute=True):
        work_save(by=editor, work=work, title_en="Renamed")
    with django_assert_num_queries(3):  # the works, their images and the events: no count, facet or collection
        response = client.get("/en/archive/")
    assert [value.count for value in response.context["facets"][0]["values"]] == [1]
    with django_assert_num_queries(3):
        client.get("/ro/archive/")
    # Prepared already: a second task for the same generation counts nothing.
    assert selectors.prepare_unfiltered_facets() == 0


def test_an_import_of_many_rows_prepares_the_facets_once(editor, django_capture_on_commit_callbacks,
                                                         django_assert_max_num_queries):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            for number in range(5):
                WorkFactory(title_ro=f"Lucrarea {number}")
    assert len(callbacks) >= 5
    assert selectors.prepare_unfiltered_facets() == 0  # already counted after the commit


def test_no_query_string_makes_the_map_or_the_geojson_fail(client):
    from hypothesis import HealthCheck, given
    from hypothesis import settings as settings_
    from hypothesis import strategies as st

    WorkFactory(**CLUJ)
    odd = st.one_of(st.sampled_from(["", "²", "-1", "1990", "9" * 25, "a\x00b", "x" * 300, "%", "ș"]),
                    st.text(max_size=20))

    @settings_(max_examples=30, deadline=None, derandomize=True, database=None,
               suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries({}, optional={name: odd for name in ("q", "artist", "period", "medium",
                                                                      "collection", "tag", "page")}))
    def get(query):
        for path in ("/en/archive/map/", "/en/archive/works.geojson"):
            response = client.get(path, query)
            # A NUL is refused by core's middleware (400) before the view; nothing fails.
            assert response.status_code in (200, 400), (path, query)

    get()
