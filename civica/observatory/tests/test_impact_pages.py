"""The impact platform's pages: a representative sees their organisation's figures beside their category's
median and quartiles, downloads the report (HTML, PDF), and never sees another organisation's figures."""

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.network.models import Category, Representation
from civica.network.tests.factories import OrganisationFactory, member_representative
from civica.observatory.tests.factories import IndicatorFactory, OrganisationValueFactory

# Six theatres (one category) with values a thousand apart, so each is recognisable on a page; a
# university alone in its category, with a value no theatre has.
THEATRE_VALUES = {2020: [1100, 2200, 3300, 4400, 5500, 6600], 2021: [1150, 2250, 3350, 4450, 5550, 6650]}
LONELY_VALUE = 98765


@pytest.fixture
def sector(db, settings):
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    settings.CIVICA_OBSERVATORY_MIN_FOR_MEDIAN = 3
    settings.CIVICA_OBSERVATORY_MIN_FOR_QUARTILES = 5
    indicator = IndicatorFactory(code="own-audience", name_en="Audience", name_ro="Spectatori")
    theatres = [OrganisationFactory(name=f"Theatre {letter}", slug=f"theatre-{letter.lower()}",
                                    category=Category.CULTURAL_INSTITUTION) for letter in "ABCDEF"]
    for year, values in THEATRE_VALUES.items():
        for theatre, value in zip(theatres, values, strict=True):
            OrganisationValueFactory(indicator=indicator, organisation=theatre, year=year, value=Decimal(value))
    university = OrganisationFactory(name="Lonely University", slug="lonely-university", category=Category.UNIVERSITY)
    OrganisationValueFactory(indicator=indicator, organisation=university, year=2021, value=Decimal(LONELY_VALUE))
    return {"indicator": indicator, "theatres": theatres, "university": university}


def others_figures(theatre_index):
    return [f"{value:,}" for values in THEATRE_VALUES.values()
            for index, value in enumerate(values) if index != theatre_index]


@pytest.mark.django_db
def test_a_representative_sees_their_figures_beside_the_sectors(client, sector):
    client.force_login(member_representative(sector["theatres"][0]))
    response = client.get("/en/observatory/impact/")
    assert response.status_code == 302 and response["Location"] == "/en/observatory/impact/theatre-a/"
    page = client.get("/en/observatory/impact/theatre-a/").content.decode()
    assert "Cultural impact of Theatre A" in page and "Audience" in page
    assert "1,100" in page and "1,150" in page  # their own values, 2020 and 2021
    # 2020: 1,100 … 6,600: median 3,850, quartiles (exclusive) 1,925 and 5,775.
    assert "3,850" in page and "1,925" in page and "5,775" in page
    assert 'role="img"' in page and "<title" in page
    for name in ("Theatre B", "Theatre C", "Lonely University"):
        assert name not in page
    # No other organisation's own value is on the page (the quartiles fall between values).
    for figure in others_figures(0):
        assert figure not in page


@pytest.mark.django_db
def test_the_sectors_figures_of_too_few_organisations_are_withheld_and_say_why(client, sector):
    client.force_login(member_representative(sector["university"]))
    page = client.get("/en/observatory/impact/lonely-university/").content.decode()
    assert "98,765" in page
    assert "Withheld: the sector's figures need at least 3 organisations of your category." in page
    romanian = client.get("/ro/observatory/impact/lonely-university/").content.decode()
    assert "98.765" in romanian


@pytest.mark.django_db
def test_quartiles_need_more_organisations_than_the_median(client, sector, settings):
    settings.CIVICA_OBSERVATORY_MIN_FOR_QUARTILES = 7
    client.force_login(member_representative(sector["theatres"][0]))
    page = client.get("/en/observatory/impact/theatre-a/").content.decode()
    assert "3,850" in page and "1,925" not in page
    assert "Withheld: quartiles need at least 7 organisations." in page


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["", "report/", "report/?download=1", "report.pdf"])
def test_a_representative_of_one_organisation_never_gets_anothers_pages(client, sector, suffix):
    client.force_login(member_representative(sector["theatres"][0]))
    for slug in ("theatre-b", "lonely-university", "no-such-organisation"):
        assert client.get(f"/en/observatory/impact/{slug}/{suffix}").status_code == 404
    assert client.get(f"/en/observatory/impact/theatre-a/{suffix}").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["", "report/", "report.pdf"])
