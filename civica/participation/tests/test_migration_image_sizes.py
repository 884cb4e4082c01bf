"""Migration 0015: images stored before it (a consultation's, an idea's) get their renditions and
their size; a row whose file is missing keeps its name and no size, and the migration goes on. One
test (it rebuilds part of the schema); runs on PostgreSQL (``core.tests.upgrades``)."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from PIL import Image

from civica.core.tests.upgrades import upgrade_on_postgresql
from civica.core.uploads import rendition_name

pytestmark = upgrade_on_postgresql

BEFORE = ("participation", "0014_comments_moved_out")


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_images_stored_before_get_their_renditions_and_size():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    before = [node for node in latest if node[0] != "participation"] + [BEFORE]
    executor = _migrate(before)
    old = executor.loader.project_state(before).apps
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 400), "#8a1c3b").save(buffer, format="PNG")
    stored = default_storage.save("processes/0123456789abcdef0123456789abcdef.png", ContentFile(buffer.getvalue()))
    today = datetime.date(2026, 1, 1)
    Process = old.get_model("participation", "Process")
    with_image = Process.objects.create(slug="cu-imagine", title_ro="Cu imagine", summary_ro="R", starts_on=today,
                                        ends_on=today, hero_image=stored, hero_image_alt="Un dreptunghi")
    missing = Process.objects.create(slug="fara-fisier", title_ro="Fără fișier", summary_ro="R", starts_on=today,
                                     ends_on=today, hero_image="processes/missing.png", hero_image_alt="Lipsă")

    _migrate(latest)

    from civica.participation.models import Process as NewProcess

    row = NewProcess.objects.get(pk=with_image.pk)
    assert (row.hero_image_width, row.hero_image_height) == (1000, 400)
    assert default_storage.exists(rendition_name(stored, 480)) and default_storage.exists(rendition_name(stored, 960))
    assert not default_storage.exists(rendition_name(stored, 1600))
    gone = NewProcess.objects.get(pk=missing.pk)
    assert gone.hero_image.name == "processes/missing.png" and gone.hero_image_width is None
