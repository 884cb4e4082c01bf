"""The dashboards' and the sector's diagnosis' addresses (slice 4)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="index"),
    path("dimensions/<slug:framework>/<slug:dimension>/", views.dimension, name="dimension"),
    path("indicators/<slug:code>/", views.indicator, name="indicator"),
    path("reports/", views.report_list, name="reports"),
    path("reports/manage/", views.manage_reports, name="manage_reports"),
    path("reports/manage/new/", views.report_new, name="manage_report_new"),
    path("reports/manage/<slug:slug>/", views.report_edit, name="manage_report"),
    path("reports/manage/<slug:slug>/status/", views.report_move, name="manage_report_move"),
    path("reports/manage/<slug:slug>/sections/new/", views.section_new, name="manage_section_new"),
    path("reports/manage/<slug:slug>/sections/<int:pk>/", views.section_edit, name="manage_section"),
    path("reports/manage/<slug:slug>/sections/<int:pk>/delete/", views.section_delete, name="manage_section_delete"),
    path("reports/<slug:slug>/", views.report_detail, name="report"),
    path("reports/<slug:slug>/pdf/", views.report_pdf, name="report_pdf"),
]
