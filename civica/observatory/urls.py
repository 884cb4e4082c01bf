from django.urls import path

from . import goal_views

app_name = "observatory"

urlpatterns = [
    # Goals: the SDGs and the climate mission, what is done for each (issue 19, point 5).
    path("goals/", goal_views.goal_list, name="goals"),
    path("goals/<slug:code>/", goal_views.goal_detail, name="goal"),
]
