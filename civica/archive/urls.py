from django.urls import path

from . import manage_views, views

app_name = "archive"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("map/", views.catalogue_map, name="map"),
    path("works.geojson", views.download_geojson, name="download_geojson"),
    path("works.csv", views.download_csv, name="download_csv"),
    path("works.json", views.download_json, name="download_json"),
    path("works/<slug:slug>/", views.work_detail, name="work"),
    path("artists/<slug:slug>/", views.artist_detail, name="artist"),
    path("collections/<slug:slug>/", views.collection_detail, name="collection"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("manage/", manage_views.work_list, name="manage_list"),
    path("manage/works/new/", manage_views.work_edit, name="manage_new"),
    path("manage/works/<int:pk>/", manage_views.work_edit, name="manage_work"),
    path("manage/works/<int:pk>/status/", manage_views.work_status, name="manage_status"),
    path("manage/works/<int:pk>/images/", manage_views.image_add, name="manage_image_add"),
    path("manage/images/<int:pk>/", manage_views.image_edit, name="manage_image"),
    path("manage/images/<int:pk>/original/", manage_views.image_original, name="manage_image_original"),
    path("manage/import/", manage_views.import_works, name="manage_import"),
]
