"""The editors' screens, mounted by meetings' urls under the same namespace, at manage/… (before a
meeting's own addresses, so "manage" is never read as a meeting's slug)."""

from django.urls import path

from . import views

urlpatterns = [
    path("manage/", views.manage_list, name="manage_list"),
    path("manage/new/", views.meeting_new, name="manage_new"),
    path("manage/<slug:slug>/", views.meeting_manage, name="manage_meeting"),
    path("manage/<slug:slug>/edit/", views.meeting_edit, name="manage_edit"),
    path("manage/<slug:slug>/publish/", views.meeting_publish, name="manage_publish"),
    path("manage/<slug:slug>/cancel/", views.meeting_cancel, name="manage_cancel"),
    path("manage/<slug:slug>/after/", views.meeting_after, name="manage_after"),
    path("manage/<slug:slug>/documents/", views.document_add, name="manage_document_add"),
    path("manage/<slug:slug>/documents/<int:document_id>/remove/", views.document_remove,
         name="manage_document_remove"),
    path("manage/<slug:slug>/registrations/", views.registrations, name="manage_registrations"),
    path("manage/<slug:slug>/registrations/<int:registration_id>/check-in/", views.registration_check_in,
         name="manage_check_in"),
    path("manage/<slug:slug>/registrations.csv", views.export_csv, name="manage_export_csv"),
    path("manage/<slug:slug>/registrations.xlsx", views.export_xlsx, name="manage_export_xlsx"),
]
