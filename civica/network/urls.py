from django.urls import path

from . import views

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
]
