from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("log/", views.log, name="log"),
    path("waiting/", views.waiting, name="waiting"),
    path("review/<slug:kind>/<int:target_id>/", views.review, name="review"),
]
