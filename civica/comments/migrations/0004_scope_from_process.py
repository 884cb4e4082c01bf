"""Every comment in a consultation gets that consultation as its scope, in one statement (comments
outside consultations keep an empty scope: the site's moderators). Backwards, the consultation comes
back."""

from django.db import migrations
from django.db.models import F


def _process_type(apps, create):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if create:
        return ContentType.objects.get_or_create(app_label="participation", model="process")[0]
    return ContentType.objects.filter(app_label="participation", model="process").first()


def scope_from_process(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    in_process = Comment.objects.filter(process__isnull=False)
    if in_process.exists():
        in_process.update(scope_type=_process_type(apps, create=True), scope_id=F("process_id"))


def process_from_scope(apps, schema_editor):
    process_type = _process_type(apps, create=False)
    if process_type is not None:
        apps.get_model("comments", "Comment").objects.filter(scope_type=process_type).update(
            process_id=F("scope_id"))


class Migration(migrations.Migration):

    dependencies = [
        ('comments', '0003_scope_columns'),
    ]

    operations = [
        migrations.RunPython(scope_from_process, process_from_scope),
    ]
