"""A report's and an action's consultation becomes a generic scope (as ``RoleAssignment.scope``):
first the two columns, empty; 0004 fills them from the consultation, 0005 drops it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('moderation', '0002_moderation_tables'),
    ]

    operations = [
        migrations.AddField(
            model_name='moderationaction',
            name='scope_id',
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name='scope id'),
        ),
        migrations.AddField(
            model_name='moderationaction',
            name='scope_type',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype', verbose_name='scope type'),
        ),
        migrations.AddField(
            model_name='report',
            name='scope_id',
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name='scope id'),
        ),
        migrations.AddField(
            model_name='report',
            name='scope_type',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype', verbose_name='scope type'),
        ),
    ]