def test_visitors_are_sent_to_log_in(client, sector, suffix):
    response = client.get(f"/en/observatory/impact/theatre-a/{suffix}")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_someone_representing_several_organisations_picks_one(client, sector):
    person = member_representative(sector["theatres"][0])
    Representation.objects.create(user=person, organisation=sector["theatres"][1])
    client.force_login(person)
    page = client.get("/en/observatory/impact/").content.decode()
    assert "Theatre A" in page and "Theatre B" in page and "Theatre C" not in page
    assert client.get("/en/observatory/impact/theatre-b/").status_code == 200


@pytest.mark.django_db
def test_someone_representing_nothing_is_told_so(client, sector):
    client.force_login(UserFactory())
    page = client.get("/en/observatory/impact/").content.decode()
    assert "You do not represent any organisation" in page and "Theatre A" not in page


@pytest.mark.django_db
def test_an_analyst_may_open_any_organisations_page(client, sector):
    client.force_login(UserFactory(role=Role.ANALYST))
    index = client.get("/en/observatory/impact/").content.decode()
    assert "Theatre A" in index and "Lonely University" in index
    assert "98,765" in client.get("/en/observatory/impact/lonely-university/").content.decode()


@pytest.mark.django_db
def test_the_report_as_html_and_pdf_names_only_its_organisation(client, sector):
    client.force_login(member_representative(sector["theatres"][2]))
    html = client.get("/en/observatory/impact/theatre-c/report/?download=1")
    assert html["Content-Disposition"] == 'attachment; filename="impact-theatre-c.html"'
    document = html.content.decode()
    assert "Cultural impact of Theatre C" in document and "3,300" in document
    assert "Theatre A" not in document and "Lonely University" not in document
    response = client.get("/en/observatory/impact/theatre-c/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.getvalue()
    assert pdf.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Theatre C" in text and "3,300" in text and "3,850" in text
    for name in ("Theatre A", "Theatre B", "Theatre D", "Lonely University"):
        assert name not in text
    for figure in others_figures(2):
        assert figure not in text


@pytest.mark.django_db
def test_the_impact_pages_cost_the_same_queries_with_more_rows(client, sector, assert_constant_queries):
    theatre = sector["theatres"][0]
    client.force_login(member_representative(theatre))
    analyst = UserFactory(role=Role.ANALYST)

    def grow():
        for number in range(4):
            indicator = IndicatorFactory()
            for year in (2019, 2020, 2021, 2022):
                for index, organisation in enumerate([*sector["theatres"], *OrganisationFactory.create_batch(2)]):
                    OrganisationValueFactory(indicator=indicator, organisation=organisation, year=year,
                                             value=Decimal(number * 100 + index))

    from django.test import Client

    other = Client()
    other.force_login(analyst)
    counts = assert_constant_queries(client, ["/en/observatory/impact/theatre-a/",
                                              "/en/observatory/impact/theatre-a/report/",
                                              (other, "/en/observatory/impact/"),
                                              (other, "/en/observatory/impact/theatre-a/")], grow)
    assert max(counts) <= 12, counts


def test_the_chart_is_an_image_with_its_figures_in_words():
    from django.utils import translation

    from civica.observatory.impact import sector as sector_figures
    from civica.observatory.impact.chart import impact_chart
    from civica.observatory.impact.selectors import IndicatorImpact, YearRow
    from civica.observatory.models import Indicator

    indicator = Indicator(pk=7, code="own-7", name_ro="Spectatori", name_en="Audience", decimals=0)
    rows = [YearRow(2020, Decimal(1200), "final", sector_figures.SectorFigures(2, reason="too_few_for_median")),
            YearRow(2021, Decimal(1500), "final", sector_figures.SectorFigures(
                6, median=Decimal(1000), lower_quartile=Decimal(800), upper_quartile=Decimal(2000)))]
    with translation.override("en"):
        svg = str(impact_chart(IndicatorImpact(indicator, rows)))
    assert svg.startswith("<svg") and 'role="img"' in svg and "<script" not in svg and "<style" not in svg
    assert "<title" in svg and "Audience: your organisation beside the median and quartiles" in svg
    assert "2020: Your organisation: 1,200 · sector figures withheld" in svg
    assert "Your organisation: 1,500 · median 1,000 · quartiles 800–2,000" in svg
    with translation.override("ro"):
        assert "1.500" in str(impact_chart(IndicatorImpact(indicator, rows)))
