from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("press/", views.press_list, name="press"),
    path("feed.rss", feeds.NewsFeed(), name="feed_rss"),
    path("feed.atom", feeds.NewsAtomFeed(), name="feed_atom"),
    path("press/feed.rss", feeds.PressFeed(), name="press_feed_rss"),
    path("press/feed.atom", feeds.PressAtomFeed(), name="press_feed_atom"),
    path("manage/", views.manage_list, name="manage_list"),
    path("manage/new/", views.article_edit, name="manage_new"),
    path("manage/<int:pk>/", views.article_manage, name="manage_article"),
    path("manage/<int:pk>/edit/", views.article_edit, name="manage_edit"),
    path("manage/<int:pk>/preview/", views.article_preview, name="manage_preview"),
    path("manage/<int:pk>/status/", views.article_status, name="manage_status"),
    path("<slug:slug>/", views.article_detail, name="detail"),
    path("<slug:slug>/comments/", views.comment, name="comment"),
    path("<slug:slug>/report/", views.report, name="report"),
    path("<slug:slug>/moderate/", views.moderate, name="moderate"),
]
