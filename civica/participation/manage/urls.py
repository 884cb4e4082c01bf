"""The editors' screens, mounted by participation's urls under the same namespace; "manage" and "new"
are never given as a process's slug."""

from django.urls import path

from . import views

urlpatterns = [
    path("manage/", views.manage_list, name="manage_list"),
    path("manage/new/", views.process_new, name="manage_new"),
    path("<slug:slug>/manage/", views.process_manage, name="manage_process"),
    path("<slug:slug>/manage/edit/", views.process_edit, name="manage_edit"),
    path("<slug:slug>/manage/publish/", views.process_publish, name="manage_publish"),
    path("<slug:slug>/manage/phases/", views.phases_edit, name="manage_phases"),
    path("<slug:slug>/manage/categories/", views.categories_edit, name="manage_categories"),
    path("<slug:slug>/manage/debates/new/", views.debate_edit, name="manage_debate_new"),
    path("<slug:slug>/manage/debates/<int:debate_id>/", views.debate_edit, name="manage_debate"),
    path("<slug:slug>/manage/polls/new/", views.poll_edit, name="manage_poll_new"),
    path("<slug:slug>/manage/polls/<int:poll_id>/", views.poll_edit, name="manage_poll"),
]
