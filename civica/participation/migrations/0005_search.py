"""Full-text search on PostgreSQL: unaccent, two text search configurations, GIN expression indexes.

``civica_ro`` and ``civica_en`` copy PostgreSQL's ``romanian`` and ``english`` configurations and
pass words through the ``unaccent`` dictionary before stemming, so "cultura" and "cultură" give
the same lexeme. ``to_tsvector`` with an explicit configuration is IMMUTABLE, so the vectors can
be indexed; each index expression below is, character for character, the SQL that
``civica/participation/search.py`` builds with Django's ``SearchVector`` (the planner only uses an
expression index for the very same expression; ``test_search.py`` checks that it does).

On SQLite (and any other database) every operation here does nothing: search falls back to an
accent-insensitive substring match there.
"""

from django.db import migrations

CONFIGURATIONS = {"civica_ro": ("romanian", "romanian_stem"), "civica_en": ("english", "english_stem")}


def _vector(config, column, weight):
    return f"setweight(to_tsvector('{config}'::regconfig, COALESCE({column}, '')), '{weight}')"


def _both(columns):
    """The Romanian vector of every column, then the English one (as search.py concatenates them)."""
    return " || ".join(_vector(config, column, weight) for config in CONFIGURATIONS for column, weight in columns)


INDEXES = {
    "participation_idea_search": ("participation_idea", _both([("title", "A"), ("body", "B")])),
    "participation_debate_search": ("participation_debate", _both([("question", "A"), ("description", "B")])),
    "participation_comment_search": ("participation_comment", _both([("body", "B")])),
    # A process's texts are written in a known language: each is read with its own configuration.
    "participation_process_search": ("participation_process", " || ".join([
        _vector("civica_ro", "title_ro", "A"), _vector("civica_ro", "summary_ro", "B"),
        _vector("civica_en", "title_en", "A"), _vector("civica_en", "summary_en", "B"),
    ])),
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (source, stemmer) in CONFIGURATIONS.items():
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{source})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer}"
        )
    for index, (table, expression) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin (({expression}))")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
    # The unaccent extension stays: it belongs to the database, and other code may use it.
    # Creating it again is harmless (IF NOT EXISTS).


class Migration(migrations.Migration):

    dependencies = [
        ("participation", "0004_polls"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
