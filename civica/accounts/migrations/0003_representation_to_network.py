# Issue 13: Representation now belongs to network (network.0005 takes over its table and rows).
# Only the model state goes here: the table is kept.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_email_frequency"),
        ("network", "0005_representation"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Representation")],
        ),
    ]
