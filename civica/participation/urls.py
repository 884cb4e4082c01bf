from django.urls import include, path, register_converter

from . import feeds, views
from .manage import urls as manage_urls
from .polls import views as poll_views


class ModeratedKind:
    regex = "ideas|debates"  # comments: /comments/<id>/report/ and /moderate/, whatever they are on

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ModeratedKind, "moderated")

app_name = "participation"

urlpatterns = [
    path("", views.process_list, name="process_list"),
    # The editors' screens come first: their addresses would otherwise read as a process's pages.
    path("", include(manage_urls)),
    path("<slug:slug>/", views.process_detail, name="process_detail"),
    path("<slug:slug>/follow/", views.process_follow, name="process_follow"),
    path("<slug:slug>/feed.rss", feeds.ProcessFeed(), name="process_feed_rss"),
    path("<slug:slug>/feed.atom", feeds.ProcessAtomFeed(), name="process_feed_atom"),
    path("<slug:slug>/ideas/", views.idea_list, name="idea_list"),
    path("<slug:slug>/ideas/new/", views.idea_create, name="idea_create"),
    path("<slug:slug>/ideas/similar/", views.similar_ideas, name="similar_ideas"),
    path("<slug:slug>/ideas/<int:idea_id>/", views.idea_detail, name="idea_detail"),
    path("<slug:slug>/ideas/<int:idea_id>/edit/", views.idea_update, name="idea_update"),
    path("<slug:slug>/ideas/<int:idea_id>/support/", views.idea_support, name="idea_support"),
    path("<slug:slug>/ideas/<int:idea_id>/follow/", views.idea_follow, name="idea_follow"),
    path("<slug:slug>/ideas/<int:idea_id>/answer/", views.idea_answer, name="idea_answer"),
    path("<slug:slug>/ideas/<int:idea_id>/comments/", views.idea_comment, name="idea_comment"),
    path("<slug:slug>/debates/<int:debate_id>/", views.debate_detail, name="debate_detail"),
    path("<slug:slug>/debates/<int:debate_id>/comments/", views.debate_comment, name="debate_comment"),
    path("<slug:slug>/debates/<int:debate_id>/follow/", views.debate_follow, name="debate_follow"),
    path("<slug:slug>/polls/<int:poll_id>/", poll_views.poll_detail, name="poll_detail"),
    path("<slug:slug>/polls/<int:poll_id>/responses.csv", poll_views.poll_export, name="poll_export"),
    path("<slug:slug>/<moderated:kind>/<int:pk>/report/", views.report, name="report"),
    path("<slug:slug>/<moderated:kind>/<int:pk>/moderate/", views.moderate, name="moderate"),
]
