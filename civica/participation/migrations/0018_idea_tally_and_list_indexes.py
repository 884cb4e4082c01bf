"""The ideas list flat in a large process: its count from a tally per process, category and status
(IdeaTally), filled here from the ideas there are; its three orders' indexes ending with the columns it
filters on, so a page's ids come from the index alone; an index of the random order's shuffle; a partial
index on the hidden ideas."""

import django.db.models.deletion
import django.db.models.expressions
import django.db.models.functions.math
from django.conf import settings
from django.db import migrations, models
from django.db.models import Count


def fill_tallies(apps, schema_editor):
    Idea = apps.get_model("participation", "Idea")
    IdeaTally = apps.get_model("participation", "IdeaTally")
    rows = Idea.objects.order_by().values("process_id", "category_id", "status").annotate(ideas=Count("pk"))
    IdeaTally.objects.bulk_create([
        IdeaTally(process_id=row["process_id"], category_key=row["category_id"] or 0, status=row["status"],
                  count=row["ideas"])
        for row in rows
    ], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('participation', '0017_process_programme'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='IdeaTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('category_key', models.PositiveBigIntegerField(default=0, verbose_name='category')),
                ('status', models.CharField(choices=[('published', 'Published'), ('evaluating', 'Being evaluated'), ('accepted', 'Accepted'), ('rejected', 'Rejected'), ('in_implementation', 'In implementation'), ('implemented', 'Implemented')], max_length=20, verbose_name='status')),
                ('count', models.IntegerField(default=0, verbose_name='ideas')),
            ],
            options={
                'verbose_name': 'idea tally',
                'verbose_name_plural': 'idea tallies',
            },
        ),
        migrations.RemoveIndex(
            model_name='idea',
            name='idea_process_supports',
        ),
        migrations.RemoveIndex(
            model_name='idea',
            name='idea_process_newest',
        ),
        migrations.AddIndex(
            model_name='idea',
            index=models.Index(fields=['process', '-support_count', '-id', 'is_hidden', 'author', 'status', 'category'], name='idea_process_supports'),
        ),
        migrations.AddIndex(
            model_name='idea',
            index=models.Index(fields=['process', '-created_at', '-id', 'is_hidden', 'author', 'status', 'category'], name='idea_process_newest'),
        ),
        migrations.AddIndex(
            model_name='idea',
            index=models.Index(fields=['process', '-comment_count', '-id', 'is_hidden', 'author', 'status', 'category'], name='idea_process_commented'),
        ),
        migrations.AddIndex(
            model_name='idea',
            index=models.Index(models.F('process'), django.db.models.functions.math.Mod(django.db.models.expressions.CombinedExpression(models.F('id'), '*', models.Value(7919)), 10007, output_field=models.BigIntegerField()), models.F('id'), models.F('is_hidden'), models.F('author'), models.F('status'), models.F('category'), name='idea_process_shuffled'),
        ),
        migrations.AddIndex(
            model_name='idea',
            index=models.Index(condition=models.Q(('is_hidden', True)), fields=['process'], name='idea_process_hidden'),
        ),
        migrations.AddField(
            model_name='ideatally',
            name='process',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='idea_tallies', to='participation.process', verbose_name='process'),
        ),
        migrations.AddConstraint(
            model_name='ideatally',
            constraint=models.UniqueConstraint(fields=('process', 'category_key', 'status'), name='participation_idea_tally_one_row'),
        ),
        migrations.RunPython(fill_tallies, migrations.RunPython.noop),
    ]
