"""The motions' addresses, under the governance namespace (``/<lang>/network/bodies/motions/…``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("motions/", views.motion_list, name="motion_list"),
    path("motions/new/", views.motion_new, name="motion_new"),
    path("motions/<int:pk>/", views.motion_detail, name="motion_detail"),
    path("motions/<int:pk>/vote/", views.motion_vote, name="motion_vote"),
    path("motions/<int:pk>/open/", views.motion_open, name="motion_open"),
]
