"""Every report and action of a consultation gets that consultation as its scope (those of no
consultation keep an empty scope: the site's moderators). Backwards, the consultation comes back."""

from django.db import migrations

MODELS = ["report", "moderationaction"]


def _process_type(apps, create):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if create:
        return ContentType.objects.get_or_create(app_label="participation", model="process")[0]
    return ContentType.objects.filter(app_label="participation", model="process").first()


def scope_from_process(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("moderation", name)
        rows = model.objects.filter(process__isnull=False)
        if rows.exists():
            process_type = _process_type(apps, create=True)
            for row in rows.only("pk", "process_id"):
                model.objects.filter(pk=row.pk).update(scope_type=process_type, scope_id=row.process_id)


def process_from_scope(apps, schema_editor):
    process_type = _process_type(apps, create=False)
    if process_type is None:
        return
    for name in MODELS:
        model = apps.get_model("moderation", name)
        for row in model.objects.filter(scope_type=process_type).only("pk", "scope_id"):
            model.objects.filter(pk=row.pk).update(process_id=row.scope_id)


class Migration(migrations.Migration):

    dependencies = [
        ('moderation', '0003_scope_columns'),
    ]

    operations = [
        migrations.RunPython(scope_from_process, process_from_scope),
    ]
