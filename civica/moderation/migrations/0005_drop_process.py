"""The consultation column goes (0004 copied it into the scope); a scope is either whole or empty."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('moderation', '0004_scope_from_process'),
    ]

    operations = [
        migrations.RemoveField(model_name='moderationaction', name='process'),
        migrations.RemoveField(model_name='report', name='process'),
        migrations.AddConstraint(
            model_name='report',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('scope_id__isnull', True), ('scope_type__isnull', True)), models.Q(('scope_id__isnull', False), ('scope_type__isnull', False)), _connector='OR'), name='moderation_report_scope_complete'),
        ),
        migrations.AddConstraint(
            model_name='moderationaction',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('scope_id__isnull', True), ('scope_type__isnull', True)), models.Q(('scope_id__isnull', False), ('scope_type__isnull', False)), _connector='OR'), name='moderation_action_scope_complete'),
        ),
    ]
