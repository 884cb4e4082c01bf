# Issue 13: Representation moves from accounts to network, keeping its table and every row.
# accounts.0003 forgets the model (state only); here network takes over the existing table
# (state only), then renames it to network_representation and moves the content type, so
# permissions and anything pointing at the content type follow the model.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor, source="accounts", target="network"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    old = ContentType.objects.using(db).filter(app_label=source, model="representation").first()
    if old is None:
        return
    if ContentType.objects.using(db).filter(app_label=target, model="representation").exists():
        old.delete()
        return
    old.app_label = target
    old.save(update_fields=["app_label"])


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="network", target="accounts")


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_email_frequency"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("network", "0004_figures"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Representation",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name="ID")),
                        ("position", models.CharField(blank=True, max_length=120, verbose_name="position")),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="since")),
                        ("organisation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                                           related_name="representatives", to="network.organisation",
                                                           verbose_name="organisation")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                                   related_name="representations", to=settings.AUTH_USER_MODEL,
                                                   verbose_name="user")),
                    ],
                    options={
                        "verbose_name": "representation",
                        "verbose_name_plural": "representations",
                        "db_table": "accounts_representation",
                        "constraints": [models.UniqueConstraint(fields=("user", "organisation"),
                                                                name="accounts_representation_unique")],
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="representation", table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
