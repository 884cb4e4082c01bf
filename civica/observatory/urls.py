from django.urls import path  # noqa: F401 -- the slices add their pages here

from . import impact_views

app_name = "observatory"

urlpatterns = [
    # The impact platform (slice 3): an organisation's own figures beside its sector's.
    path("impact/", impact_views.impact, name="impact"),
    path("impact/<slug:slug>/", impact_views.impact_organisation, name="impact_organisation"),
    path("impact/<slug:slug>/report/", impact_views.impact_report, name="impact_report"),
    path("impact/<slug:slug>/report.pdf", impact_views.impact_report_pdf, name="impact_report_pdf"),
]
