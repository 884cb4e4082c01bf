"""Reports and moderation actions, moved out of ``participation`` (participation 0013 forgets them):
the models are created in the state only, on the tables ``participation`` made (every row stays), and
the content types of the moved models change app (participation → moderation). 0002 renames the
tables to ``moderation_*``; 0003–0005 turn their consultation into a generic scope."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MOVED = ["report", "moderationaction"]


def _move_content_types(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        # A fresh database has no content types yet (post_migrate makes them); one that has both keeps
        # the row that generic references point at.
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)
    ContentType.objects.clear_cache()


def content_types_to_moderation(apps, schema_editor):
    _move_content_types(apps, "participation", "moderation")


def content_types_to_participation(apps, schema_editor):
    _move_content_types(apps, "moderation", "participation")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('participation', '0013_moderation_moved_out'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='ModerationAction',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('target_id', models.PositiveBigIntegerField()),
                    ('kind', models.CharField(choices=[('auto_hide', 'Hidden automatically after reports'), ('hide', 'Hidden by a moderator'), ('restore', 'Restored by a moderator')], max_length=12, verbose_name='action')),
                    ('reason', models.TextField(verbose_name='reason')),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='at')),
                    ('moderator', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='moderator')),
                    ('process', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='moderation_actions', to='participation.process', verbose_name='process')),
                    ('target_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ],
                options={
                    'db_table': 'participation_moderationaction',
                    'verbose_name': 'moderation action',
                    'verbose_name_plural': 'moderation log',
                    'ordering': ['-created_at'],
                },
            ),
            migrations.CreateModel(
                name='Report',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('target_id', models.PositiveBigIntegerField()),
                    ('reason', models.CharField(choices=[('spam', 'Spam or advertising'), ('offensive', 'Offensive or hateful'), ('off_topic', 'Off topic'), ('personal_data', 'Reveals personal data')], max_length=16, verbose_name='reason')),
                    ('note', models.CharField(blank=True, max_length=500, verbose_name='details')),
                    ('is_resolved', models.BooleanField(default=False, verbose_name='reviewed')),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created at')),
                    ('process', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='participation.process', verbose_name='process')),
                    ('reporter', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to=settings.AUTH_USER_MODEL, verbose_name='reported by')),
                    ('target_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ],
                options={
                    'db_table': 'participation_report',
                    'verbose_name': 'report',
                    'verbose_name_plural': 'reports',
                    'ordering': ['-created_at'],
                    'constraints': [models.UniqueConstraint(fields=('reporter', 'target_type', 'target_id'), name='participation_report_once')],
                },
            ),
        ]),
        migrations.RunPython(content_types_to_moderation, content_types_to_participation),
    ]
