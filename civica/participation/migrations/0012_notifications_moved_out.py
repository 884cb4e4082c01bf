"""Follows and notifications moved to their own app (``civica.notifications``): forgotten here, in the
state only. Their tables and rows stay; notifications 0001 takes them over and 0002 renames them."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('participation', '0011_bilingual_debates_and_polls'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.DeleteModel(name='Follow'),
            migrations.DeleteModel(name='Notification'),
        ]),
    ]
