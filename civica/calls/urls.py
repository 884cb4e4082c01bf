from django.urls import path

from . import evaluation_views, views

app_name = "calls"

urlpatterns = [
    path("", views.call_list, name="list"),
    path("mine/", views.my_applications, name="mine"),
    path("reviews/", evaluation_views.my_reviews, name="my_reviews"),
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
