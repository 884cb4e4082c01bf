from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    path("<slug:slug>/", views.workshop_detail, name="detail"),
    path("<slug:slug>/harvest/", views.harvest, name="harvest"),
    path("<slug:slug>/screen/", views.room_screen, name="screen"),
    path("<slug:slug>/wall/", views.live_wall, name="wall"),
    path("<slug:slug>/wall/items/", views.live_wall_items, name="wall_items"),
    path("<slug:slug>/tables/<str:token>/", views.table_page, name="table"),
    path("<slug:slug>/tables/<str:token>/qr.svg", views.table_qr, name="table_qr"),
    path("<slug:slug>/report/", views.report, name="report"),
    path("<slug:slug>/report.pdf", views.report_pdf, name="report_pdf"),
    path("<slug:slug>/action-plan.csv", views.action_plan_csv, name="action_plan_csv"),
]
