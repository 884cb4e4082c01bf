from django.urls import path

from . import notification_views

app_name = "notifications"

urlpatterns = [
    path("", notification_views.notification_list, name="list"),
    path("read/", notification_views.notification_read_all, name="read_all"),
    path("<int:pk>/", notification_views.notification_open, name="open"),
    path("unsubscribe/<str:token>/", notification_views.unsubscribe, name="unsubscribe"),
]
