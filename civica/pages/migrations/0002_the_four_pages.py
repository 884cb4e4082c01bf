"""The four pages exist on a fresh database: About and CIIC from the sources, the accessibility
statement and the privacy notice with the text of the templates they replace (civica/pages/initial.py)."""

from django.db import migrations
from django.utils import timezone


def create_pages(apps, schema_editor):
    from civica.pages.initial import create_missing

    create_missing(apps.get_model("pages", "Page"), apps.get_model("pages", "PageRevision"), now=timezone.now())


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_pages")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
