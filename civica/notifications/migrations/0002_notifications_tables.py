"""The moved tables take the app's name (``participation_follow`` → ``notifications_follow``,
``participation_notification`` → ``notifications_notification``). Rows, keys and constraints stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name=name, table=None) for name in ['follow', 'notification']
    ]
