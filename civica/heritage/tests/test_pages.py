"""The inventory's public pages as a visitor sees them: the localities with their map's list (coordinates),
a locality's sheet, an object's and a site's page with their schema.org JSON-LD, fictional records marked,
nothing unpublished or waiting shown to the public; the query counts stay the same with more rows; the
open-data downloads (CSV, JSON, GeoJSON) and their catalogue entry; the site search finds the inventory;
the panel's QR code and PDF lead to the site's page."""

import json

import pytest
import segno  # noqa: F401 - the QR code library the panels use
from django.utils import translation

from civica.core import open_data
from civica.core.image_rights import Licence
from civica.heritage import panels
from civica.heritage.models import ObjectKind
from civica.heritage.tests.factories import (
    CraftspersonFactory,
    HeritageObjectFactory,
    LocalityFactory,
    SiteFactory,
    photo_for,
)

pytestmark = pytest.mark.django_db


def jsonld_of(page: str) -> dict:
    start = page.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    return json.loads(page[start:page.index("</script>", start)])


def test_the_list_shows_published_localities_with_coordinates(client):
    shown = LocalityFactory(name="Valea Verde", is_fictional=True)
    HeritageObjectFactory(locality=shown)
    HeritageObjectFactory(locality=shown, review_state="waiting", is_hidden=True)
    LocalityFactory(name="Ascunsă", is_published=False)
    page = client.get("/en/heritage/").content.decode()
    assert "Valea Verde" in page and "Ascunsă" not in page
    assert "1 heritage object" in page and "Fictional (demo)" in page
    assert "46.7" in page and "23.5" in page  # the map's list: the coordinates, with or without tiles


def test_a_locality_sheet(client):
    locality = LocalityFactory(name="Dealu Mare", history_en="Founded long ago.", contacts="Town hall: 0264 1")
    monument = HeritageObjectFactory(locality=locality, kind=ObjectKind.MONUMENT, lmi_code="CJ-II-m-A-07232",
                                     name_en="The old church")
    HeritageObjectFactory(locality=locality, name_en="Waiting proposal", review_state="waiting", is_hidden=True)
    CraftspersonFactory(locality=locality, name="Ion Listat", consent_at="2021-05-01T10:00Z")
    CraftspersonFactory(locality=locality, name="Ion Nelistat")
    SiteFactory(locality=locality, name_en="The church hill")
    photo_for(locality, alt_en="The village from the hill")
    photo_for(locality, licence=Licence.STAFF_ONLY, alt_en="Staff only photo")
    page = client.get(f"/en/heritage/localities/{locality.slug}/").content.decode()
    assert "Dealu Mare" in page and "Founded long ago." in page and "Town hall: 0264 1" in page
    assert "The old church" in page and "CJ-II-m-A-07232" in page and "Waiting proposal" not in page
    assert "Ion Listat" in page and "Ion Nelistat" not in page
    assert "The church hill" in page
    assert "The village from the hill" in page and "Staff only photo" not in page
    data = jsonld_of(page)
    assert data["@type"] == "Place" and data["geo"]["latitude"] == 46.7 and data["address"]["addressRegion"] == "Cluj"
    assert monument.get_absolute_url() in page


def test_an_object_page_and_its_jsonld(client):
    monument = HeritageObjectFactory(kind=ObjectKind.MONUMENT, lmi_code="CJ-II-m-A-07232", name_en="The church",
                                     is_fictional=True)
    page = client.get(f"/en/heritage/objects/{monument.slug}/").content.decode()
    assert "The church" in page and "Fictional record, invented for the demonstration." in page
    data = jsonld_of(page)
    assert data["@type"] == "LandmarksOrHistoricalBuildings"
    assert data["identifier"] == {"@type": "PropertyValue", "propertyID": "LMI", "value": "CJ-II-m-A-07232"}


def test_hidden_things_are_not_found(client):
    waiting = HeritageObjectFactory(review_state="waiting", is_hidden=True)
    draft_site = SiteFactory(is_published=False)
    in_draft_locality = HeritageObjectFactory(locality=LocalityFactory(is_published=False))
    for url in [f"/en/heritage/objects/{waiting.slug}/", f"/en/heritage/sites/{draft_site.slug}/",
                f"/en/heritage/objects/{in_draft_locality.slug}/", "/en/heritage/localities/nope/",
                f"/en/heritage/sites/{draft_site.slug}/panel.pdf", "/en/heritage/people/99999/"]:
        assert client.get(url).status_code == 404, url


