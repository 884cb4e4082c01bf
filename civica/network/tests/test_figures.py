"""The centre's figures (117 members, 35 schools, …) are dated, sourced rows, not numbers in templates."""

import re
from pathlib import Path

import pytest

from civica.network.models import Figure, Organisation, Relationship

BASE_DIR = Path(__file__).resolve().parents[3]


# The demo is loaded once for the module's tests (conftest.demo_for_module), on one worker.
pytestmark = pytest.mark.xdist_group("demo:network:test_figures")


@pytest.fixture
def demo(demo_for_module, db):
    """The demo's data; what a test changes is rolled back after it."""


def _figures_section(page: str) -> str:
    return page[page.index('class="figures"'):page.index("</ul>", page.index('class="figures"'))]


@pytest.mark.django_db
def test_the_home_page_shows_the_seed_figures_with_their_source(client, demo):
    figures = _figures_section(client.get("/ro/").content.decode())
    for value, label in [("117", "organizații membre"), ("35", "școli în Comunitatea Școlilor"),
                         ("12", "localități în rețeaua România Remarcabilă"),
                         ("40", "orașe europene în rețeaua Culture Next"),
                         ("60+", "parteneri naționali și internaționali"),
                         ("40+", "dezbateri publice la CIIC din 2017")]:
        assert re.search(rf"<strong>{re.escape(value)}</strong> <span>{label}</span>", figures), label
    assert "sursa: pagina „Despre” a Centrului Cultural Clujean, fără dată" in figures
    assert "sursa: pagina Centrului de Inovare și Imaginație Civică, fără dată" in figures
    english = _figures_section(client.get("/en/").content.decode())
    assert "<strong>117</strong> <span>member organisations</span>" in english
    assert "source: the Cluj Cultural Centre&#x27;s About page, no date given" in english


@pytest.mark.django_db
def test_a_changed_row_changes_the_pages(client, demo):
    Figure.objects.filter(key="members").update(value=118, year=2021, source_url="https://example.org/about")
    Figure.objects.filter(key="schools").delete()
    for path in ("/ro/", "/ro/network/organisations/"):
        page = client.get(path).content.decode()
        assert "<strong>118</strong> <span>organizații membre</span>" in page, path
        assert '(2021, sursa: <a href="https://example.org/about">pagina „Despre” a Centrului Cultural Clujean</a>)' \
            in page, path
        # The old figure as a figure: "117" alone may be part of a random image file name.
        assert "<strong>117</strong>" not in page and "școli în Comunitatea Școlilor" not in page, path


@pytest.mark.django_db
def test_the_directory_says_how_many_of_the_members_and_partners_it_lists(client, demo):
    members = Organisation.objects.filter(relationship=Relationship.MEMBER).count()
    partners = Organisation.objects.filter(relationship=Relationship.PARTNER).count()
    page = client.get("/en/network/organisations/").content.decode()
    assert "<strong>117</strong> <span>member organisations</span>" in page
    assert f"· {members} of them are listed here: the others are not entered yet." in page
    assert "<strong>60+</strong> <span>national and international partners</span>" in page
    assert f"· {partners} of them are listed here: the others are not entered yet." in page
    page = client.get("/en/network/organisations/?category=university").content.decode()
    # the whole directory, whatever the filter
    assert f"· {members} of them are listed here: the others are not entered yet." in page


def _visible_text(template: str) -> str:
    """A template's text as a reader meets it: without variables, comments, HTML tags and tags other than
    the translated strings (whose text is kept)."""
    template = re.sub(r"\{\{.*?\}\}|\{#.*?#\}", " ", template, flags=re.S)
    template = re.sub(r"\{%\s*(?!translate|blocktranslate|plural)[^%]*%\}", " ", template)
    return re.sub(r"<[^>]*>", " ", template)


def test_no_template_holds_a_figure_of_the_network():
    figures = {"117", "35", "12", "40", "60"}
    offending = []
    for path in sorted((BASE_DIR / "civica").glob("*/templates/**/*.html")):
        text = _visible_text(path.read_text(encoding="utf-8"))
        for number in re.findall(r"(?<![\w.,:/-])(\d+)\+?(?![\w.,:/-])", text):
            if number in figures:
                offending.append(f"{path.relative_to(BASE_DIR)}: {number}")
    assert not offending
