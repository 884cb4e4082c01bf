"""The world-café workshops moved to their own app (``civica.workshops``): forgotten here, in the
state only. Their tables and rows stay; workshops 0001 takes them over and 0002 renames them."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0008_meeting_when_known'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.RemoveField(
                model_name='contribution',
                name='author',
            ),
            migrations.RemoveField(
                model_name='contribution',
                name='round',
            ),
            migrations.RemoveField(
                model_name='contribution',
                name='table',
            ),
            migrations.RemoveField(
                model_name='contribution',
                name='theme',
            ),
            migrations.RemoveField(
                model_name='dotvote',
                name='theme',
            ),
            migrations.RemoveField(
                model_name='dotvote',
                name='voter',
            ),
            migrations.RemoveField(
                model_name='theme',
                name='workshop',
            ),
            migrations.RemoveField(
                model_name='workshop',
                name='meeting',
            ),
            migrations.RemoveField(
                model_name='workshopround',
                name='workshop',
            ),
            migrations.RemoveField(
                model_name='workshoptable',
                name='workshop',
            ),
            migrations.RemoveField(
                model_name='workshopquestion',
                name='workshop',
            ),
            migrations.RemoveField(
                model_name='workshoptable',
                name='question',
            ),
            migrations.RemoveField(
                model_name='workshoptable',
                name='facilitator',
            ),
            migrations.DeleteModel(
                name='ActionItem',
            ),
            migrations.DeleteModel(
                name='Contribution',
            ),
            migrations.DeleteModel(
                name='DotVote',
            ),
            migrations.DeleteModel(
                name='Theme',
            ),
            migrations.DeleteModel(
                name='WorkshopRound',
            ),
            migrations.DeleteModel(
                name='Workshop',
            ),
            migrations.DeleteModel(
                name='WorkshopQuestion',
            ),
            migrations.DeleteModel(
                name='WorkshopTable',
            ),
        ]),
    ]
