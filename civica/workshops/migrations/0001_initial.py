"""The world-café workshops, moved out of ``meetings`` (meetings 0009 forgets them): the models are
created in the state only, on the tables ``meetings`` made (every row stays), and the content types
of the moved models change app (meetings → workshops), so generic references to a workshop (a
facilitator's ``RoleAssignment.scope``, follows, notifications) keep pointing at it. 0002 renames
the tables to ``workshops_*``."""

import civica.core.i18n
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MOVED = ["workshop", "workshopquestion", "workshoptable", "workshopround", "theme", "contribution", "dotvote",
         "actionitem"]


def _move_content_types(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        # A fresh database has no content types yet (post_migrate makes them); one that has both keeps
        # the row that generic references point at.
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)
    ContentType.objects.clear_cache()


def content_types_to_workshops(apps, schema_editor):
    _move_content_types(apps, "meetings", "workshops")


def content_types_to_meetings(apps, schema_editor):
    _move_content_types(apps, "workshops", "meetings")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accountability', '0004_section_en_and_unit_singulars'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('meetings', '0009_workshops_moved_out'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='Theme',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('position', models.PositiveSmallIntegerField(default=0)),
                    ('label', models.CharField(max_length=120, verbose_name='label')),
                    ('curated', models.BooleanField(default=False, verbose_name='curated by staff')),
                ],
                options={
                    'db_table': 'meetings_theme',
                    'verbose_name': 'theme',
                    'verbose_name_plural': 'themes',
                    'ordering': ['position', 'id'],
                },
            ),
            migrations.CreateModel(
                name='DotVote',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                    ('voter', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='dots', to=settings.AUTH_USER_MODEL)),
                    ('theme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='dots', to='workshops.theme')),
                ],
                options={
                    'db_table': 'meetings_dotvote',
                },
            ),
            migrations.CreateModel(
                name='Workshop',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('slug', models.SlugField(max_length=100, unique=True, verbose_name='short name in addresses')),
                    ('participants_contribute', models.BooleanField(default=True, help_text="Otherwise only the tables' facilitators add contributions.", verbose_name='participants may contribute')),
                    ('no_account_needed', models.BooleanField(default=True, help_text="Anyone with a table's link (or QR code) may contribute without logging in.", verbose_name='no account needed')),
                    ('dots_per_person', models.PositiveSmallIntegerField(default=3, validators=[django.core.validators.MinValueValidator(1)], verbose_name='dots per person')),
                    ('closed_at', models.DateTimeField(blank=True, help_text='Table links stop working when the workshop is closed.', null=True, verbose_name='closed at')),
                    ('meeting', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='workshop', to='meetings.meeting', verbose_name='meeting')),
                ],
                options={
                    'db_table': 'meetings_workshop',
                    'verbose_name': 'world-café workshop',
                    'verbose_name_plural': 'world-café workshops',
                },
            ),
            migrations.AddField(
                model_name='theme',
                name='workshop',
                field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='themes', to='workshops.workshop'),
            ),
            migrations.CreateModel(
                name='ActionItem',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('position', models.PositiveSmallIntegerField(default=0)),
                    ('title', models.CharField(max_length=200, verbose_name='title')),
                    ('description', models.TextField(blank=True, verbose_name='description')),
                    ('owner', models.CharField(blank=True, max_length=200, verbose_name='owner')),
                    ('due_on', models.DateField(blank=True, null=True, verbose_name='due on')),
                    ('activity', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='action_items', to='accountability.activity', verbose_name='plan activity')),
                    ('themes', models.ManyToManyField(blank=True, related_name='action_items', to='workshops.theme', verbose_name='from the themes')),
                    ('workshop', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='action_items', to='workshops.workshop')),
                ],
                options={
                    'db_table': 'meetings_actionitem',
                    'verbose_name': 'action plan item',
                    'verbose_name_plural': 'action plan items',
                    'ordering': ['position', 'id'],
                },
            ),
            migrations.CreateModel(
                name='WorkshopQuestion',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                    ('text_ro', models.TextField(verbose_name='question (Romanian)')),
                    ('text_en', models.TextField(blank=True, verbose_name='question (English)')),
                    ('workshop', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='questions', to='workshops.workshop')),
                ],
                options={
                    'db_table': 'meetings_workshopquestion',
                    'verbose_name': 'guiding question',
                    'verbose_name_plural': 'guiding questions',
                    'ordering': ['position', 'id'],
                },
                bases=(civica.core.i18n.Bilingual, models.Model),
            ),
            migrations.CreateModel(
                name='WorkshopRound',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('number', models.PositiveSmallIntegerField(verbose_name='round')),
                    ('duration_minutes', models.PositiveSmallIntegerField(default=20, validators=[django.core.validators.MinValueValidator(1)], verbose_name='duration (minutes)')),
                    ('started_at', models.DateTimeField(blank=True, null=True, verbose_name='started at')),
                    ('workshop', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rounds', to='workshops.workshop')),
                ],
                options={
                    'db_table': 'meetings_workshopround',
                    'verbose_name': 'round',
                    'verbose_name_plural': 'rounds',
                    'ordering': ['number'],
                },
            ),
            migrations.CreateModel(
                name='WorkshopTable',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('number', models.PositiveSmallIntegerField(verbose_name='table number')),
                    ('topic', models.CharField(max_length=200, verbose_name='topic')),
                    ('facilitator', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='facilitated_tables', to=settings.AUTH_USER_MODEL, verbose_name='facilitator')),
                    ('question', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='tables', to='workshops.workshopquestion', verbose_name='question')),
                    ('workshop', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tables', to='workshops.workshop')),
                ],
                options={
                    'db_table': 'meetings_workshoptable',
                    'verbose_name': 'table',
                    'verbose_name_plural': 'tables',
                    'ordering': ['number'],
                },
            ),
            migrations.CreateModel(
                name='Contribution',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('text', models.CharField(max_length=500, verbose_name='contribution')),
                    ('author_key', models.CharField(blank=True, max_length=64)),
                    ('is_representative', models.BooleanField(default=False)),
                    ('embedding', models.JSONField(blank=True, null=True)),
                    ('embedding_model', models.CharField(blank=True, max_length=80)),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                    ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='contributions', to=settings.AUTH_USER_MODEL)),
                    ('theme', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='contributions', to='workshops.theme')),
                    ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contributions', to='workshops.workshopround')),
                    ('table', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contributions', to='workshops.workshoptable')),
                ],
                options={
                    'db_table': 'meetings_contribution',
                    'verbose_name': 'contribution',
                    'verbose_name_plural': 'contributions',
                    'ordering': ['created_at', 'id'],
                },
            ),
            migrations.AddConstraint(
                model_name='workshopround',
                constraint=models.UniqueConstraint(fields=('workshop', 'number'), name='meetings_round_number'),
            ),
            migrations.AddConstraint(
                model_name='workshoptable',
                constraint=models.UniqueConstraint(fields=('workshop', 'number'), name='meetings_table_number'),
            ),
        ]),
        migrations.RunPython(content_types_to_workshops, content_types_to_meetings),
    ]
