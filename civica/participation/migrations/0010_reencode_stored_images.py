"""Images already published (ideas, consultations) are re-encoded without their metadata (EXIF with
GPS and author, XMP, ICC) under random names, as new uploads are; ideas' documents get random names.
The old files are removed. A file that cannot be read is left as it is."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import migrations

from civica.core.uploads import random_name, reencode_image


def _renew(model, field_name, folder, reencode):
    for row in model.objects.exclude(**{field_name: ""}).iterator():
        stored = getattr(row, field_name)
        storage, old_name = stored.storage, stored.name
        if not storage.exists(old_name):
            continue
        with storage.open(old_name, "rb") as handle:
            content = ContentFile(handle.read(), name=old_name)
        if reencode:
            try:
                content = reencode_image(content)
            except ValidationError:
                continue
        extension = content.name.rsplit(".", 1)[-1] if "." in content.name else "bin"
        new_name = storage.save(f"{folder}/{random_name(extension)}", content)
        model.objects.filter(pk=row.pk).update(**{field_name: new_name})
        storage.delete(old_name)


def renew_uploads(apps, schema_editor):
    Idea = apps.get_model("participation", "Idea")
    Process = apps.get_model("participation", "Process")
    _renew(Idea, "image", "ideas/images", reencode=True)
    _renew(Idea, "attachment", "ideas/documents", reencode=False)
    _renew(Process, "hero_image", "processes", reencode=True)


class Migration(migrations.Migration):

    dependencies = [("participation", "0009_uploads_under_random_names")]

    operations = [migrations.RunPython(renew_uploads, migrations.RunPython.noop, elidable=True)]
