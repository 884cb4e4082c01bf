"""The editors' workshop screens, mounted by workshops' urls under the same namespace, before the
workshop pages (a workshop is never given the slug "manage")."""

from django.urls import path

from . import views

urlpatterns = [
    path("manage/", views.workshop_list, name="manage_list"),
    path("manage/new/", views.workshop_new, name="manage_new"),
    path("manage/<slug:slug>/", views.workshop_setup, name="manage_workshop"),
    path("manage/<slug:slug>/settings/", views.settings_save, name="manage_settings"),
    path("manage/<slug:slug>/questions/add/", views.question_add, name="manage_question_add"),
    path("manage/<slug:slug>/questions/<int:pk>/", views.question_edit, name="manage_question"),
    path("manage/<slug:slug>/questions/<int:pk>/delete/", views.question_delete, name="manage_question_delete"),
    path("manage/<slug:slug>/questions/<int:pk>/move/", views.question_move, name="manage_question_move"),
    path("manage/<slug:slug>/tables/add/", views.table_add, name="manage_table_add"),
    path("manage/<slug:slug>/tables/<int:pk>/", views.table_edit, name="manage_table"),
    path("manage/<slug:slug>/tables/<int:pk>/delete/", views.table_delete, name="manage_table_delete"),
    path("manage/<slug:slug>/rounds/add/", views.round_add, name="manage_round_add"),
    path("manage/<slug:slug>/rounds/<int:pk>/", views.round_save, name="manage_round"),
    path("manage/<slug:slug>/rounds/<int:pk>/delete/", views.round_delete, name="manage_round_delete"),
    path("manage/<slug:slug>/run/", views.run, name="manage_run"),
    path("manage/<slug:slug>/run/<slug:action>/", views.run_action, name="manage_run_action"),
    path("manage/<slug:slug>/place/", views.place, name="manage_place"),
    path("manage/<slug:slug>/themes/<int:pk>/split/", views.split, name="manage_split"),
]
