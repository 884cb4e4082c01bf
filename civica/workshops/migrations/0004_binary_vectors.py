"""Notes' meaning vectors as float32 bytes instead of JSON text (decoding 10,000 as JSON took 1.6 s).

PostgreSQL cannot cast ``jsonb`` to ``bytea``, so the bytes go to a new column, every stored vector
is converted (in batches, little-endian float32, as ``embeddings.stored_vector`` writes them), the JSON
column is dropped and the new one takes its name. Backwards, the same steps the other way: the bytes
become lists of numbers again (rounded to 6 decimals, as they were stored)."""

import struct

from django.db import migrations, models

BATCH = 500


def _convert(apps, source, target, convert):
    Contribution = apps.get_model("workshops", "Contribution")
    rows = Contribution.objects.exclude(**{f"{source}__isnull": True}).only("pk", source).order_by("pk")
    batch = []
    for row in rows.iterator(chunk_size=BATCH):
        setattr(row, target, convert(getattr(row, source)))
        batch.append(row)
        if len(batch) == BATCH:
            Contribution.objects.bulk_update(batch, [target])
            batch = []
    if batch:
        Contribution.objects.bulk_update(batch, [target])


def _to_bytes(vector):
    """The JSON list as bytes; anything else kept there (never written by Civica) counts as missing,
    so the next harvest computes it again."""
    if not isinstance(vector, list) or not all(isinstance(value, int | float) for value in vector):
        return None
    return struct.pack(f"<{len(vector)}f", *vector)


def _to_list(stored):
    stored = bytes(stored)
    return [round(value, 6) for value in struct.unpack(f"<{len(stored) // 4}f", stored)]


def json_to_bytes(apps, schema_editor):
    _convert(apps, "embedding", "embedding_bytes", _to_bytes)


def bytes_to_json(apps, schema_editor):
    _convert(apps, "embedding_bytes", "embedding", _to_list)


class Migration(migrations.Migration):

    dependencies = [
        ('workshops', '0003_pause_and_placement'),
    ]

    operations = [
        migrations.AddField(
            model_name='contribution',
            name='embedding_bytes',
            field=models.BinaryField(blank=True, null=True),
        ),
        migrations.RunPython(json_to_bytes, bytes_to_json),
        migrations.RemoveField(
            model_name='contribution',
            name='embedding',
        ),
        migrations.RenameField(
            model_name='contribution',
            old_name='embedding_bytes',
            new_name='embedding',
        ),
    ]
