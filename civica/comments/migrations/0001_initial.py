"""Comments and their votes, moved out of ``participation`` (participation 0014 forgets them): the
models are created in the state only, on the tables ``participation`` made (every row stays), and the
content types of the moved models change app (participation → comments), so generic references to a
comment (reports, moderation actions) keep pointing at it. 0002 renames the tables to ``comments_*``."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MOVED = ["comment", "commentvote"]


def _move_content_types(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        # A fresh database has no content types yet (post_migrate makes them); one that has both keeps
        # the row that generic references point at.
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)
    ContentType.objects.clear_cache()


def content_types_to_comments(apps, schema_editor):
    _move_content_types(apps, "participation", "comments")


def content_types_to_participation(apps, schema_editor):
    _move_content_types(apps, "comments", "participation")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('participation', '0014_comments_moved_out'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='Comment',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('target_id', models.PositiveBigIntegerField()),
                    ('depth', models.PositiveSmallIntegerField(default=0, validators=[django.core.validators.MaxValueValidator(2)])),
                    ('body', models.TextField(max_length=5000, validators=[django.core.validators.MaxLengthValidator(5000)], verbose_name='comment')),
                    ('alignment', models.CharField(choices=[('for', 'For'), ('against', 'Against'), ('neutral', 'Neutral')], default='neutral', max_length=8, verbose_name='position')),
                    ('upvotes', models.PositiveIntegerField(default=0)),
                    ('downvotes', models.PositiveIntegerField(default=0)),
                    ('reply_count', models.PositiveIntegerField(default=0)),
                    ('is_deleted', models.BooleanField(default=False, verbose_name='deleted')),
                    ('is_hidden', models.BooleanField(default=False, verbose_name='hidden by moderation')),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created at')),
                    ('edited_at', models.DateTimeField(blank=True, null=True, verbose_name='edited at')),
                    ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='comments', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                    ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='replies', to='comments.comment', verbose_name='in reply to')),
                    ('process', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='comments', to='participation.process', verbose_name='process')),
                    ('target_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ],
                options={
                    'db_table': 'participation_comment',
                    'verbose_name': 'comment',
                    'verbose_name_plural': 'comments',
                    'ordering': ['created_at', 'id'],
                    'indexes': [models.Index(fields=['target_type', 'target_id', 'created_at'], name='comment_target')],
                },
            ),
            migrations.CreateModel(
                name='CommentVote',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('value', models.SmallIntegerField(choices=[(1, '+1'), (-1, '-1')])),
                    ('comment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='votes', to='comments.comment')),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='comment_votes', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'db_table': 'participation_commentvote',
                    'constraints': [models.UniqueConstraint(fields=('comment', 'user'), name='participation_one_vote_per_comment')],
                },
            ),
        ]),
        migrations.RunPython(content_types_to_comments, content_types_to_participation),
    ]
