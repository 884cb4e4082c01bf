from django.urls import path

from . import manage_views, views

app_name = "newsletter"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("check-inbox/", views.check_inbox, name="check_inbox"),
    path("mine/", views.mine, name="mine"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("manage/", manage_views.campaign_list, name="manage_list"),
    path("manage/new/", manage_views.campaign_edit, name="manage_new"),
    path("manage/<int:pk>/", manage_views.campaign_manage, name="manage_campaign"),
    path("manage/<int:pk>/edit/", manage_views.campaign_edit, name="manage_edit"),
    path("manage/<int:pk>/blocks/", manage_views.block_add, name="manage_block_add"),
    path("manage/<int:pk>/blocks/<int:block_pk>/", manage_views.block_edit, name="manage_block_edit"),
    path("manage/<int:pk>/blocks/<int:block_pk>/change/", manage_views.block_change, name="manage_block_change"),
    path("manage/<int:pk>/preview/", manage_views.campaign_preview, name="manage_preview"),
    path("manage/<int:pk>/preview/<str:language>.html", manage_views.campaign_preview_html,
         name="manage_preview_html"),
    path("manage/<int:pk>/test/", manage_views.campaign_test, name="manage_test"),
    path("manage/<int:pk>/status/", manage_views.campaign_status, name="manage_status"),
]
