"""The goals' addresses: the SDGs and the climate mission, what is done for each (issue 19, point 5)."""

from django.urls import path

from . import views

urlpatterns = [
    path("goals/", views.goal_list, name="goals"),
    path("goals/<slug:code>/", views.goal_detail, name="goal"),
]
