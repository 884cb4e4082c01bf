from django.urls import path  # noqa: F401 -- the slices add their pages here

from . import open_data_views

app_name = "observatory"

urlpatterns = []

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
