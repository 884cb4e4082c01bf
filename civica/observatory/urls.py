from django.urls import path  # noqa: F401 -- the slices add their pages here

from . import catalogue_views

app_name = "observatory"

urlpatterns = [
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
]
