from django.urls import path

from . import views

app_name = "accountability"

urlpatterns = [
    path("", views.plan_list, name="plans"),
    path("<str:slug>/", views.plan_detail, name="plan"),
    path("<str:slug>/document/", views.plan_document, name="document"),
    path("<str:slug>/document.pdf", views.plan_document_pdf, name="document_pdf"),
]
