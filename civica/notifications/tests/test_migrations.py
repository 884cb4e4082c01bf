"""The move of follows and notifications out of ``participation`` keeps every row: a database at the
schema before the move, holding a follow and a notification, is migrated to the latest schema and
read back through the new models. It runs on SQLite and on PostgreSQL."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("participation", "0011_bilingual_debates_and_polls")
MOVED_INTO = {"participation", "notifications", "moderation", "comments"}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_its_follows_and_notifications():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    before = [node for node in latest if node[0] not in MOVED_INTO] + [BEFORE]
    executor = _migrate(before)
    old = executor.loader.project_state(before).apps
    old_types = old.get_model("contenttypes", "ContentType")
    old_types.objects.filter(app_label="notifications").update(app_label="participation")
    reader = old.get_model("accounts", "User").objects.create(email="reader@example.org", display_name="Rita")
    process = old.get_model("participation", "Process").objects.create(
        slug="parks", title_ro="Parcuri", summary_ro="…", starts_on="2026-01-01", ends_on="2026-12-31")
    process_type, _ = old_types.objects.get_or_create(app_label="participation", model="process")
    old.get_model("participation", "Follow").objects.create(user=reader, target_type=process_type,
                                                            target_id=process.pk)
    old.get_model("participation", "Notification").objects.create(recipient=reader, message="Idee nouă",
                                                                  url="/ro/processes/parks/")

    _migrate(latest)
    ContentType.objects.clear_cache()

    from civica.notifications.models import Follow, Notification
    from civica.participation.models import Process

    follow = Follow.objects.get()
    assert (follow.user.email, follow.target) == ("reader@example.org", Process.objects.get(slug="parks"))
    notification = Notification.objects.get()
    assert (notification.recipient.email, notification.message, notification.url) == (
        "reader@example.org", "Idee nouă", "/ro/processes/parks/")
    assert ContentType.objects.get_for_model(Follow).app_label == "notifications"
    tables = connection.introspection.table_names()
    assert "notifications_follow" in tables and "notifications_notification" in tables
    assert "participation_follow" not in tables and "participation_notification" not in tables
