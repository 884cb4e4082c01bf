"""The generated 2021 plan document from the demo data (the seed's figures, computed from lines)."""

import io

import pytest
from pypdf import PdfReader

from civica.network.demo import PROGRAMMES

# The demo is loaded once for the module's tests (conftest.demo_for_module), on one worker.
pytestmark = pytest.mark.xdist_group("demo:accountability:test_demo_document")


@pytest.fixture
def demo(demo_for_module, db):
    """The demo's data; what a test changes is rolled back after it."""


@pytest.mark.django_db
def test_the_2021_budget_totals_come_from_the_lines(client, demo):
    page = client.get("/ro/plans/2021/").content.decode()
    for figure in ("11.155.779,75", "11.151.585,90", "4.193,85"):
        assert figure in page


@pytest.mark.django_db
def test_the_pdf_contains_every_programme_and_the_three_totals(client, demo):
    response = client.get("/ro/plans/2021/document.pdf")
    reader = PdfReader(io.BytesIO(response.getvalue()))
    text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
    for _slug, name_ro, *_rest in PROGRAMMES:
        assert name_ro.upper() in text.upper(), name_ro
    for figure in ("11.155.779,75", "11.151.585,90", "4.193,85"):
        assert figure in text
    assert "CE NE-AM PROPUS ȘI CE AM REALIZAT ÎN 2020" in text
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert any("BUGET 2021" in title for title in titles)


@pytest.mark.django_db
def test_the_english_document(client, demo):
    html = client.get("/en/plans/2021/document/").content.decode()
    assert "WHAT WE PLANNED AND WHAT WE ACHIEVED IN 2020" in html and "11,155,779.75" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language, mark", [("ro", "ilustrativ"), ("en", "illustrative")])
def test_illustrative_kpi_actuals_keep_their_mark_in_the_pdf(client, demo, language, mark):
    from civica.accountability.models import Plan
    from civica.accountability.selectors import indicators_with_values

    indicators = indicators_with_values(Plan.objects.get(year=2021))
    marked = [i for i in indicators if i.latest and i.latest.illustrative]
    assert marked  # the demo's 2021 actuals are invented, and flagged so
    assert mark in client.get(f"/{language}/plans/2021/").content.decode()
    response = client.get(f"/{language}/plans/2021/document.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.getvalue())).pages)
    assert text.count(mark) >= len(marked)
    html = client.get(f"/{language}/plans/2021/document/").content.decode()
    assert html.count(f", {mark})") >= len(marked)
