"""The three lists the centre's plans name (issue 15, point 4): its monthly newsletter, the innovation
division's (CIIC) and Art & Well-being's."""

from django.db import migrations

from civica.newsletter.defaults import LISTS, ensure_lists


def create_lists(apps, schema_editor):
    ensure_lists(apps.get_model("newsletter", "NewsletterList"))


def delete_lists(apps, schema_editor):
    apps.get_model("newsletter", "NewsletterList").objects.filter(slug__in=[row[0] for row in LISTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]
    operations = [migrations.RunPython(create_lists, delete_lists)]
