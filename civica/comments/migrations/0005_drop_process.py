"""The consultation column goes (0004 copied it into the scope); a scope is either whole or empty."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('comments', '0004_scope_from_process'),
    ]

    operations = [
        migrations.RemoveField(model_name='comment', name='process'),
        migrations.AddConstraint(
            model_name='comment',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('scope_id__isnull', True), ('scope_type__isnull', True)), models.Q(('scope_id__isnull', False), ('scope_type__isnull', False)), _connector='OR'), name='comments_comment_scope_complete'),
        ),
    ]
