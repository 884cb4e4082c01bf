"""The public archive: the catalogue's facets and accent-insensitive search, bad query strings (a filter not
applied, never an error), a work's page (JSON-LD, only the images whose licence allows it with their credit
line, never the conservation notes), the artist, collection and event pages, the downloads, the site
search, and query counts that do not grow with the number of works."""

import csv
import io
import json

import pytest
from django.utils import translation

from civica.archive.models import Event, Licence, WorkStatus
from civica.archive.tests.factories import (
    ArtistFactory,
    CollectionFactory,
    MediumFactory,
    TagFactory,
    WorkFactory,
    image_for,
)
from civica.search import query

pytestmark = pytest.mark.django_db


def titles(response):
    return {work.title_ro for work in response.context["works"]}


def test_facets_narrow_and_count(client):
    painter, photographer = ArtistFactory(slug="ilinca", name="Ilinca Varga"), ArtistFactory(slug="serban")
    painting, photo = MediumFactory(slug="pictura"), MediumFactory(slug="foto")
    city = TagFactory(slug="oras")
    first = WorkFactory(title_ro="Casa", artist=painter, medium=painting, year_from=2006)
    first.tags.add(city)
    WorkFactory(title_ro="Autoportret", artist=painter, medium=painting, year_from=2011)
    WorkFactory(title_ro="Strada", artist=photographer, medium=photo, year_from=2009)
    WorkFactory(title_ro="Ciorna", artist=painter, status=WorkStatus.DRAFT)
    collection = CollectionFactory(slug="prima")
    collection.works.add(first)
    response = client.get("/en/archive/")
    assert titles(response) == {"Casa", "Autoportret", "Strada"}
    facets = {facet["name"]: {value.value: value.count for value in facet["values"]}
              for facet in response.context["facets"]}
    assert facets["artist"] == {"ilinca": 2, "serban": 1}
    assert facets["period"] == {"2000": 2, "2010": 1}
    assert facets["collection"] == {"prima": 1} and facets["tag"] == {"oras": 1}
    assert titles(client.get("/en/archive/?artist=ilinca")) == {"Casa", "Autoportret"}
    assert titles(client.get("/en/archive/?period=2000")) == {"Casa", "Strada"}
    assert titles(client.get("/en/archive/?medium=foto")) == {"Strada"}
    assert titles(client.get("/en/archive/?collection=prima")) == {"Casa"}
    assert titles(client.get("/en/archive/?tag=oras&artist=ilinca&period=2000")) == {"Casa"}
    # A chosen facet still offers its alternatives, counted with the other choices.
    chosen = client.get("/en/archive/?artist=ilinca&period=2010")
    artist_values = next(facet["values"] for facet in chosen.context["facets"] if facet["name"] == "artist")
    assert {(value.value, value.count, value.chosen) for value in artist_values} == {("ilinca", 1, True)}


def test_search_ignores_accents_and_case(client):
    WorkFactory(title_ro="Strada Memorandumului, noaptea", artist=ArtistFactory(name="Șerban Moldovan"))
    WorkFactory(title_ro="Altceva")
    assert titles(client.get("/ro/archive/?q=serban")) == {"Strada Memorandumului, noaptea"}
    assert titles(client.get("/ro/archive/?q=ȘERBAN+noaptea")) == {"Strada Memorandumului, noaptea"}
    assert titles(client.get("/ro/archive/?q=SERBÁN+nimic")) == set()
    artist = ArtistFactory._meta.model.objects.get(name="Șerban Moldovan")
    artist.name = "Ștefan Pop"  # renamed in the admin: found by the new name only
    artist.save()
    assert titles(client.get("/ro/archive/?q=stefan")) == {"Strada Memorandumului, noaptea"}
    assert titles(client.get("/ro/archive/?q=serban")) == set()


@pytest.mark.parametrize("query_string", ["artist=%C2%B2", "period=abc", "period=1995", "period=99999999999999999",
                                          "medium=" + "x" * 300, "tag=missing", "page=-1", "page=²", "q=" + "a" * 500,
                                          "collection=%00"])
def test_bad_query_strings_are_not_errors(client, query_string):
    WorkFactory(title_ro="Singura")
    response = client.get(f"/en/archive/?{query_string}")
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert titles(response) <= {"Singura"}


def test_work_page_shows_only_allowed_images_with_credit_and_jsonld(client):
    work = WorkFactory(title_ro="Casa", title_en="House", dimensions="80 × 100")
    shown = image_for(work, licence=Licence.CC_BY)
    hidden = image_for(work, licence=Licence.STAFF_ONLY)
    page = client.get(f"/en/archive/works/{work.slug}/").content.decode()
    assert shown.image.name.rsplit(".", 1)[0] in page and not hidden.image
    assert "© Deținătorul" in page and 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in page
    assert "NOTĂ-DE-CONSERVARE-SECRETĂ" not in page
    start = page.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    data = json.loads(page[start:page.index("</script>", start)])
    assert data["@type"] == "VisualArtwork" and data["name"] == "House"
    assert data["creator"]["name"] == work.artist.name and data["identifier"] == work.inventory_number
    assert [image["license"] for image in data["image"]] == ["https://creativecommons.org/licenses/by/4.0/"]


