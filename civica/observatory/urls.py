from django.urls import path

from . import campaign_views, catalogue_views, dashboard_views, goal_views, impact_views, open_data_views

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

# Open data (issue 19, point 6): the catalogue, a page per dataset, its downloads and DCAT-AP metadata.
urlpatterns += [
    path("data/", open_data_views.catalogue, name="data"),
    path("data/catalogue.jsonld", open_data_views.catalogue_jsonld, name="data_jsonld"),
    path("data/indicators/<slug:code>/", open_data_views.indicator_page, name="data_indicator"),
    *(path(f"data/indicators/<slug:code>.{fmt}", view, name=f"data_indicator_{fmt}")
      for fmt, view in open_data_views.indicator_downloads.items()),
    path("data/dimensions/<slug:framework>/<slug:dimension>/", open_data_views.dimension_page,
         name="data_dimension"),
    *(path(f"data/dimensions/<slug:framework>/<slug:dimension>.{fmt}", view, name=f"data_dimension_{fmt}")
      for fmt, view in open_data_views.dimension_downloads.items()),
]

# Data collection campaigns (issue 19, point 2): campaign_views.
urlpatterns += [
    path("campaigns/", campaign_views.campaign_list, name="campaigns"),
    path("campaigns/new/", campaign_views.campaign_edit, name="campaign_new"),
    path("campaigns/<slug:slug>/", campaign_views.campaign_detail, name="campaign_detail"),
    path("campaigns/<slug:slug>/edit/", campaign_views.campaign_edit, name="campaign_edit"),
    path("campaigns/<slug:slug>/move/", campaign_views.campaign_move, name="campaign_move"),
    path("campaigns/<slug:slug>/questions/new/", campaign_views.question_edit, name="question_new"),
    path("campaigns/<slug:slug>/questions/<int:question_id>/", campaign_views.question_edit, name="question_edit"),
    path("campaigns/<slug:slug>/questions/<int:question_id>/delete/", campaign_views.question_delete,
         name="question_delete"),
    path("campaigns/<slug:slug>/answers/<slug:organisation_slug>/", campaign_views.answer, name="answer"),
    path("campaigns/<slug:slug>/answers/<slug:organisation_slug>/query/", campaign_views.answer_query,
         name="answer_query"),
    path("campaigns/<slug:slug>/answers/<slug:organisation_slug>/accept/", campaign_views.answer_accept,
         name="answer_accept"),
    path("campaigns/<slug:slug>/answers/<slug:organisation_slug>/files/<slug:key>/", campaign_views.answer_file,
         name="answer_file"),
    # The catalogue (issue 19, point 1): the analysts' frameworks, dimensions, indicators, values, import.
    path("manage/", catalogue_views.catalogue, name="manage"),
    path("manage/frameworks/new/", catalogue_views.framework_new, name="manage_framework_new"),
    path("manage/frameworks/<slug:slug>/", catalogue_views.framework_edit, name="manage_framework"),
    path("manage/frameworks/<slug:slug>/dimensions/new/", catalogue_views.dimension_new,
         name="manage_dimension_new"),
    path("manage/frameworks/<slug:slug>/dimensions/<int:pk>/", catalogue_views.dimension_edit,
         name="manage_dimension"),
    path("manage/indicators/new/", catalogue_views.indicator_new, name="manage_indicator_new"),
    path("manage/indicators/<slug:code>/", catalogue_views.indicator_edit, name="manage_indicator"),
    path("manage/indicators/<slug:code>/values/", catalogue_views.values, name="manage_values"),
    path("manage/indicators/<slug:code>/values/new/", catalogue_views.value_new, name="manage_value_new"),
    path("manage/indicators/<slug:code>/values/<int:pk>/", catalogue_views.value_edit, name="manage_value"),
    path("manage/indicators/<slug:code>/values/<int:pk>/delete/", catalogue_views.value_delete,
         name="manage_value_delete"),
    path("manage/import/", catalogue_views.import_values, name="manage_import"),
    path("manage/import/confirm/", catalogue_views.import_confirm, name="manage_import_confirm"),
    # Goals: the SDGs and the climate mission, what is done for each (issue 19, point 5).
    path("goals/", goal_views.goal_list, name="goals"),
    path("goals/<slug:code>/", goal_views.goal_detail, name="goal"),
]
