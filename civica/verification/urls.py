from django.urls import path

from . import views

app_name = "verification"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("residence/", views.residence, name="residence"),
    path("code/", views.code, name="code"),
    path("staff/census/", views.census, name="census"),
    path("staff/desk/", views.desk, name="desk"),
    path("staff/desk/verify/", views.desk_verify, name="desk_verify"),
    path("staff/desk/code/", views.desk_code, name="desk_code"),
]
