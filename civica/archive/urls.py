from django.urls import path

from . import manage_records, manage_views, views

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
    path("documents/<int:pk>/", views.document_file, name="document"),
    path("manage/", manage_views.work_list, name="manage_list"),
    path("manage/works/new/", manage_views.work_edit, name="manage_new"),
    path("manage/works/<int:pk>/", manage_views.work_edit, name="manage_work"),
    path("manage/works/<int:pk>/status/", manage_views.work_status, name="manage_status"),
    path("manage/works/<int:pk>/images/", manage_views.image_add, name="manage_image_add"),
    path("manage/images/<int:pk>/", manage_views.image_edit, name="manage_image"),
    path("manage/images/<int:pk>/original/", manage_views.image_original, name="manage_image_original"),
    path("manage/import/", manage_views.import_works, name="manage_import"),
    path("manage/documents/<int:pk>/", manage_records.document_edit, name="manage_document"),
    path("manage/documents/<int:pk>/file/", manage_records.document_download, name="manage_document_file"),
    path("manage/events/<int:pk>/documents/", manage_records.document_add, name="manage_document_add"),
]
for _kind in manage_records.KINDS:
    urlpatterns += [
        path(f"manage/{_kind}s/", manage_records.record_list, {"kind": _kind}, name=f"manage_{_kind}s"),
        path(f"manage/{_kind}s/new/", manage_records.record_edit, {"kind": _kind}, name=f"manage_{_kind}_new"),
        path(f"manage/{_kind}s/<int:pk>/", manage_records.record_edit, {"kind": _kind}, name=f"manage_{_kind}"),
        path(f"manage/{_kind}s/<int:pk>/status/", manage_records.record_status, {"kind": _kind},
             name=f"manage_{_kind}_status"),
    ]
