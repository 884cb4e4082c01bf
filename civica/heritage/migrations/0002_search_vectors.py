"""Search vectors for the site search (``civica/search``; this app's entries in ``searchables.py``): a
locality's name (A, in both configurations: a name has no language), what makes it remarkable (B) and its
history (C); a heritage object's name (A) and description (B); a remarkable site's name (A), panel text (B)
and description (C); each language with its own configuration (accents ignored through ``unaccent``, as
the other apps' search-vector migrations do; a migration keeps its own copy of the expression). A
``search_vector`` column ``GENERATED ALWAYS AS (…) STORED`` and a GIN index per table.

On SQLite (and any other database) every operation here does nothing.
"""

from django.db import migrations

TABLES = {
    "heritage_locality": [("name", "A"), ("remarkable_{language}", "B"), ("history_{language}", "C")],
    "heritage_heritageobject": [("name_{language}", "A"), ("description_{language}", "B"), ("lmi_code", "C")],
    "heritage_site": [("name_{language}", "A"), ("panel_text_{language}", "B"), ("description_{language}", "C")],
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
        ("heritage", "0001_initial"),
        ("participation", "0005_search"),  # the civica_ro and civica_en text search configurations
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
