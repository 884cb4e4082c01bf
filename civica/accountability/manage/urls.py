"""The plans editors' screens, mounted by accountability's urls under the same namespace ("manage" is
never a plan's address: those are years)."""

from django.urls import path

from . import views

urlpatterns = [
    path("manage/", views.manage_list, name="manage_list"),
    path("manage/new/", views.manage_new, name="manage_new"),
    path("manage/<plan_years:slug>/", views.manage_plan, name="manage_plan"),
    path("manage/<plan_years:slug>/status/", views.plan_status, name="manage_status"),
    path("manage/<plan_years:slug>/<slug:kind>/new/", views.part_edit, name="manage_part_new"),
    path("manage/<plan_years:slug>/<slug:kind>/<int:pk>/", views.part_edit, name="manage_part"),
    path("manage/<plan_years:slug>/<slug:kind>/<int:pk>/delete/", views.part_delete, name="manage_part_delete"),
    path("manage/<plan_years:slug>/<slug:kind>/<int:pk>/move/", views.part_move, name="manage_part_move"),
]