def test_a_site_page_with_its_panel(client):
    site = SiteFactory(name_en="The mills", panel_text_en="Three mills on one channel.")
    page = client.get(f"/en/heritage/sites/{site.slug}/").content.decode()
    assert "The mills" in page and "Three mills on one channel." in page
    assert jsonld_of(page)["@type"] == "TouristAttraction"
    assert f"/en/heritage/sites/{site.slug}/panel.pdf" in page
    qr = client.get(f"/en/heritage/sites/{site.slug}/qr.svg")
    assert qr.status_code == 200 and qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content


def test_the_qr_code_leads_to_the_site_page_and_the_pdf_prints(client, settings):
    site = SiteFactory(slug="morile", name_ro="Morile", panel_text_ro="Trei mori.")
    assert panels.site_url(site) == settings.CIVICA_BASE_URL + "/ro/heritage/sites/morile/"
    html = panels.panel_html(site)
    assert "Trei mori." in html and panels.site_url(site) in html and "data:image/svg+xml;base64," in html
    response = client.get("/ro/heritage/sites/morile/panel.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_query_counts_do_not_grow_with_rows(client, assert_constant_queries):
    locality = LocalityFactory(slug="fixa")
    heritage_object = HeritageObjectFactory(locality=locality, slug="obiect-fix")
    site = SiteFactory(locality=locality, slug="loc-fix", heritage_object=heritage_object)
    photo_for(locality)

    def grow():
        for _number in range(4):
            other = LocalityFactory()
            HeritageObjectFactory(locality=other)
            HeritageObjectFactory(locality=locality)
            CraftspersonFactory(locality=locality, consent_at="2021-05-01T10:00Z")
            SiteFactory(locality=locality)
            photo_for(locality)
            photo_for(locality, heritage_object=heritage_object)
            photo_for(locality, site=site)

    assert_constant_queries(client, ["/en/heritage/", "/en/heritage/localities/fixa/",
                                     "/en/heritage/objects/obiect-fix/", "/en/heritage/sites/loc-fix/"], grow)


def test_downloads_and_catalogue_entry(client):
    locality = LocalityFactory(name="Satu Nou")
    HeritageObjectFactory(locality=locality, name_ro="=HYPERLINK(1)", latitude="46.1", longitude="23.2")
    HeritageObjectFactory(locality=locality, name_ro="Fără loc propriu")
    HeritageObjectFactory(locality=locality, name_ro="Ascuns", review_state="waiting", is_hidden=True)
    csv_text = b"".join(client.get("/en/heritage/objects.csv").streaming_content).decode()
    assert "'=HYPERLINK(1)" in csv_text and "Ascuns" not in csv_text and "Satu Nou" in csv_text
    data = json.loads(b"".join(client.get("/en/heritage/objects.json").streaming_content))
    assert len(data["objects"]) == 2
    geo = json.loads(b"".join(client.get("/en/heritage/objects.geojson").streaming_content))
    points = {feature["properties"]["name_ro"]: feature["geometry"]["coordinates"] for feature in geo["features"]}
    assert points == {"=HYPERLINK(1)": [23.2, 46.1], "Fără loc propriu": [23.5, 46.7]}  # the locality's place
    with translation.override("en"):
        entries = [entry for entry in open_data.registered() if entry.url.startswith("/en/heritage/")]
    assert len(entries) == 1 and {dist.file_type for dist in entries[0].distributions} == {"CSV", "JSON", "GEOJSON"}


def test_the_site_search_finds_the_inventory(client):
    LocalityFactory(name="Măgura Zbârcită", remarkable_ro="Pietre albe.")
    HeritageObjectFactory(name_ro="Moara lui Pârvu", name_en="")
    HeritageObjectFactory(name_ro="Moara ascunsă", name_en="", review_state="waiting", is_hidden=True)
    page = client.get("/en/search/?q=moara").content.decode()
    assert "Moara lui Pârvu" in page and "Moara ascunsă" not in page
    assert "Măgura Zbârcită" in client.get("/en/search/?q=magura").content.decode()
