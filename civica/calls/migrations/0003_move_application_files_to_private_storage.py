"""Applications' files leave the public media folder (``calls/applications/<code>-<field>.<ext>``,
which anyone could fetch by name) for the private storage, under random names. Rows stay valid:
only the stored name changes; size and SHA-256 (which receipts quote) are those of the same bytes."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations

from civica.core.uploads import private_storage, random_name


def move_to_private_storage(apps, schema_editor):
    ApplicationFile = apps.get_model("calls", "ApplicationFile")
    private = private_storage()
    for stored in ApplicationFile.objects.exclude(file="").iterator():
        old_name = stored.file.name
        if not default_storage.exists(old_name):
            continue  # already private, or lost before this migration
        with default_storage.open(old_name, "rb") as handle:
            content = handle.read()
        extension = old_name.rsplit(".", 1)[-1] if "." in old_name else "bin"
        new_name = private.save(f"calls/applications/{random_name(extension)}", ContentFile(content))
        ApplicationFile.objects.filter(pk=stored.pk).update(file=new_name)
        default_storage.delete(old_name)


class Migration(migrations.Migration):

    dependencies = [("calls", "0002_private_files_and_anonymised_applications")]

    operations = [migrations.RunPython(move_to_private_storage, migrations.RunPython.noop, elidable=True)]
