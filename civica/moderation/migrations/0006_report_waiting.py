"""Reports that wait for a moderator get a partial index: the queue finds and counts them through it."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('moderation', '0005_drop_process'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='report',
            index=models.Index(condition=models.Q(('is_resolved', False)), fields=['target_type', 'target_id'], name='report_waiting'),
        ),
    ]
