from django.urls import include, path

from . import views
from .manage import urls as manage_urls

app_name = "workshops"

urlpatterns = [
    path("", include(manage_urls)),
    path("<slug:slug>/", views.workshop_detail, name="detail"),
    path("<slug:slug>/rounds/next/", views.start_round, name="start_round"),
    path("<slug:slug>/close/", views.close_workshop, name="close"),
    path("<slug:slug>/harvest/", views.harvest, name="harvest"),
    path("<slug:slug>/harvest/first/", views.harvest_first, name="harvest_first"),
    path("<slug:slug>/harvest/<int:pk>/", views.harvest_status, name="harvest_status"),
    path("<slug:slug>/themes/rename/", views.theme_rename, name="theme_rename"),
    path("<slug:slug>/themes/merge/", views.theme_merge, name="theme_merge"),
    path("<slug:slug>/notes/move/", views.note_move, name="note_move"),
    path("<slug:slug>/dots/", views.dot, name="dot"),
    path("<slug:slug>/action-plan/", views.action_add, name="action_add"),
    path("<slug:slug>/action-plan/to-activity/", views.action_to_activity, name="action_to_activity"),
    path("<slug:slug>/screen/", views.room_screen, name="screen"),
    path("<slug:slug>/wall/", views.live_wall, name="wall"),
    path("<slug:slug>/wall/items/", views.live_wall_items, name="wall_items"),
    path("<slug:slug>/tables/<str:token>/", views.table_page, name="table"),
    path("<slug:slug>/tables/<str:token>/qr.svg", views.table_qr, name="table_qr"),
    path("<slug:slug>/report/", views.report, name="report"),
    path("<slug:slug>/report.pdf", views.report_pdf, name="report_pdf"),
    path("<slug:slug>/action-plan.csv", views.action_plan_csv, name="action_plan_csv"),
]
