from django.urls import path

from . import manage_views, views

app_name = "heritage"

urlpatterns = [
    path("", views.locality_list, name="list"),
    path("objects.csv", views.download_csv, name="download_csv"),
    path("objects.json", views.download_json, name="download_json"),
    path("objects.geojson", views.download_geojson, name="download_geojson"),
    path("localities/<slug:slug>/", views.locality_detail, name="locality"),
    path("localities/<slug:slug>/propose/", views.propose, name="propose"),
    path("objects/<slug:slug>/", views.object_detail, name="object"),
    path("objects/<int:pk>/moderate/", views.moderate, name="moderate"),
    path("sites/<slug:slug>/", views.site_detail, name="site"),
    path("sites/<slug:slug>/qr.svg", views.site_qr, name="site_qr"),
    path("sites/<slug:slug>/panel.pdf", views.site_panel, name="site_panel"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("people/<int:pk>/consent/", views.person_consent, name="person_consent"),
    path("manage/", manage_views.overview, name="manage"),
    path("manage/localities/<int:pk>/records/", manage_views.locality_records, name="manage_locality"),
    path("manage/localities/<int:pk>/photos/", manage_views.photo_add, name="manage_photo_add"),
    path("manage/photos/<int:pk>/", manage_views.photo_edit, name="manage_photo"),
    path("manage/photos/<int:pk>/delete/", manage_views.photo_delete, name="manage_photo_delete"),
    path("manage/photos/<int:pk>/original/", manage_views.photo_original, name="manage_photo_original"),
    path("manage/people/<int:pk>/consent/", manage_views.consent, name="manage_consent"),
    path("manage/<slug:kind>/new/", manage_views.edit, name="manage_new"),
    path("manage/<slug:kind>/<int:pk>/", manage_views.edit, name="manage_edit"),
]
