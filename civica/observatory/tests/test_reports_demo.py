"""The demo's diagnosis report: built from the published indicators, marked fictional, safe to load twice."""

import pytest

from civica.observatory.demo import reports as demo_reports
from civica.observatory.models import Report
from civica.observatory.tests.factories import DimensionFactory, PublishedIndicatorFactory

pytestmark = pytest.mark.django_db


def test_the_demo_report_is_built_from_published_indicators_and_says_it_is_fictional(client):
    dimension = DimensionFactory(name_ro="Incluziune și participare")
    shown = PublishedIndicatorFactory(dimension=dimension, name_en="Shown indicator")
    PublishedIndicatorFactory(dimension=dimension, is_published=False, name_en="Unpublished indicator")
    demo_reports.load(lambda message: None)
    demo_reports.load(lambda message: None)
    report = Report.objects.get(slug=demo_reports.SLUG)
    assert report.illustrative and report.is_published
    assert [list(section.indicators.all()) for section in report.sections.all()] == [[shown]]
    page = client.get(f"/en/observatory/reports/{demo_reports.SLUG}/").content.decode()
    assert "This report is fictional demo text" in page
    assert "Fictional demo text" in page and "Shown indicator" in page and "Unpublished indicator" not in page
