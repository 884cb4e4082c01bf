"""Search vectors for the site search (``civica/search``; this app's entries in ``searchables.py``), for
news articles: title (A), summary (B) and text (C), each language with its own configuration, as the
other apps' search-vector migrations do (a migration is frozen history, so it keeps its own copy of
the expression). A ``search_vector`` column ``GENERATED ALWAYS AS (…) STORED`` and a GIN index.

On SQLite (and any other database) every operation here does nothing.
"""

from django.db import migrations

TABLE = "news_article"
COLUMNS = [("title", "A"), ("summary", "B"), ("body", "C")]


def _expression():
    return " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig, COALESCE({name}_{language}, '')), '{weight}')"
        for language, config in (("ro", "civica_ro"), ("en", "civica_en")) for name, weight in COLUMNS)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({_expression()}) STORED")
    schema_editor.execute(f"CREATE INDEX {TABLE}_search ON {TABLE} USING gin (search_vector)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {TABLE}_search")
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):

    dependencies = [
        ("news", "0001_initial"),
        ("participation", "0005_search"),  # the civica_ro and civica_en text search configurations
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
