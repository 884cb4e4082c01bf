from django.urls import path

from . import views
from .manage import urls as manage_urls

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("feed.ics", views.feed, name="feed"),
    path("mine/", views.my_registrations, name="mine"),
    *manage_urls.urlpatterns,
    path("<slug:slug>/", views.meeting_detail, name="detail"),
    path("<slug:slug>/event.ics", views.meeting_ics, name="ics"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/cancel/", views.cancel, name="cancel"),
    path("<slug:slug>/comments/", views.comment, name="comment"),
    path("<slug:slug>/check-in/", views.check_in, name="check_in"),
]
