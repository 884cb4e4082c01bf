from django.urls import path  # noqa: F401 -- the slices add their pages here

from . import campaign_views

app_name = "observatory"

urlpatterns = []

# Data collection campaigns (issue 19, point 2): campaign_views.
urlpatterns += [
    path("campaigns/", campaign_views.campaign_list, name="campaigns"),
    path("campaigns/new/", campaign_views.campaign_edit, name="campaign_new"),
    path("campaigns/<slug:slug>/", campaign_views.campaign_detail, name="campaign_detail"),
    path("campaigns/<slug:slug>/edit/", campaign_views.campaign_edit, name="campaign_edit"),
    path("campaigns/<slug:slug>/move/", campaign_views.campaign_move, name="campaign_move"),
    path("campaigns/<slug:slug>/questions/new/", campaign_views.question_edit, name="question_new"),
    path("campaigns/<slug:slug>/questions/<int:question_id>/", campaign_views.question_edit, name="question_edit"),
    path("campaigns/<slug:slug>/questions/<int:question_id>/delete/", campaign_views.question_delete,
         name="question_delete"),
    path("campaigns/<slug:slug>/answers/<slug:organisation_slug>/", campaign_views.answer, name="answer"),
    path("campaigns/<slug:slug>/answers/<slug:organisation_slug>/query/", campaign_views.answer_query,
         name="answer_query"),
    path("campaigns/<slug:slug>/answers/<slug:organisation_slug>/accept/", campaign_views.answer_accept,
         name="answer_accept"),
    path("campaigns/<slug:slug>/answers/<slug:organisation_slug>/files/<slug:key>/", campaign_views.answer_file,
         name="answer_file"),
]
