"""The moved tables take the app's name (``meetings_workshop`` → ``workshops_workshop``, …; the
action items' themes table follows its model). Rows, keys and constraints stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('workshops', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name=name, table=None)
        for name in ['workshop', 'workshopquestion', 'workshoptable', 'workshopround', 'theme', 'contribution',
                     'dotvote', 'actionitem']
    ]
