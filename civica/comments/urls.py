from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("<int:comment_id>/edit/", views.comment_edit, name="edit"),
    path("<int:comment_id>/delete/", views.comment_remove, name="remove"),
    path("<int:comment_id>/vote/", views.comment_vote, name="vote"),
    path("<int:comment_id>/report/", views.comment_report, name="report"),
    path("<int:comment_id>/moderate/", views.comment_moderate, name="moderate"),
]
