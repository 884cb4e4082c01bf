"""The catalogue's addresses (issue 19, point 1): the analysts' frameworks, dimensions, indicators, values,
import."""

from django.urls import path

from . import views

urlpatterns = [
    path("manage/", views.catalogue, name="manage"),
    path("manage/frameworks/new/", views.framework_new, name="manage_framework_new"),
    path("manage/frameworks/<slug:slug>/", views.framework_edit, name="manage_framework"),
    path("manage/frameworks/<slug:slug>/dimensions/new/", views.dimension_new, name="manage_dimension_new"),
    path("manage/frameworks/<slug:slug>/dimensions/<int:pk>/", views.dimension_edit, name="manage_dimension"),
    path("manage/indicators/new/", views.indicator_new, name="manage_indicator_new"),
    path("manage/indicators/<slug:code>/", views.indicator_edit, name="manage_indicator"),
    path("manage/indicators/<slug:code>/values/", views.values, name="manage_values"),
    path("manage/indicators/<slug:code>/values/new/", views.value_new, name="manage_value_new"),
    path("manage/indicators/<slug:code>/values/<int:pk>/", views.value_edit, name="manage_value"),
    path("manage/indicators/<slug:code>/values/<int:pk>/delete/", views.value_delete, name="manage_value_delete"),
    path("manage/import/", views.import_values, name="manage_import"),
    path("manage/import/confirm/", views.import_confirm, name="manage_import_confirm"),
]