def test_a_draft_has_no_page_and_a_script_in_a_title_stays_text(client):
    draft = WorkFactory(status=WorkStatus.DRAFT)
    assert client.get(f"/en/archive/works/{draft.slug}/").status_code == 404
    work = WorkFactory(title_en="</script><script>alert(1)</script>")
    page = client.get(f"/en/archive/works/{work.slug}/").content.decode()
    assert "<script>alert(1)" not in page and "\\u003C/script\\u003E" in page


def test_artist_collection_and_event_pages(client):
    work = WorkFactory(title_ro="Casa", title_en="House")
    collection = CollectionFactory(slug="prima", title_en="The first")
    collection.works.add(work)
    event = Event.objects.create(slug="simpozion", title_ro="Simpozionul", starts_on="2021-10-22", is_published=True)
    event.works.add(work)
    assert "House" in client.get(f"/en/archive/artists/{work.artist.slug}/").content.decode()
    assert "House" in client.get("/en/archive/collections/prima/").content.decode()
    assert "Casa" in client.get("/ro/archive/events/simpozion/").content.decode()
    Event.objects.filter(pk=event.pk).update(is_published=False)
    assert client.get("/en/archive/events/simpozion/").status_code == 404
    assert client.get(f"/en/archive/artists/{ArtistFactory().slug}/").status_code == 404  # no published work


def test_downloads_hold_the_filtered_public_fields(client):
    WorkFactory(title_ro="=HYPERLINK(1)", artist=ArtistFactory(slug="ilinca"))
    WorkFactory(title_ro="Alta")
    WorkFactory(title_ro="Ciorna", status=WorkStatus.DRAFT)
    response = client.get("/ro/archive/works.csv?artist=ilinca")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row["title_ro"] for row in rows] == ["'=HYPERLINK(1)"]
    assert "conservation_notes" not in rows[0]
    data = json.loads(b"".join(client.get("/ro/archive/works.json").streaming_content))
    assert sorted(work["title_ro"] for work in data["works"]) == ["=HYPERLINK(1)", "Alta"]


def test_the_site_search_finds_published_works_and_their_artists():
    WorkFactory(title_ro="Blocuri în ceață", artist=ArtistFactory(name="Șerban Moldovan"))
    WorkFactory(title_ro="Blocuri ascunse", status=WorkStatus.DRAFT)
    with translation.override("ro"):
        results = query.search(query="blocuri", user=None)
        assert [result.title for result in results if result.kind == "artwork"] == ["Blocuri în ceață"]
        assert [result.title for result in query.search(query="moldovan", user=None)
                if result.kind == "artist"] == ["Șerban Moldovan"]


def test_facet_counts_are_kept_until_a_change(client, django_assert_num_queries):
    painter = ArtistFactory(slug="ilinca")
    WorkFactory(artist=painter)
    client.get("/en/archive/?artist=ilinca")
    with django_assert_num_queries(3):  # the works, their images and the events: no count, facet or collection
        response = client.get("/en/archive/?artist=ilinca")
    assert [value.count for value in response.context["facets"][0]["values"]] == [1]
    WorkFactory(artist=painter)  # a new work: the kept counts are stale
    response = client.get("/en/archive/?artist=ilinca")
    assert [value.count for value in response.context["facets"][0]["values"]] == [2]
    TagFactory(slug="nou").works.add(*painter.works.all())  # tags added: stale again
    tags = client.get("/en/archive/?artist=ilinca").context["facets"][4]["values"]
    assert [(value.value, value.count) for value in tags] == [("nou", 2)]


def test_query_counts_stay_the_same(client, assert_constant_queries, settings):
    settings.CIVICA_ARCHIVE_FACETS_SECONDS = 0  # every facet counted, as after any change
    artist, collection = ArtistFactory(slug="ilinca"), CollectionFactory(slug="prima")

    def add():
        work = WorkFactory(artist=artist)
        work.tags.add(TagFactory())
        image_for(work)
        collection.works.add(work)
        Event.objects.get_or_create(slug="e", defaults={"title_ro": "E", "starts_on": "2021-10-22",
                                                        "is_published": True})[0].works.add(work)

    add()
    first = WorkFactory(slug="prima-lucrare", artist=artist)
    image_for(first)
    collection.works.add(first)
    assert_constant_queries(client, ["/en/archive/", "/en/archive/?artist=ilinca&q=lucrarea",
                                     "/en/archive/works/prima-lucrare/", "/en/archive/artists/ilinca/",
                                     "/en/archive/collections/prima/", "/en/archive/events/e/"],
                            lambda: [add() for _ in range(3)])
