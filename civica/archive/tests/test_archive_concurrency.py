"""Writes of the archive under parallel requests (PostgreSQL; SQLite serialises every writer): an edit
that empties a required field racing the publication never leaves a published work (or collection)
incomplete; two
imports of one file at once make each work once and never fail with an error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from civica.archive import importing, services
from civica.archive.checks import missing_fields
from civica.archive.models import Work, WorkStatus
from civica.archive.tests.factories import WorkFactory, image_for
from civica.core.tests.concurrency import run_together, skip_unless_postgresql

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def test_publishing_racing_an_edit_never_publishes_an_incomplete_work(editor):
    for _attempt in range(3):
        work = WorkFactory(status=WorkStatus.DRAFT)
        image_for(work)
        outcomes = run_together([lambda work=work: services.work_publish(work=work, by=editor),
                                 lambda work=work: services.work_save(by=editor, work=work, dimensions="")])
        work.refresh_from_db()
        assert not (work.status == WorkStatus.PUBLISHED and missing_fields(work))
        assert sum(outcome is None for outcome in outcomes) == 1  # exactly one of the two went through


def test_publishing_a_collection_racing_an_edit_never_publishes_it_incomplete(editor):
    from civica.archive.models import Collection

    for attempt in range(3):
        work = WorkFactory()
        collection = Collection.objects.create(slug=f"c-{attempt}", title_ro="Colecția", title_en="The collection",
                                               description_ro="Selecția.")
        collection.works.add(work)
        outcomes = run_together([
            lambda collection=collection: services.record_publish(record=collection, by=editor),
            lambda collection=collection: services.collection_save(by=editor, collection=collection, title_en=""),
        ])
        collection.refresh_from_db()
        assert not (collection.is_published and not collection.title_en)
        assert sum(outcome is None for outcome in outcomes) == 1  # exactly one of the two went through


CSV = b"inventory_number,title_ro,artist,medium,tags\nR-1,Unu,Ana Pop,Pictura,Oras\nR-2,Doi,Ana Pop,Pictura,Oras\n"


def test_two_imports_of_one_file_at_once_make_each_work_once(editor):
    reports = []

    def run():
        reports.append(importing.run(SimpleUploadedFile("w.csv", CSV), by=editor, apply=True))

    outcomes = run_together([run, run])
    assert outcomes == [None, None]
    assert sorted(Work.objects.values_list("inventory_number", flat=True)) == ["R-1", "R-2"]
    assert any(report.applied for report in reports)
