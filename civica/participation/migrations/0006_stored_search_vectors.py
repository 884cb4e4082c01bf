"""Search vectors stored in a generated column, so ranking does not parse every matching text again.

Migration 0005 indexed the vectors as GIN *expressions*: the index found the matching rows, but
``ts_rank`` (and the recheck of a lossy bitmap) recomputed ``to_tsvector`` of every one of them, so
a common word ("cultura" in 21,000 of 50,000 ideas) cost over a second of PostgreSQL time. Here each
table gets a ``search_vector`` column, ``GENERATED ALWAYS AS (…) STORED`` from the same expression:
PostgreSQL keeps it current on every insert and update (COPY included), and the GIN index moves
onto the column. Django's models do not declare the column (it exists on PostgreSQL only and is
never written): ``civica/participation/search.py`` reads it by name.

On SQLite (and any other database) every operation here does nothing.
"""

from django.db import migrations

CONFIGURATIONS = ("civica_ro", "civica_en")


def _vector(config, column, weight):
    return f"setweight(to_tsvector('{config}'::regconfig, COALESCE({column}, '')), '{weight}')"


def _both(columns):
    """Texts of unknown language: the Romanian vector of every column, then the English one."""
    return " || ".join(_vector(config, column, weight) for config in CONFIGURATIONS for column, weight in columns)


VECTORS = {
    "participation_idea": _both([("title", "A"), ("body", "B")]),
    "participation_debate": _both([("question", "A"), ("description", "B")]),
    "participation_comment": _both([("body", "B")]),
    # A process's texts are written in a known language: each is read with its own configuration.
    "participation_process": " || ".join([
        _vector("civica_ro", "title_ro", "A"), _vector("civica_ro", "summary_ro", "B"),
        _vector("civica_en", "title_en", "A"), _vector("civica_en", "summary_en", "B"),
    ]),
}


def _index(table):
    return f"{table}_search"  # the name migration 0005 gave the expression index


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, expression in VECTORS.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {_index(table)}")
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({expression}) STORED")
        schema_editor.execute(f"CREATE INDEX {_index(table)} ON {table} USING gin (search_vector)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, expression in VECTORS.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {_index(table)}")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
        schema_editor.execute(f"CREATE INDEX {_index(table)} ON {table} USING gin (({expression}))")


class Migration(migrations.Migration):

    dependencies = [
        ("participation", "0005_search"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
