from django.urls import path

from . import views

app_name = "accountability"

urlpatterns = [
    path("", views.plan_list, name="plans"),
    path("<str:slug>/", views.plan_detail, name="plan"),
    path("<str:slug>/comments/", views.plan_comment, name="comment"),
    path("<str:slug>/document/", views.plan_document, name="document"),
    path("<str:slug>/document.pdf", views.plan_document_pdf, name="document_pdf"),
    path("<str:slug>/plan.xlsx", views.plan_export_xlsx, name="export_xlsx"),
    path("<str:slug>/<str:sheet>.csv", views.plan_export_csv, name="export_csv"),
    path("<str:slug>/import/", views.plan_import, name="import"),
    path("<str:slug>/activities/<int:activity_id>/progress/", views.progress_post, name="progress"),
]
