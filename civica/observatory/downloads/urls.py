"""Open data's addresses (issue 19, point 6): the catalogue, a page per dataset, its downloads and DCAT-AP
metadata."""

from django.urls import path

from . import views

urlpatterns = [
    path("data/", views.catalogue, name="data"),
    path("data/catalogue.jsonld", views.catalogue_jsonld, name="data_jsonld"),
    path("data/indicators/<slug:code>/", views.indicator_page, name="data_indicator"),
    *(path(f"data/indicators/<slug:code>.{fmt}", view, name=f"data_indicator_{fmt}")
      for fmt, view in views.indicator_downloads.items()),
    path("data/dimensions/<slug:framework>/<slug:dimension>/", views.dimension_page, name="data_dimension"),
    *(path(f"data/dimensions/<slug:framework>/<slug:dimension>.{fmt}", view, name=f"data_dimension_{fmt}")
      for fmt, view in views.dimension_downloads.items()),
]
