"""Issue 13, point 1 moves comments, moderation and notifications out of ``participation`` and keeps
every row: a database at the schema before the move, holding comments (a thread, with a vote),
follows, notifications, reports and moderation actions (in a consultation and outside any), is
migrated to the latest schema and read back through the new models; a consultation becomes the scope
of what belonged to it. Site-wide (it sets up participation's rows); one test, since it rebuilds part
of the schema twice; it runs on PostgreSQL (``core.tests.upgrades``)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from civica.core.tests.upgrades import upgrade_on_postgresql

pytestmark = upgrade_on_postgresql

BEFORE = ("participation", "0011_bilingual_debates_and_polls")
MOVED_INTO = {"participation", "notifications", "moderation", "comments"}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_every_row_and_its_scope():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    before = [node for node in latest if node[0] not in MOVED_INTO] + [BEFORE]
    executor = _migrate(before)
    old = executor.loader.project_state(before).apps
    # The content types as the old database had them: the moved models belonged to participation.
    old_types = old.get_model("contenttypes", "ContentType")
    old_types.objects.filter(app_label__in=MOVED_INTO - {"participation"}).update(app_label="participation")
    users = old.get_model("accounts", "User").objects
    reader = users.create(email="reader@example.org", display_name="Rita")
    moderator = users.create(email="moderator@example.org", display_name="Mara")
    process = old.get_model("participation", "Process").objects.create(
        slug="parks", title_ro="Parcuri", summary_ro="…", starts_on="2026-01-01", ends_on="2026-12-31")
    idea = old.get_model("participation", "Idea").objects.create(process=process, title="Bănci", body="…")
    process_type, _ = old_types.objects.get_or_create(app_label="participation", model="process")
    idea_type, _ = old_types.objects.get_or_create(app_label="participation", model="idea")
    user_type, _ = old_types.objects.get_or_create(app_label="accounts", model="user")
    old_model = lambda name: old.get_model("participation", name).objects  # noqa: E731
    old_model("Follow").create(user=reader, target_type=process_type, target_id=process.pk)
    old_model("Notification").create(recipient=reader, message="Idee nouă", url="/ro/processes/parks/")
    old_model("Report").create(target_type=idea_type, target_id=idea.pk, process=process, reporter=reader,
                               reason="spam", note="reclamă")
    old_model("Report").create(target_type=user_type, target_id=moderator.pk, process=None, reporter=reader,
                               reason="offensive")
    old_model("ModerationAction").create(target_type=idea_type, target_id=idea.pk, process=process,
                                         moderator=moderator, kind="hide", reason="Reclamă")
    comment = old_model("Comment").create(target_type=idea_type, target_id=idea.pk, process=process, author=reader,
                                          body="Da, la umbră", alignment="for")
    reply = old_model("Comment").create(target_type=idea_type, target_id=idea.pk, process=process, parent=comment,
                                        depth=1, author=moderator, body="De acord")
    outside_comment = old_model("Comment").create(target_type=user_type, target_id=reader.pk, process=None,
                                                  author=moderator, body="Fără consultare")
    old_model("CommentVote").create(comment=comment, user=moderator, value=1)
    comment_type, _ = old_types.objects.get_or_create(app_label="participation", model="comment")
    old_model("Report").create(target_type=comment_type, target_id=reply.pk, process=process, reporter=reader,
                               reason="off_topic")

    _migrate(latest)
    ContentType.objects.clear_cache()

    from civica.comments.models import Comment, CommentVote
    from civica.moderation.models import ModerationAction, Report
    from civica.notifications.models import Follow, Notification
    from civica.participation.models import Idea, Process

    parks, bench = Process.objects.get(slug="parks"), Idea.objects.get(title="Bănci")
    follow = Follow.objects.get()
    assert (follow.user.email, follow.target) == ("reader@example.org", parks)
    notification = Notification.objects.get()
    assert (notification.recipient.email, notification.message, notification.url) == (
        "reader@example.org", "Idee nouă", "/ro/processes/parks/")
    in_process = Report.objects.get(reason="spam")
    assert (in_process.target, in_process.scope, in_process.reporter.email, in_process.note) == (
        bench, parks, "reader@example.org", "reclamă")
    outside = Report.objects.get(reason="offensive")
    assert (outside.scope_type, outside.scope_id) == (None, None)
    action = ModerationAction.objects.get()
    assert (action.target, action.scope, action.moderator.email, action.kind, action.reason) == (
        bench, parks, "moderator@example.org", "hide", "Reclamă")
    moved = Comment.objects.get(pk=comment.pk)
    assert (moved.target, moved.author.email, moved.body, moved.alignment) == (
        bench, "reader@example.org", "Da, la umbră", "for")
    assert [(r.pk, r.body, r.depth) for r in moved.replies.all()] == [(reply.pk, "De acord", 1)]
    assert moved.scope == parks and Comment.objects.get(pk=reply.pk).scope == parks
    outside_comment = Comment.objects.get(pk=outside_comment.pk)
    assert (outside_comment.scope_type, outside_comment.scope_id) == (None, None)
    vote = CommentVote.objects.get()
    assert (vote.comment, vote.user.email, vote.value) == (moved, "moderator@example.org", 1)
    # a report on a comment still finds it (its content type moved with it)
    assert Report.objects.get(reason="off_topic").target == Comment.objects.get(pk=reply.pk)
    for model, app in [(Comment, "comments"), (CommentVote, "comments"), (Follow, "notifications"),
                       (Notification, "notifications"), (Report, "moderation"), (ModerationAction, "moderation")]:
        assert ContentType.objects.get_for_model(model).app_label == app
    tables = set(connection.introspection.table_names())
    assert {"comments_comment", "comments_commentvote", "notifications_follow", "notifications_notification",
            "moderation_report", "moderation_moderationaction"} <= tables
    assert not {f"participation_{model}" for model in ["comment", "commentvote", "follow", "notification", "report",
                                                       "moderationaction"]} & tables
