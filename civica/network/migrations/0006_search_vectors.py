"""Search vectors for the site search (``civica/search``; this app's entries in ``searchables.py``), for organisations, programmes and spaces.

As participation's migration 0006 did for consultations: each table gets a ``search_vector`` column,
``GENERATED ALWAYS AS (…) STORED`` from its texts with the ``civica_ro``/``civica_en`` configurations
(participation's migration 0005 creates them), and a GIN index on it. PostgreSQL keeps the column
current on every insert and update; the models do not declare it (``civica/search/query.py`` reads
it by name), so visibility stays a filter at query time. Bilingual texts are read each with its own configuration; texts of unknown language (names, places) with both.

On SQLite (and any other database) every operation here does nothing.
"""

from django.db import migrations

CONFIGURATIONS = ("civica_ro", "civica_en")


def _vector(config, column, weight):
    return f"setweight(to_tsvector('{config}'::regconfig, COALESCE({column}, '')), '{weight}')"


def _both(columns):
    """Texts of unknown language: the Romanian vector of every column, then the English one."""
    return " || ".join(_vector(config, column, weight) for config in CONFIGURATIONS for column, weight in columns)


def _bilingual(columns):
    """``<name>_ro`` read as Romanian, ``<name>_en`` as English."""
    return " || ".join([_vector("civica_ro", f"{name}_ro", weight) for name, weight in columns]
                       + [_vector("civica_en", f"{name}_en", weight) for name, weight in columns])


VECTORS = {
    "network_organisation": " || ".join([_both([("name", "A")]), _bilingual([("description", "B")]),
                                        _both([("city", "C")])]),
    "network_programme": _bilingual([("name", "A"), ("summary", "B")]),
    "network_space": " || ".join([_bilingual([("name", "A"), ("description", "B")]), _both([("address", "C")])]),
}


def _index(table):
    return f"{table}_search"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, expression in VECTORS.items():
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({expression}) STORED")
        schema_editor.execute(f"CREATE INDEX {_index(table)} ON {table} USING gin (search_vector)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in VECTORS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {_index(table)}")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):

    dependencies = [
        ("network", "0005_representation"),
        ("participation", "0005_search"),  # the civica_ro and civica_en text search configurations
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
