"""Documents published or not, their PDFs in the private storage: a document that existed was public, so it
stays published, and its file moves from the public storage to the private one (same name)."""

import civica.core.uploads
from django.db import migrations, models


def move_to_private(apps, schema_editor):
    from django.core.files.storage import default_storage

    private = civica.core.uploads.private_storage()
    Document = apps.get_model("archive", "Document")
    for document in Document.objects.exclude(file="").iterator():
        name = document.file.name
        if default_storage.exists(name) and not private.exists(name):
            with default_storage.open(name, "rb") as handle:
                private.save(name, handle)
            default_storage.delete(name)
    Document.objects.update(is_published=True)


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0006_search_text_trigrams'),
    ]

    operations = [
        migrations.AddField(
            model_name='document',
            name='is_published',
            field=models.BooleanField(default=False, verbose_name='published'),
        ),
        migrations.AlterField(
            model_name='document',
            name='file',
            field=models.FileField(storage=civica.core.uploads.private_storage, upload_to=civica.core.uploads.RandomName('archive/documents'), verbose_name='PDF'),
        ),
        migrations.RunPython(move_to_private, migrations.RunPython.noop),
    ]
