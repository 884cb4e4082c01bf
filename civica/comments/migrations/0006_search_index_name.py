"""The GIN index of comments' stored search vector (created by participation's migration 0006 on the
table that 0002 renamed) takes the renamed table's name, as every other searchable table's index does.

On SQLite (and any other database) there is no such index and this does nothing.
"""

from django.db import migrations


def _rename(old, new):
    def rename(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER INDEX IF EXISTS {old} RENAME TO {new}")

    return rename


class Migration(migrations.Migration):

    dependencies = [
        ("comments", "0005_drop_process"),
    ]

    operations = [
        migrations.RunPython(_rename("participation_comment_search", "comments_comment_search"),
                             _rename("comments_comment_search", "participation_comment_search")),
    ]
