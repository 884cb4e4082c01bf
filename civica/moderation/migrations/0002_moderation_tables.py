"""The moved tables take the app's name (``participation_report`` → ``moderation_report``,
``participation_moderationaction`` → ``moderation_moderationaction``). Rows, keys and constraints stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('moderation', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name=name, table=None) for name in ['report', 'moderationaction']
    ]
