"""A harvest asked for by an editor and run by the queue, with its status and outcome; at most one
under way per workshop."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('workshops', '0004_binary_vectors'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Harvest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('requested_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('status', models.CharField(choices=[('queued', 'Under way'), ('done', 'Done'), ('failed', 'Failed')], default='queued', max_length=10)),
                ('finished_at', models.DateTimeField(blank=True, null=True)),
                ('themes_found', models.PositiveIntegerField(default=0)),
                ('notes_offered', models.PositiveIntegerField(default=0)),
                ('requested_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('workshop', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='harvests', to='workshops.workshop')),
            ],
            options={
                'verbose_name': 'harvest',
                'verbose_name_plural': 'harvests',
                'ordering': ['-requested_at', '-id'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'queued')), fields=('workshop',), name='workshops_one_harvest_under_way')],
            },
        ),
    ]
