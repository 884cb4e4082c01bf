from django.urls import path

from . import workshop_views

app_name = "workshops"

urlpatterns = [
    path("<slug:slug>/", workshop_views.workshop_detail, name="detail"),
    path("<slug:slug>/harvest/", workshop_views.harvest, name="harvest"),
    path("<slug:slug>/screen/", workshop_views.room_screen, name="screen"),
    path("<slug:slug>/wall/", workshop_views.live_wall, name="wall"),
    path("<slug:slug>/wall/items/", workshop_views.live_wall_items, name="wall_items"),
    path("<slug:slug>/tables/<str:token>/", workshop_views.table_page, name="table"),
    path("<slug:slug>/tables/<str:token>/qr.svg", workshop_views.table_qr, name="table_qr"),
    path("<slug:slug>/report/", workshop_views.report, name="report"),
    path("<slug:slug>/report.pdf", workshop_views.report_pdf, name="report_pdf"),
    path("<slug:slug>/action-plan.csv", workshop_views.action_plan_csv, name="action_plan_csv"),
]
