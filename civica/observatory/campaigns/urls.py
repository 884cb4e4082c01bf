"""Data collection campaigns' addresses (issue 19, point 2)."""

from django.urls import path

from . import views

urlpatterns = [
    path("campaigns/", views.campaign_list, name="campaigns"),
    path("campaigns/new/", views.campaign_edit, name="campaign_new"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="campaign_detail"),
    path("campaigns/<slug:slug>/edit/", views.campaign_edit, name="campaign_edit"),
    path("campaigns/<slug:slug>/move/", views.campaign_move, name="campaign_move"),
    path("campaigns/<slug:slug>/questions/new/", views.question_edit, name="question_new"),
    path("campaigns/<slug:slug>/questions/<int:question_id>/", views.question_edit, name="question_edit"),
    path("campaigns/<slug:slug>/questions/<int:question_id>/delete/", views.question_delete,
         name="question_delete"),
    path("campaigns/<slug:slug>/answers/<slug:organisation_slug>/", views.answer, name="answer"),
    path("campaigns/<slug:slug>/answers/<slug:organisation_slug>/query/", views.answer_query, name="answer_query"),
    path("campaigns/<slug:slug>/answers/<slug:organisation_slug>/accept/", views.answer_accept,
         name="answer_accept"),
    path("campaigns/<slug:slug>/answers/<slug:organisation_slug>/files/<slug:key>/", views.answer_file,
         name="answer_file"),
]
