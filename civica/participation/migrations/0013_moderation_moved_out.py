"""Reports and the moderation log moved to their own app (``civica.moderation``): forgotten here, in
the state only. Their tables and rows stay; moderation 0001 takes them over, 0002 renames them and
0003–0005 replace their consultation by a generic scope."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('participation', '0012_notifications_moved_out'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.DeleteModel(name='Report'),
            migrations.DeleteModel(name='ModerationAction'),
        ]),
    ]
