from django.urls import include, path, register_converter

from . import feeds
from .conversations import views as conversation_views
from .exports import views as export_views
from .manage import urls as manage_urls
from .polls import views as poll_views
from .views import debates, ideas, processes, reporting


class ModeratedKind:
    regex = "ideas|debates|statements"  # comments: /comments/<id>/report/ and /moderate/, whatever they are on

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ModeratedKind, "moderated")

app_name = "participation"

urlpatterns = [
    path("", processes.process_list, name="process_list"),
    # The editors' screens come first: their addresses would otherwise read as a process's pages.
    path("", include(manage_urls)),
    path("<slug:slug>/", processes.process_detail, name="process_detail"),
    path("<slug:slug>/follow/", processes.process_follow, name="process_follow"),
    path("<slug:slug>/feed.rss", feeds.ProcessFeed(), name="process_feed_rss"),
    path("<slug:slug>/feed.atom", feeds.ProcessAtomFeed(), name="process_feed_atom"),
    path("<slug:slug>/ideas/", ideas.idea_list, name="idea_list"),
    path("<slug:slug>/ideas/new/", ideas.idea_create, name="idea_create"),
    path("<slug:slug>/ideas/similar/", ideas.similar_ideas, name="similar_ideas"),
    path("<slug:slug>/ideas/<int:idea_id>/", ideas.idea_detail, name="idea_detail"),
    path("<slug:slug>/ideas/<int:idea_id>/edit/", ideas.idea_update, name="idea_update"),
    path("<slug:slug>/ideas/<int:idea_id>/support/", ideas.idea_support, name="idea_support"),
    path("<slug:slug>/ideas/<int:idea_id>/follow/", ideas.idea_follow, name="idea_follow"),
    path("<slug:slug>/ideas/<int:idea_id>/answer/", ideas.idea_answer, name="idea_answer"),
    path("<slug:slug>/ideas/<int:idea_id>/comments/", ideas.idea_comment, name="idea_comment"),
    path("<slug:slug>/debates/<int:debate_id>/", debates.debate_detail, name="debate_detail"),
    path("<slug:slug>/debates/<int:debate_id>/comments/", debates.debate_comment, name="debate_comment"),
    path("<slug:slug>/debates/<int:debate_id>/follow/", debates.debate_follow, name="debate_follow"),
    path("<slug:slug>/polls/<int:poll_id>/", poll_views.poll_detail, name="poll_detail"),
    path("<slug:slug>/polls/<int:poll_id>/responses.csv", poll_views.poll_export, name="poll_export"),
    # Conversations and their opinion map (conversations/); the staff's screen under manage/.
    path("<slug:slug>/conversations/<int:conversation_id>/", conversation_views.conversation_detail,
         name="conversation_detail"),
    path("<slug:slug>/conversations/<int:conversation_id>/vote/", conversation_views.conversation_vote,
         name="conversation_vote"),
    path("<slug:slug>/conversations/<int:conversation_id>/statements/", conversation_views.conversation_statement,
         name="conversation_statement"),
    path("<slug:slug>/conversations/<int:conversation_id>/map/", conversation_views.conversation_map,
         name="conversation_map"),
    path("<slug:slug>/conversations/<int:conversation_id>/polis.zip", conversation_views.conversation_export,
         name="conversation_export"),
    path("<slug:slug>/manage/conversations/new/", conversation_views.conversation_edit, name="conversation_new"),
    path("<slug:slug>/manage/conversations/<int:conversation_id>/", conversation_views.conversation_staff,
         name="conversation_staff"),
    path("<slug:slug>/manage/conversations/<int:conversation_id>/edit/", conversation_views.conversation_edit,
         name="conversation_edit"),
    path("<slug:slug>/manage/conversations/<int:conversation_id>/seed/", conversation_views.statements_seed,
         name="conversation_seed"),
    path("<slug:slug>/manage/conversations/<int:conversation_id>/import/", conversation_views.conversation_import,
         name="conversation_import"),
    path("<slug:slug>/manage/conversations/<int:conversation_id>/polis-full.zip",
         conversation_views.conversation_staff_export, name="conversation_staff_export"),
    # The contributions as data (exports): the public's open data, the staff's page and downloads.
    path("<slug:slug>/open-data/<str:filename>", export_views.public_download, name="open_data_download"),
    path("<slug:slug>/manage/exports/", export_views.staff_page, name="manage_exports"),
    path("<slug:slug>/manage/exports/<str:filename>", export_views.staff_download, name="manage_export_download"),
    path("<slug:slug>/<moderated:kind>/<int:pk>/report/", reporting.report, name="report"),
    path("<slug:slug>/<moderated:kind>/<int:pk>/moderate/", reporting.moderate, name="moderate"),
]
