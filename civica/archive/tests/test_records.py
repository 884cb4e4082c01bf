"""The staff's screens for artists, collections, exhibitions and events and their documents: who may open
them (every role), the required-fields check before publishing, works named by inventory numbers, a
document's PDF kept privately (metadata stripped) and served to the public only once published, query
counts that do not grow with the records, and no form input that makes a 500 (hypothesis)."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_
from hypothesis import strategies as st

from civica.archive.models import Artist, Collection, Document, Event, WorkStatus
from civica.archive.tests.factories import (
    ArtistFactory,
    CollectionFactory,
    WorkFactory,
    make_document,
    make_event,
    pdf_bytes,
)
from civica.archive.tests.test_rules_archive import EDITORS, KINDS
from civica.audit.models import AuditEntry
from civica.core.uploads import private_storage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", KINDS)
def test_staff_screens_answer_by_role(client, make_user, kind):
    artist, collection, event = ArtistFactory(), CollectionFactory(), make_event()
    document = make_document(event, published=False)
    user = make_user(kind)
    if kind != "anonymous":
        client.force_login(user)
    urls = ["/en/archive/manage/artists/", "/en/archive/manage/artists/new/",
            f"/en/archive/manage/artists/{artist.pk}/",
            "/en/archive/manage/collections/", "/en/archive/manage/collections/new/",
            f"/en/archive/manage/collections/{collection.pk}/", "/en/archive/manage/events/",
            "/en/archive/manage/events/new/", f"/en/archive/manage/events/{event.pk}/",
            f"/en/archive/manage/documents/{document.pk}/file/"]
    for url in urls:
        response = client.get(url)
        if kind in ("anonymous", "inactive"):
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
        elif kind in EDITORS:
            assert response.status_code == 200, url
        else:
            assert response.status_code == 403, url
            assert b"Only the centre&#x27;s editors catalogue the archive." in response.content
    posted = client.post(f"/en/archive/manage/collections/{collection.pk}/status/", {"action": "unpublish"})
    assert posted.status_code == (403 if kind not in EDITORS | {"anonymous", "inactive"} else 302)
    collection.refresh_from_db()
    assert collection.is_published == (kind not in EDITORS)  # only editors unpublish
    # The draft's PDF: editors read it on the public address too, nobody else learns it exists.
    public = client.get(f"/en/archive/documents/{document.pk}/")
    assert public.status_code == (200 if kind in EDITORS else 404)


def test_an_artist_is_written_with_what_is_still_missing(client, editor):
    client.force_login(editor)
    response = client.post("/en/archive/manage/artists/new/", {"name": "Ilinca Varga", "birth_year": "1975",
                                                                "links": "https://example.org/ilinca"})
    artist = Artist.objects.get(name="Ilinca Varga")
    assert response.status_code == 302 and artist.slug == "ilinca-varga"
    page = client.get(f"/en/archive/manage/artists/{artist.pk}/").content.decode()
    assert "Still missing:" in page and "short biography (English)" in page
    refused = client.post(f"/en/archive/manage/artists/{artist.pk}/", {"name": "Ilinca", "birth_year": "1700",
                                                                        "links": "javascript:alert(1)"})
    assert refused.status_code == 200
    assert "between 1800 and 2100" in refused.content.decode() and "starts with https://" in refused.content.decode()
    assert AuditEntry.objects.filter(action="archive.artist.save").count() == 1


def test_a_collection_is_published_only_when_complete(client, editor):
    client.force_login(editor)
    first, second = WorkFactory(inventory_number="ECCA-1"), WorkFactory(inventory_number="ECCA-2")
    draft = WorkFactory(inventory_number="ECCA-3", status=WorkStatus.DRAFT)
    unknown = client.post("/en/archive/manage/collections/new/", {"title_ro": "Prima", "works": "ECCA-1\nNU-EXISTA"})
    assert "No work has these inventory numbers: NU-EXISTA." in unknown.content.decode()
    client.post("/en/archive/manage/collections/new/", {"title_ro": "Prima", "works": "ECCA-3"})
    collection = Collection.objects.get(title_ro="Prima")
    assert not collection.is_published
    client.post(f"/en/archive/manage/collections/{collection.pk}/status/", {"action": "publish"})
    page = client.get(f"/en/archive/manage/collections/{collection.pk}/").content.decode()
    assert "Before publishing, fill in: title (English), description (Romanian), at least one published work." in page
    assert not Collection.objects.get(pk=collection.pk).is_published
    client.post(f"/en/archive/manage/collections/{collection.pk}/", {
        "title_ro": "Prima", "title_en": "The first", "description_ro": "Selecția.", "works": "ECCA-2, ECCA-1\nECCA-3"})
    client.post(f"/en/archive/manage/collections/{collection.pk}/status/", {"action": "publish"})
    collection.refresh_from_db()
    assert collection.is_published
    assert [item.work for item in collection.items.order_by("position")] == [second, first, draft]
    public = client.get(f"/en/archive/collections/{collection.slug}/").content.decode()
    assert public.index(second.title_en) < public.index(first.title_en) and draft.title_en not in public
    # Published, it keeps what publishing required.
    emptied = client.post(f"/en/archive/manage/collections/{collection.pk}/", {
        "title_ro": "Prima", "title_en": "", "description_ro": "Selecția.", "works": "ECCA-1"})
    assert "A published record must keep: title (English)." in emptied.content.decode()
    assert Collection.objects.get(pk=collection.pk).title_en == "The first"
    assert AuditEntry.objects.filter(action="archive.collection.publish").count() == 1


def test_an_event_its_works_and_its_documents(client, editor):
    client.force_login(editor)
    WorkFactory(inventory_number="ECCA-1", title_ro="Casa", title_en="House")
    bad_dates = client.post("/en/archive/manage/events/new/", {"kind": "symposium", "title_ro": "Simpozion",
                                                                "starts_on": "2021-10-22", "ends_on": "2021-10-21"})
    assert "The event ends before it starts." in bad_dates.content.decode()
    client.post("/en/archive/manage/events/new/", {
        "kind": "symposium", "title_ro": "Simpozion", "title_en": "Symposium", "starts_on": "2021-10-22",
        "place": "Pavilionul ECCA", "description_ro": "Program.", "works": "ECCA-1"})
    event = Event.objects.get(title_ro="Simpozion")
    client.post(f"/en/archive/manage/events/{event.pk}/status/", {"action": "publish"})
    not_pdf = client.post(f"/en/archive/manage/events/{event.pk}/documents/", {
        "new-title_ro": "Program", "new-upload": SimpleUploadedFile("p.pdf", b"<html>", "application/pdf")},
        follow=True)
    assert "Please upload a PDF document." in not_pdf.content.decode() and not Document.objects.exists()
    client.post(f"/en/archive/manage/events/{event.pk}/documents/", {
        "new-title_ro": "Program", "new-upload": SimpleUploadedFile("p.pdf", pdf_bytes(), "application/pdf")})
    document = Document.objects.get()
    assert document.file.storage.location == private_storage().location
    assert b"Numele autorului" not in document.file.read() and not document.is_published
    public_page = client.get(f"/en/archive/events/{event.slug}/").content.decode()
    assert "House" in public_page and f"/en/archive/documents/{document.pk}/" not in public_page
    refused = client.post(f"/en/archive/manage/documents/{document.pk}/", {"action": "publish"}, follow=True)
    assert "Before publishing, fill in: title (English)." in refused.content.decode()
    prefix = f"document-{document.pk}"
    client.post(f"/en/archive/manage/documents/{document.pk}/", {
        "action": "save", f"{prefix}-title_ro": "Program", f"{prefix}-title_en": "Programme"})
    client.post(f"/en/archive/manage/documents/{document.pk}/", {"action": "publish"})
    client.logout()
    assert f"/en/archive/documents/{document.pk}/" in client.get(f"/en/archive/events/{event.slug}/").content.decode()
    served = client.get(f"/en/archive/documents/{document.pk}/")
    assert served.status_code == 200 and b"".join(served.streaming_content).startswith(b"%PDF-")
    client.force_login(editor)
    path = document.file.path
    client.post(f"/en/archive/manage/documents/{document.pk}/", {"action": "delete"})
    assert not Document.objects.exists() and not os.path.exists(path)


def test_lists_and_forms_cost_the_same_queries_with_more_records(client, editor, assert_constant_queries):
    client.force_login(editor)
    event, collection, artist = make_event(), CollectionFactory(), ArtistFactory()
    make_document(event)

    def grow():
        for number in range(3):
            work = WorkFactory(artist=artist)
            collection.works.add(work)
            event.works.add(work)
            ArtistFactory()
            CollectionFactory().works.add(work)
            make_event(slug=f"alt-{number}").works.add(work)
            make_document(event, published=False)

    assert_constant_queries(client, ["/en/archive/manage/artists/", "/en/archive/manage/collections/",
                                     "/en/archive/manage/events/", f"/en/archive/manage/collections/{collection.pk}/",
                                     f"/en/archive/manage/events/{event.pk}/", f"/en/archive/events/{event.slug}/"],
                            grow)


ODD = st.one_of(st.sampled_from(["", " ", "²", "9" * 25, "-1", "0", "abc", "a\x00b", "ș" * 3001, "https://x",
                                 "2021-02-30", "2021-10-22", "ECCA-1", "ECCA-1\nECCA-1", "x" * 41, "symposium"]),
                st.text(max_size=30))
FIELDS = {
    "artists": ["name", "birth_year", "bio_ro", "bio_en", "links", "is_fictional"],
    "collections": ["title_ro", "title_en", "description_ro", "description_en", "is_fictional", "works"],
    "events": ["kind", "title_ro", "title_en", "starts_on", "ends_on", "place", "description_ro", "is_fictional",
               "works"],
}


@pytest.mark.parametrize("kind", sorted(FIELDS))
def test_no_record_form_input_makes_a_500(client, editor, kind):
    WorkFactory(inventory_number="ECCA-1")
    client.force_login(editor)

    @settings_(max_examples=40, deadline=None, derandomize=True, database=None,
               suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries({}, optional={name: st.one_of(ODD, st.lists(ODD, max_size=2))
                                               for name in FIELDS[kind]}))
    def post(data):
        with TestCase.captureOnCommitCallbacks(execute=False):
            response = client.post(f"/en/archive/manage/{kind}/new/", data)
        assert response.status_code < 500, (data, response.status_code)

    post()


def test_the_english_pages_say_why_in_english(client, editor):
    client.force_login(editor)
    with translation.override("en"):
        page = client.get("/en/archive/manage/events/new/").content.decode()
    assert "New exhibition or event" in page and "Works shown" in page
