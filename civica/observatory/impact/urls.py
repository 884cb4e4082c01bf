"""The impact platform's addresses (slice 3): an organisation's own figures beside its sector's."""

from django.urls import path

from . import views

urlpatterns = [
    path("impact/", views.impact, name="impact"),
    path("impact/<slug:slug>/", views.impact_organisation, name="impact_organisation"),
    path("impact/<slug:slug>/report/", views.impact_report, name="impact_report"),
    path("impact/<slug:slug>/report.pdf", views.impact_report_pdf, name="impact_report_pdf"),
]
