"""The staff's side of the archive: images checked by content, their location data stripped from the
public copy (and from the original unless staff keep it), the public copy existing only while the licence
allows; the required-fields check before publishing; a published work's changes audited; the bulk import
from CSV and XLSX with its dry run; bad files answered with a message, never a 500."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from civica.archive.models import Licence, Work, WorkImage, WorkStatus
from civica.archive.tests.factories import ArtistFactory, MediumFactory, WorkFactory, image_for
from civica.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
GPS_TAG = 0x8825


def jpeg_with_location(width=2400, height=1800) -> bytes:
    image = Image.new("RGB", (width, height), (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[GPS_TAG] = {1: "N", 2: (46.0, 46.0, 0.0), 3: "E", 4: (23.0, 35.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def add_image(client, work, content, *, licence=Licence.CC_BY, keep_location=False, name="photo.jpg"):
    data = {"new-upload": upload(content, name), "new-alt_ro": "Descriere", "new-alt_en": "Description",
            "new-rights_holder": "Artistul", "new-licence": licence}
    if keep_location:
        data["new-keep_location"] = "on"
    return client.post(f"/en/archive/manage/works/{work.pk}/images/", data)


def location_of(stored) -> dict:
    with stored.open("rb") as handle, Image.open(handle) as opened:
        return dict(opened.getexif().get_ifd(GPS_TAG))


def test_an_image_loses_its_location_publicly_and_is_resized(client, editor):
    client.force_login(editor)
    work = WorkFactory()
    assert add_image(client, work, jpeg_with_location()).status_code == 302
    image = WorkImage.objects.get(work=work)
    assert location_of(image.original) == {}  # not kept: the original is re-encoded too
    assert location_of(image.image) == {}
    assert max(image.image_width, image.image_height) == 1600  # the public copy's longest side


def test_staff_may_keep_the_location_in_the_original_only(client, editor):
    client.force_login(editor)
    work = WorkFactory()
    add_image(client, work, jpeg_with_location(800, 600), keep_location=True)
    image = WorkImage.objects.get(work=work)
    assert location_of(image.original)  # kept for staff
    assert location_of(image.image) == {}  # never public
    original = client.get(f"/en/archive/manage/images/{image.pk}/original/")
    assert original.status_code == 200 and original["Cache-Control"] == "private, no-store"
    client.logout()
    assert client.get(f"/en/archive/manage/images/{image.pk}/original/").status_code == 302


def test_a_file_that_is_not_an_image_is_refused_with_a_message(client, editor):
    client.force_login(editor)
    work = WorkFactory()
    response = add_image(client, work, b"%PDF-1.4 not an image", name="photo.jpg")
    assert response.status_code == 302 and not WorkImage.objects.exists()
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("image" in message.lower() for message in messages)


def test_the_licence_decides_whether_the_public_copy_exists(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    work = WorkFactory()
    image = image_for(work, licence=Licence.CC_BY)
    public_name = image.image.name
    storage = image.image.storage
    assert storage.exists(public_name)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/archive/manage/images/{image.pk}/", {
            f"image-{image.pk}-alt_ro": "Descriere", f"image-{image.pk}-rights_holder": "Artistul",
            f"image-{image.pk}-licence": Licence.STAFF_ONLY, f"image-{image.pk}-position": 0, "action": "save"})
    assert response.status_code == 302
    image.refresh_from_db()
    assert not image.image and not storage.exists(public_name) and image.original
    assert AuditEntry.objects.filter(action="archive.image.change").exists()  # the work is published


def test_an_images_files_go_with_it_whichever_way_it_goes(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    work = WorkFactory(status=WorkStatus.DRAFT)
    removed, cascaded = image_for(work), image_for(work)
    files = [(stored.storage, stored.name) for image in (removed, cascaded) for stored in (image.original, image.image)]
    assert all(storage.exists(name) for storage, name in files)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/archive/manage/images/{removed.pk}/", {"action": "delete"})
    assert response.status_code == 302 and not WorkImage.objects.filter(pk=removed.pk).exists()
    assert [storage.exists(name) for storage, name in files] == [False, False, True, True]
    with django_capture_on_commit_callbacks(execute=True):
        Work.objects.filter(pk=work.pk).delete()  # the work's images go with it, so do their files
    assert not any(storage.exists(name) for storage, name in files)


def test_publishing_needs_every_required_field(client, editor):
    client.force_login(editor)
    work = WorkFactory(status=WorkStatus.DRAFT, dimensions="", medium=None)
    response = client.post(f"/en/archive/manage/works/{work.pk}/status/", {"action": "publish"}, follow=True)
    assert "Before publishing, fill in: medium, dimensions, at least one image." in response.content.decode()
    work.refresh_from_db()
    assert work.status == WorkStatus.DRAFT
    page = client.get(f"/en/archive/manage/works/{work.pk}/").content.decode()
    assert "Before it can be published, fill in:" in page and "<li>dimensions</li>" in page
    Work.objects.filter(pk=work.pk).update(dimensions="10 × 10", medium=MediumFactory())
    image_for(work)
    client.post(f"/en/archive/manage/works/{work.pk}/status/", {"action": "publish"})
    work.refresh_from_db()
    assert work.status == WorkStatus.PUBLISHED and work.published_at
    assert AuditEntry.objects.filter(action="archive.work.publish").count() == 1


def test_a_work_is_written_on_its_form(client, editor):
    client.force_login(editor)
    artist = ArtistFactory(name="Teodora Câmpean")
    response = client.post("/en/archive/manage/works/new/", {
        "inventory_number": "ECCA-1", "title_ro": "Formă", "artist": artist.pk, "year_from": "2016",
        "year_to": "2015", "condition": "good"})
    assert response.status_code == 200 and "The period ends before it starts." in response.content.decode()
    response = client.post("/en/archive/manage/works/new/", {
        "inventory_number": "ECCA-1", "title_ro": "Formă", "artist": artist.pk, "year_from": "2016",
        "condition": "good"})
    work = Work.objects.get(inventory_number="ECCA-1")
    assert response.status_code == 302 and work.status == WorkStatus.DRAFT and work.decade == 2010
    assert " campean " in work.search_text


CSV = ("inventory_number,title_ro,title_en,artist,artist_birth_year,year_from,medium,tags,colour\n"
       "ECCA-10,Casa,House,Ilinca Varga,1979,2006,Pictură,Oraș; Memorie,red\n"
       "ECCA-11,Strada,Street,Șerban Moldovan,,2009,Fotografie,,blue\n")


def post_import(client, content, *, apply, name="works.csv"):
    data = {"file": SimpleUploadedFile(name, content)}
    if apply:
        data["apply"] = "on"
    return client.post("/en/archive/manage/import/", data)


def test_the_import_checks_first_then_saves_every_row(client, editor):
    client.force_login(editor)
    image_for(WorkFactory(inventory_number="ECCA-11", title_ro="Vechi", dimensions="40 × 60"))  # published, complete
    dry = post_import(client, CSV.encode(), apply=False)
    assert dry.status_code == 200 and dry.context["report"].created == 1 and dry.context["report"].updated == 1
    assert "Columns ignored: colour." in dry.content.decode()
    assert not Work.objects.filter(inventory_number="ECCA-10").exists()
    done = post_import(client, CSV.encode(), apply=True)
    assert done.context["report"].applied
    house = Work.objects.get(inventory_number="ECCA-10")
    assert house.artist.name == "Ilinca Varga" and house.artist.birth_year == 1979 and house.medium.name_ro == "Pictură"
    assert sorted(tag.name_ro for tag in house.tags.all()) == ["Memorie", "Oraș"] and house.status == WorkStatus.DRAFT
    street = Work.objects.get(inventory_number="ECCA-11")
    assert street.title_ro == "Strada" and street.dimensions == "40 × 60"  # a column not in the file is kept
    # A row that would empty a published work's required field is refused, and with it the whole file.
    refused = post_import(client, b"inventory_number,title_ro,dimensions\nECCA-11,Strada,\nECCA-12,Nou,\n", apply=True)
    assert refused.status_code == 400 and "A published work must keep: dimensions." in refused.content.decode()
    assert not Work.objects.filter(inventory_number="ECCA-12").exists()


def test_the_import_reads_xlsx(client, editor):
    from openpyxl import Workbook

    client.force_login(editor)
    book = Workbook()
    sheet = book.active
    sheet.append(["inventory_number", "title_ro", "year_from"])
    sheet.append(["ECCA-20", "Din foaie", 1998])
    buffer = io.BytesIO()
    book.save(buffer)
    assert post_import(client, buffer.getvalue(), apply=True, name="works.xlsx").context["report"].applied
    assert Work.objects.get(inventory_number="ECCA-20").year_from == 1998


@pytest.mark.parametrize(("content", "message"), [
    (b"title_ro\nCasa\n", "Missing columns: inventory_number."),
    ("inventory_number,title_ro,year_from\nA,Casa,anul\nA,Alta,\n,Fără număr,\n".encode(), "is not a year"),
    (b"\xff\xfe\x00garbage", "Please upload a CSV file in UTF-8, or an XLSX file."),
    (b"PK\x03\x04broken zip", "This XLSX file cannot be read."),
    (b"", "The submitted file is empty."),
])
def test_a_bad_spreadsheet_saves_nothing_and_says_why(client, editor, content, message):
    client.force_login(editor)
    response = post_import(client, content, apply=True)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Work.objects.exists()


def test_an_event_document_is_a_checked_pdf_without_metadata():
    from civica.archive.admin import DocumentForm

    refused = DocumentForm(data={"title_ro": "Program"}, files={"file": upload(b"<html>", "p.pdf", "application/pdf")})
    assert not refused.is_valid() and "file" in refused.errors
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = "Numele autorului"
    buffer = io.BytesIO()
    pdf.save(buffer)
    accepted = DocumentForm(data={"title_ro": "Program"}, files={"file": upload(buffer.getvalue(), "p.pdf",
                                                                                 "application/pdf")})
    assert accepted.is_valid(), accepted.errors
    assert b"Numele autorului" not in accepted.cleaned_data["file"].read()
