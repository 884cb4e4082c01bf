from django.urls import path

from . import comment_views

app_name = "comments"

urlpatterns = [
    path("<int:comment_id>/edit/", comment_views.comment_edit, name="edit"),
    path("<int:comment_id>/delete/", comment_views.comment_remove, name="remove"),
    path("<int:comment_id>/vote/", comment_views.comment_vote, name="vote"),
    path("<int:comment_id>/report/", comment_views.comment_report, name="report"),
    path("<int:comment_id>/moderate/", comment_views.comment_moderate, name="moderate"),
]
