from django.urls import path

from . import moderation_views

app_name = "moderation"

urlpatterns = [
    path("", moderation_views.queue, name="queue"),
    path("log/", moderation_views.log, name="log"),
]
