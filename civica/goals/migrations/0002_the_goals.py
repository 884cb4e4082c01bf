"""The 17 Sustainable Development Goals and the EU Mission for 100 climate-neutral and smart cities by
2030 (their data: ``civica.goals.the_goals``)."""

from django.db import migrations

from civica.goals.the_goals import create_missing


def make_goals(apps, schema_editor):
    create_missing(apps.get_model("goals", "Goal"))


def remove_goals(apps, schema_editor):
    apps.get_model("goals", "Goal").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("goals", "0001_goal")]

    operations = [migrations.RunPython(make_goals, remove_goals)]
