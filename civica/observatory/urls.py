from django.urls import path

from . import dashboard_views, impact_views

app_name = "observatory"

urlpatterns = [
    # The impact platform (slice 3): an organisation's own figures beside its sector's.
    path("impact/", impact_views.impact, name="impact"),
    path("impact/<slug:slug>/", impact_views.impact_organisation, name="impact_organisation"),
    path("impact/<slug:slug>/report/", impact_views.impact_report, name="impact_report"),
    path("impact/<slug:slug>/report.pdf", impact_views.impact_report_pdf, name="impact_report_pdf"),
    # Dashboards and the sector's diagnosis (slice 4).
    path("", dashboard_views.index, name="index"),
    path("dimensions/<slug:framework>/<slug:dimension>/", dashboard_views.dimension, name="dimension"),
    path("indicators/<slug:code>/", dashboard_views.indicator, name="indicator"),
    path("reports/", dashboard_views.report_list, name="reports"),
    path("reports/manage/", dashboard_views.manage_reports, name="manage_reports"),
    path("reports/manage/new/", dashboard_views.report_new, name="manage_report_new"),
    path("reports/manage/<slug:slug>/", dashboard_views.report_edit, name="manage_report"),
    path("reports/manage/<slug:slug>/status/", dashboard_views.report_move, name="manage_report_move"),
    path("reports/manage/<slug:slug>/sections/new/", dashboard_views.section_new, name="manage_section_new"),
    path("reports/manage/<slug:slug>/sections/<int:pk>/", dashboard_views.section_edit, name="manage_section"),
    path("reports/manage/<slug:slug>/sections/<int:pk>/delete/", dashboard_views.section_delete,
         name="manage_section_delete"),
    path("reports/<slug:slug>/", dashboard_views.report_detail, name="report"),
    path("reports/<slug:slug>/pdf/", dashboard_views.report_pdf, name="report_pdf"),
]
