"""Statements move onto civica.moderation's pre-moderation: an ``is_hidden`` column (what waits or was
taken out is hidden), their own ``review_reason`` becomes the rejection in the moderation log (every
rejected statement gets one, its reason kept) and the column goes."""

from django.db import migrations, models


def to_shared_moderation(apps, schema_editor):
    Statement = apps.get_model("participation", "Statement")
    ModerationAction = apps.get_model("moderation", "ModerationAction")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Statement.objects.filter(review_state__in=("waiting", "rejected")).update(is_hidden=True)
    rejected = list(Statement.objects.filter(review_state="rejected")
                    .values_list("pk", "review_reason", "conversation__process_id", "created_at"))
    if not rejected:
        return
    statement_type, _ = ContentType.objects.get_or_create(app_label="participation", model="statement")
    process_type, _ = ContentType.objects.get_or_create(app_label="participation", model="process")
    ModerationAction.objects.bulk_create([
        ModerationAction(target_type=statement_type, target_id=pk, scope_type=process_type, scope_id=process_id,
                         moderator=None, kind="reject", reason=reason or "—", created_at=created)
        for pk, reason, process_id, created in rejected])


def back_from_shared_moderation(apps, schema_editor):
    Statement = apps.get_model("participation", "Statement")
    ModerationAction = apps.get_model("moderation", "ModerationAction")
    ContentType = apps.get_model("contenttypes", "ContentType")
    statement_type = ContentType.objects.filter(app_label="participation", model="statement").first()
    if statement_type is None:
        return
    for action in ModerationAction.objects.filter(target_type=statement_type, kind="reject").order_by("created_at"):
        Statement.objects.filter(pk=action.target_id).update(review_reason=action.reason[:500])
    # A statement hidden after being shown was "taken out" (rejected) in the old model.
    Statement.objects.filter(is_hidden=True).exclude(review_state="waiting").update(review_state="rejected")


class Migration(migrations.Migration):

    dependencies = [
        ('participation', '0024_conversations'),
        ('moderation', '0007_premoderation'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='statement',
            options={'ordering': ['pk'], 'verbose_name': 'statement', 'verbose_name_plural': 'statements'},
        ),
        migrations.RemoveIndex(
            model_name='statement',
            name='conversation_statement_state',
        ),
        migrations.AddField(
            model_name='statement',
            name='is_hidden',
            field=models.BooleanField(default=False, verbose_name='hidden'),
        ),
        migrations.RunPython(to_shared_moderation, back_from_shared_moderation),
        migrations.RemoveField(
            model_name='statement',
            name='review_reason',
        ),
        migrations.AlterField(
            model_name='statement',
            name='review_state',
            field=models.CharField(blank=True, choices=[('', 'published without review'), ('waiting', 'awaiting review'), ('approved', 'approved'), ('rejected', 'not published')], default='', editable=False, max_length=8, verbose_name='review'),
        ),
        migrations.AddIndex(
            model_name='statement',
            index=models.Index(fields=['conversation', 'is_hidden'], name='conversation_statement_shown'),
        ),
        migrations.AddIndex(
            model_name='statement',
            index=models.Index(condition=models.Q(('review_state', 'waiting')), fields=['created_at'], name='conversation_statement_waiting'),
        ),
    ]
