from django.urls import path

from . import manage_views, views
from .motions.urls import urlpatterns as motion_urlpatterns
from .seat_calls import views as seat_call_views

app_name = "governance"

urlpatterns = [
    path("", views.body_list, name="body_list"),
    path("manage/", manage_views.bodies, name="manage"),
    path("manage/new/", manage_views.body_new, name="manage_body_new"),
    path("manage/<slug:slug>/", manage_views.body_edit, name="manage_body"),
    path("manage/<slug:slug>/seats/new/", manage_views.seat_new, name="manage_seat_new"),
    path("manage/<slug:slug>/seats/<int:pk>/", manage_views.seat_edit, name="manage_seat"),
    path("manage/<slug:slug>/seats/<int:pk>/delete/", manage_views.seat_delete, name="manage_seat_delete"),
    path("manage/<slug:slug>/seats/<int:pk>/terms/new/", manage_views.term_new, name="manage_term_new"),
    path("manage/<slug:slug>/terms/<int:pk>/end/", manage_views.term_end, name="manage_term_end"),
    path("manage/<slug:slug>/meetings/new/", manage_views.meeting_new, name="manage_meeting_new"),
    path("manage/<slug:slug>/meetings/<int:pk>/", manage_views.meeting_edit, name="manage_meeting"),
    path("manage/<slug:slug>/meetings/<int:pk>/delete/", manage_views.meeting_delete, name="manage_meeting_delete"),
    path("manage/<slug:slug>/decisions/new/", manage_views.decision_new, name="manage_decision_new"),
    path("manage/<slug:slug>/decisions/<int:pk>/", manage_views.decision_edit, name="manage_decision"),
    path("manage/<slug:slug>/decisions/<int:pk>/delete/", manage_views.decision_delete,
         name="manage_decision_delete"),
    path("manage/<slug:slug>/objectives/new/", manage_views.objective_new, name="manage_objective_new"),
    path("manage/<slug:slug>/objectives/<int:pk>/", manage_views.objective_edit, name="manage_objective"),
    path("manage/<slug:slug>/objectives/<int:pk>/delete/", manage_views.objective_delete,
         name="manage_objective_delete"),
    *motion_urlpatterns,  # motions/…, before a body's own address
    path("<slug:slug>/seat-calls/new/", seat_call_views.seat_call_new, name="seat_call_new"),
    path("<slug:slug>/", views.body_detail, name="body_detail"),
]
