"""Search vectors for the site search (``civica/search``; this app's entries in ``searchables.py``): a work's
title (A), description (B) and technique (C), and an artist's name (A, in both configurations: a name has
no language) and biography (B), each language with its own configuration (accents ignored through
``unaccent``, as the other apps' search-vector migrations do; a migration keeps its own copy of the
expression). A ``search_vector`` column ``GENERATED ALWAYS AS (…) STORED`` and a GIN index per table.

On SQLite (and any other database) every operation here does nothing.
"""

from django.db import migrations

TABLES = {
    "archive_work": [("title_{language}", "A"), ("description_{language}", "B"), ("technique_{language}", "C")],
    "archive_artist": [("name", "A"), ("bio_{language}", "B")],
}


def _expression(columns):
    return " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig, COALESCE({name.format(language=language)}, '')), '{weight}')"
        for language, config in (("ro", "civica_ro"), ("en", "civica_en")) for name, weight in columns)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in TABLES.items():
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({_expression(columns)}) STORED")
        schema_editor.execute(f"CREATE INDEX {table}_search ON {table} USING gin (search_vector)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0001_initial"),
        ("participation", "0005_search"),  # the civica_ro and civica_en text search configurations
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
