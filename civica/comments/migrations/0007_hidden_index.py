"""Hidden content gets a partial index: the moderation queue lists it without reading the whole table
(issue 17: a sequential scan of 500,000 comments and 50,000 ideas took most of a second a page)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('comments', '0006_search_index_name'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='comment',
            index=models.Index(condition=models.Q(('is_hidden', True)), fields=['id'], name='comment_hidden'),
        ),
    ]
