from django.urls import path

from . import manage_views, views

app_name = "network"

urlpatterns = [
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("programmes/", views.programme_list, name="programme_list"),
    path("programmes/<slug:slug>/", views.programme_detail, name="programme_detail"),
    path("spaces/", views.space_list, name="space_list"),
    path("spaces/<slug:slug>/", views.space_detail, name="space_detail"),
    path("spaces/<slug:slug>/book/", views.space_book, name="space_book"),
    path("bookings/", views.my_bookings, name="my_bookings"),
    path("bookings/manage/", views.booking_manage, name="booking_manage"),
    path("bookings/<int:pk>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("bookings/<int:pk>/confirm/", views.booking_confirm, name="booking_confirm"),
    path("bookings/<int:pk>/decline/", views.booking_decline, name="booking_decline"),
    path("manage/", manage_views.manage, name="manage"),
    path("manage/organisations/", manage_views.organisations, name="manage_organisations"),
    path("manage/organisations/new/", manage_views.organisation_new, name="manage_organisation_new"),
    path("manage/organisations/<slug:slug>/", manage_views.organisation_edit, name="manage_organisation"),
    path("manage/organisations/<slug:slug>/representatives/add/", manage_views.representative_add,
         name="manage_representative_add"),
    path("manage/organisations/<slug:slug>/representatives/<int:pk>/remove/", manage_views.representative_remove,
         name="manage_representative_remove"),
    path("manage/programmes/", manage_views.programmes, name="manage_programmes"),
    path("manage/programmes/new/", manage_views.programme_new, name="manage_programme_new"),
    path("manage/programmes/<slug:slug>/", manage_views.programme_edit, name="manage_programme"),
    path("manage/spaces/", manage_views.spaces, name="manage_spaces"),
    path("manage/spaces/new/", manage_views.space_new, name="manage_space_new"),
    path("manage/spaces/<slug:slug>/", manage_views.space_edit, name="manage_space"),
    path("manage/programmes/<slug:slug>/move/", manage_views.position_move, {"kind": "programmes"},
         name="manage_programme_move"),
    path("manage/spaces/<slug:slug>/move/", manage_views.position_move, {"kind": "spaces"}, name="manage_space_move"),
    path("manage/figures/", manage_views.figures, name="manage_figures"),
    path("manage/figures/new/", manage_views.figure_new, name="manage_figure_new"),
    path("manage/figures/<slug:key>/", manage_views.figure_edit, name="manage_figure"),
    path("manage/figures/<slug:slug>/move/", manage_views.position_move, {"kind": "figures"},
         name="manage_figure_move"),
]
