"""A trigram index on ``archive_work.search_text`` (PostgreSQL's ``pg_trgm``): the catalogue's text search is
``search_text LIKE '%word%'`` for every word, which no B-tree can serve; a GIN index of trigrams can (for
words of three letters or more), so a word found in 5,000 of 50,000 works is no longer a scan of them all.

On SQLite (and any other database) both operations do nothing.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = "archive_work_search_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON archive_work USING gin (search_text gin_trgm_ops)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0005_work_place")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
