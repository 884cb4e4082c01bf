"""What search engines and link previews read of a page (core/templatetags/seo.py): a description, Open
Graph and Twitter tags, canonical and hreflang addresses on CIVICA_BASE_URL; and pages sent gzipped to
browsers that accept it."""

import gzip
import io
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from civica.calls.tests.factories import CallFactory
from civica.core.templatetags.seo import DESCRIPTION_CHARS, shorten
from civica.meetings.tests.factories import MeetingFactory
from civica.network.tests.factories import ProgrammeFactory, SpaceFactory
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

BASE = "https://civica.example.org"


class HeadReader(HTMLParser):
    """The ``<meta>`` and ``<link>`` elements of a page: {name or property: [content, …]} and
    [(rel, hreflang, href), …]."""

    def __init__(self):
        super().__init__()
        self.meta, self.links = {}, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta.setdefault(attrs.get("name") or attrs["property"], []).append(attrs.get("content"))
        elif tag == "link":
            self.links.append((attrs.get("rel"), attrs.get("hreflang"), attrs.get("href")))


def head(response):
    assert response.status_code == 200
    reader = HeadReader()
    reader.feed(response.content.decode())
    return reader


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.CIVICA_BASE_URL = BASE


@pytest.mark.django_db
def test_the_home_page_describes_the_site_and_links_its_other_language(client):
    page = head(client.get("/ro/"))
    assert page.meta["description"] == page.meta["og:description"]
    assert "Centrului Cultural Clujean" in page.meta["description"][0]
    assert page.meta["og:title"] == ["Acasă"]
    assert page.meta["og:site_name"] == ["Civica"]
    assert page.meta["og:type"] == ["website"]
    assert page.meta["og:url"] == [f"{BASE}/ro/"]
    assert page.meta["og:image"] == [f"{BASE}/static/img/og-card.png"]
    assert page.meta["og:image:width"] == ["1200"] and page.meta["og:image:height"] == ["630"]
    assert page.meta["og:locale"] == ["ro_RO"] and page.meta["og:locale:alternate"] == ["en_GB"]
    assert page.meta["twitter:card"] == ["summary_large_image"]
    assert ("canonical", None, f"{BASE}/ro/") in page.links
    assert ("alternate", "ro", f"{BASE}/ro/") in page.links
    assert ("alternate", "en", f"{BASE}/en/") in page.links
    assert ("alternate", "x-default", f"{BASE}/ro/") in page.links


@pytest.mark.django_db
def test_the_site_card_is_a_1200_by_630_png():
    from django.contrib.staticfiles import finders

    with Image.open(finders.find("img/og-card.png")) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))


@pytest.mark.django_db
def test_a_consultation_is_described_by_its_summary_as_plain_text_cut_near_160_characters(client):
    summary = "*Parcul* de lângă râu: " + "bănci, copaci și lumină pentru toată lumea " * 10
    process = ProcessFactory(
        title_ro='Parcul "Râului" & <cartierul>', summary_ro=summary, summary_en="The **riverside** park."
    )
    page = head(client.get(f"/ro/processes/{process.slug}/"))
    description = page.meta["description"][0]
    assert description.startswith("Parcul de lângă râu: bănci")
    assert "*" not in description
    assert len(description) <= DESCRIPTION_CHARS and description.endswith("…")
    assert page.meta["og:title"] == ['Parcul "Râului" & <cartierul>']  # escaped once, read back as written
    assert page.meta["og:url"] == [f"{BASE}/ro/processes/{process.slug}/"]
    assert ("alternate", "en", f"{BASE}/en/processes/{process.slug}/") in page.links

    english = head(client.get(f"/en/processes/{process.slug}/"))
    assert english.meta["description"] == ["The riverside park."]
    assert english.meta["og:locale"] == ["en_GB"] and english.meta["og:locale:alternate"] == ["ro_RO"]
    assert ("canonical", None, f"{BASE}/en/processes/{process.slug}/") in english.links


def _png(width, height) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 90)).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="river.png")


@pytest.mark.django_db
def test_a_page_with_an_image_shows_its_largest_rendition_in_previews(client):
    process = ProcessFactory(hero_image=_png(2000, 1000), hero_image_alt="Malul râului")
    page = head(client.get(f"/ro/processes/{process.slug}/"))
    (image,) = page.meta["og:image"]
    assert image.startswith(f"{BASE}/media/processes/") and image.endswith("-1600.webp")
    assert page.meta["og:image:width"] == ["1600"] and page.meta["og:image:height"] == ["800"]
    assert page.meta["og:image:alt"] == ["Malul râului"]


@pytest.mark.django_db
def test_pages_of_each_kind_describe_themselves(client):
    process = ProcessFactory(summary_ro="Despre consultare.")
    idea = IdeaFactory(process=process, body="O _idee_ bună.")
    pages = {
        f"/ro/processes/{process.slug}/ideas/{idea.pk}/": "O idee bună.",
        f"/ro/calls/{CallFactory(summary_ro='Despre apel.').slug}/": "Despre apel.",
        f"/ro/meetings/{MeetingFactory(description_ro='Despre întâlnire.').slug}/": "Despre întâlnire.",
        f"/ro/network/spaces/{SpaceFactory(description_ro='Despre spațiu.').slug}/": "Despre spațiu.",
        f"/ro/network/programmes/{ProgrammeFactory(summary_ro='Despre program.').slug}/": "Despre program.",
        "/ro/processes/": "Consultările publice",
        "/ro/meetings/": "Întâlnirile",
        "/ro/calls/": "Apelurile",
        "/ro/plans/": "Planurile anuale",
        "/ro/network/spaces/": "Spații",
    }
    for path, expected in pages.items():
        page = head(client.get(path))
        assert page.meta["description"][0].startswith(expected), path
        assert page.meta["og:url"] == [BASE + path], path


def test_a_description_is_cut_at_a_word():
    assert shorten("unu doi trei", 8) == "unu doi…"
    assert shorten("unu doi", 8) == "unu doi"


@pytest.mark.django_db
def test_pages_are_gzipped_for_browsers_that_accept_it(client):
    response = client.get("/ro/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"<!DOCTYPE html>" in gzip.decompress(response.content)

    plain = client.get("/ro/")
    assert not plain.has_header("Content-Encoding")
    assert plain.content.startswith(b"<!DOCTYPE html>")


@pytest.mark.django_db
def test_robots_txt_lets_crawlers_read_the_public_pages(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    rules = [line for line in response.content.decode().splitlines() if line.startswith("Disallow:")]
    assert "Disallow: /ro/admin/" in rules
    assert not any(line.strip() in {"Disallow: /", "Disallow: /ro/", "Disallow: /en/"} for line in rules)
