"""Follows and notifications, moved out of ``participation`` (participation 0012 forgets them): the
models are created in the state only, on the tables ``participation`` made (every row stays), and the
content types of the moved models change app (participation → notifications). 0002 renames the
tables to ``notifications_*``."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MOVED = ["follow", "notification"]


def _move_content_types(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        # A fresh database has no content types yet (post_migrate makes them); one that has both keeps
        # the row that generic references point at.
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)
    ContentType.objects.clear_cache()


def content_types_to_notifications(apps, schema_editor):
    _move_content_types(apps, "participation", "notifications")


def content_types_to_participation(apps, schema_editor):
    _move_content_types(apps, "notifications", "participation")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('participation', '0012_notifications_moved_out'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='Follow',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('target_id', models.PositiveBigIntegerField()),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created at')),
                    ('target_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='follows', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                ],
                options={
                    'db_table': 'participation_follow',
                    'verbose_name': 'follow',
                    'verbose_name_plural': 'follows',
                    'constraints': [models.UniqueConstraint(fields=('user', 'target_type', 'target_id'), name='participation_follow_once')],
                },
            ),
            migrations.CreateModel(
                name='Notification',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('message', models.CharField(max_length=300, verbose_name='message')),
                    ('url', models.CharField(max_length=300, verbose_name='link')),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created at')),
                    ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='read at')),
                    ('emailed_at', models.DateTimeField(blank=True, null=True, verbose_name='e-mailed at')),
                    ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL, verbose_name='recipient')),
                ],
                options={
                    'db_table': 'participation_notification',
                    'verbose_name': 'notification',
                    'verbose_name_plural': 'notifications',
                    'ordering': ['-created_at', '-id'],
                    'indexes': [models.Index(fields=['recipient', 'read_at'], name='notification_unread'), models.Index(fields=['emailed_at', 'recipient'], name='notification_unsent')],
                },
            ),
        ]),
        migrations.RunPython(content_types_to_notifications, content_types_to_participation),
    ]
