"""Hidden content gets a partial index: the moderation queue lists it without reading the whole table
(issue 17: a sequential scan of 500,000 comments and 50,000 ideas took most of a second a page)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('participation', '0018_idea_tally_and_list_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='debate',
            index=models.Index(condition=models.Q(('is_hidden', True)), fields=['id'], name='debate_hidden'),
        ),
        migrations.AddIndex(
            model_name='idea',
            index=models.Index(condition=models.Q(('is_hidden', True)), fields=['id'], name='idea_hidden'),
        ),
    ]
