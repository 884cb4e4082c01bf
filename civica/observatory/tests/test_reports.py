"""The diagnosis report: analysts write it and its sections, publish and withdraw it (through the
declared status table, recorded in the audit log); its page shows each section's narrative (sanitised
Markdown) with its indicators' charts and tables; its PDF has the tables; bad input keeps what was typed."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.audit.models import AuditEntry
from civica.core.transitions import MoveNotPossible
from civica.network.tests.factories import OrganisationFactory
from civica.observatory.dashboards import services as dashboard_services
from civica.observatory.models import Indicator, IndicatorValue, Report, ReportStatus
from civica.observatory.tests.factories import PublishedIndicatorFactory, ReportFactory, ReportSectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst():
    return UserFactory(role=Role.ANALYST)


@pytest.fixture
def report(settings):
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    report = ReportFactory(slug="diagnoza-2021", title_en="Diagnosis of the cultural sector 2021",
                           introduction_en="Why **this** report.<script>alert(1)</script>",
                           conclusion_en="What follows.", status=ReportStatus.PUBLISHED)
    indicator = PublishedIndicatorFactory(code="spectatori", name_en="Audiences")
    IndicatorValue.objects.create(indicator=indicator, year=2020, value=Decimal(4500))
    for organisation in OrganisationFactory.create_batch(2):
        IndicatorValue.objects.create(indicator=indicator, year=2021, value=7, organisation=organisation)
    section = ReportSectionFactory(report=report, title_en="Audiences", narrative_en="The *audiences* grew.")
    section.indicators.set([indicator, PublishedIndicatorFactory(is_published=False, name_en="Secret draft indicator")])
    return report


def test_the_page_shows_narrative_charts_and_tables(client, report):
    page = client.get("/en/observatory/reports/diagnoza-2021/").content.decode()
    for expected in ("Diagnosis of the cultural sector 2021", "Why <strong>this</strong> report.",
                     "The <em>audiences</em> grew.", "What follows.", "4,500", 'role="img"',
                     "withheld: fewer than 3 organisations", "Download as PDF"):
        assert expected in page, expected
    assert "<script>alert" not in page
    assert "Secret draft indicator" not in page


def test_an_illustrative_report_says_it_is_fictional(client, report):
    Report.objects.filter(pk=report.pk).update(illustrative=True)
    page = client.get("/en/observatory/reports/diagnoza-2021/").content.decode()
    assert "This report is fictional demo text" in page


def test_the_pdf_has_the_tables(client, report):
    response = client.get("/en/observatory/reports/diagnoza-2021/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF")


def test_the_report_pages_cost_the_same_whatever_the_sections(client, report, assert_constant_queries):
    def grow():
        for _number in range(4):
            section = ReportSectionFactory(report=report)
            indicators = PublishedIndicatorFactory.create_batch(3)
            for indicator in indicators:
                for year in range(2010, 2022):
                    IndicatorValue.objects.create(indicator=indicator, year=year, value=year)
            section.indicators.set(indicators)

    assert_constant_queries(client, ["/en/observatory/reports/diagnoza-2021/", "/en/observatory/reports/",
                                     "/en/observatory/"], grow)


def test_an_analyst_writes_a_report_and_a_section_then_publishes_it(client, analyst, settings):
    indicator = PublishedIndicatorFactory(code="public-one", name_en="Public one")
    client.force_login(analyst)
    response = client.post("/en/observatory/reports/manage/new/", {
        "title_ro": "Diagnoza 2022", "title_en": "Diagnosis 2022", "slug": "diagnoza-2022", "year": "2022",
        "introduction_ro": "Introducere", "introduction_en": "", "conclusion_ro": "", "conclusion_en": ""})
    assert response.status_code == 302
    report = Report.objects.get(slug="diagnoza-2022")
    assert report.status == ReportStatus.DRAFT
    response = client.post("/en/observatory/reports/manage/diagnoza-2022/sections/new/", {
        "title_ro": "Public", "title_en": "Audiences", "narrative_ro": "Text", "narrative_en": "Text",
        "position": "1", "indicators": [str(indicator.pk)]})
    assert response.status_code == 302
    assert list(report.sections.get().indicators.all()) == [indicator]
    client.logout()
    assert client.get("/en/observatory/reports/diagnoza-2022/").status_code == 404
    client.force_login(analyst)
    client.post("/en/observatory/reports/manage/diagnoza-2022/status/", {"to": "published"})
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED and report.published_at is not None
    assert AuditEntry.objects.filter(action="observatory.report.published").exists()
    client.logout()
    assert "Public one" in client.get("/en/observatory/reports/diagnoza-2022/").content.decode()


def test_a_move_not_declared_is_refused(analyst):
    report = ReportFactory()
    with pytest.raises(MoveNotPossible):
        dashboard_services.report_move(report=report, to=ReportStatus.DRAFT, by=analyst)


def test_a_refused_form_keeps_what_was_typed(client, analyst):
    ReportFactory(slug="taken")
    client.force_login(analyst)
    response = client.post("/en/observatory/reports/manage/new/", {
        "title_ro": "Titlul meu păstrat", "slug": "taken", "year": "douăzeci"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was saved" in page and "Titlul meu păstrat" in page


def test_a_section_refuses_unknown_or_unpublished_indicators(client, analyst):
    ReportFactory(slug="r")
    hidden = PublishedIndicatorFactory(is_published=False)
    client.force_login(analyst)
    for value in (str(hidden.pk), "abc", "99999999999999999999999", "-1"):
        response = client.post("/en/observatory/reports/manage/r/sections/new/", {
            "title_ro": "Kept title", "position": "1", "indicators": [value]})
        assert response.status_code == 200, value
        assert "Kept title" in response.content.decode()


def test_a_bad_status_is_a_message(client, analyst):
    ReportFactory(slug="r")
    client.force_login(analyst)
    response = client.post("/en/observatory/reports/manage/r/status/", {"to": "nonsense"}, follow=True)
    assert "Choose what to do with the report." in response.content.decode()


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.text(max_size=12), last=st.text(max_size=12), breakdown=st.text(max_size=12))
def test_fuzzed_filters_never_fail(client, first, last, breakdown):
    if not Indicator.objects.filter(code="fuzz").exists():  # (the examples share the test's database)
        IndicatorValue.objects.create(indicator=PublishedIndicatorFactory(code="fuzz", breakdowns=["age"]), year=2020,
                                      value=1)
    response = client.get("/en/observatory/indicators/fuzz/", {"first_year": first, "last_year": last,
                                                               "breakdown": breakdown})
    assert response.status_code in (200, 400)  # 400: the site's guard against NUL characters
