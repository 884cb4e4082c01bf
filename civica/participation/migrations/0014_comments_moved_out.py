"""Comments and their votes moved to their own app (``civica.comments``): forgotten here, in the state
only. Their tables and rows stay; comments 0001 takes them over and 0002 renames them."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('participation', '0013_moderation_moved_out'),
        # meetings 0005 moved the meetings' comments into participation's Comment (historical model)
        ('meetings', '0005_threaded_meeting_comments'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.DeleteModel(name='CommentVote'),
            migrations.DeleteModel(name='Comment'),
        ]),
    ]
