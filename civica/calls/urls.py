from django.urls import path

from . import evaluation_views, manage_views, views

app_name = "calls"

urlpatterns = [
    path("", views.call_list, name="list"),
    path("mine/", views.my_applications, name="mine"),
    path("reviews/", evaluation_views.my_reviews, name="my_reviews"),
    # The editors' screens ("manage" is never a call's short name: editing._unique_slug).
    path("manage/", manage_views.manage_list, name="manage_list"),
    path("manage/new/", manage_views.call_new, name="manage_new"),
    path("manage/<slug:slug>/", manage_views.call_overview, name="manage_call"),
    path("manage/<slug:slug>/move/", manage_views.call_move, name="manage_move"),
    path("manage/<slug:slug>/edit/", manage_views.call_edit, name="manage_edit"),
    path("manage/<slug:slug>/documents/", manage_views.documents, name="manage_documents"),
    path("manage/<slug:slug>/form/", manage_views.form_fields, name="manage_form"),
    path("manage/<slug:slug>/form/new/", manage_views.field_edit, name="manage_field_new"),
    path("manage/<slug:slug>/form/<int:field_id>/", manage_views.field_edit, name="manage_field"),
    path("manage/<slug:slug>/form/preview/", manage_views.form_preview, name="manage_preview"),
    path("manage/<slug:slug>/criteria/", manage_views.criteria, name="manage_criteria"),
    path("manage/<slug:slug>/criteria/new/", manage_views.criterion_edit, name="manage_criterion_new"),
    path("manage/<slug:slug>/criteria/<int:criterion_id>/", manage_views.criterion_edit, name="manage_criterion"),
    path("manage/<slug:slug>/jury/", manage_views.jury, name="manage_jury"),
    path("<slug:slug>/", views.call_detail, name="detail"),
    path("<slug:slug>/questions/", views.ask_question, name="ask"),
    path("<slug:slug>/apply/", views.apply, name="apply"),
    path("<slug:slug>/application/", views.application, name="application"),
    path("<slug:slug>/application/withdraw/", views.application_action, {"action": "withdraw"},
         name="application_withdraw"),
    path("<slug:slug>/application/reopen/", views.application_action, {"action": "reopen"}, name="application_reopen"),
    path("<slug:slug>/receipts/<slug:reference>/<int:version>/", views.receipt, name="receipt"),
    path("<slug:slug>/receipts/<slug:reference>/<int:version>.pdf", views.receipt_pdf_view, name="receipt_pdf"),
    path("<slug:slug>/files/<int:file_id>/", views.application_file, name="file"),
    path("<slug:slug>/manage/", evaluation_views.manage, name="manage"),
    path("<slug:slug>/manage/ranking/", evaluation_views.ranking, name="ranking"),
    path("<slug:slug>/manage/applications.csv", evaluation_views.export_csv, name="export_csv"),
    path("<slug:slug>/manage/applications.xlsx", evaluation_views.export_xlsx, name="export_xlsx"),
    path("<slug:slug>/reviews/<slug:code>/", evaluation_views.review, name="review"),
]
