"""Uploaded images are published without their metadata and under random names; a deleted idea or
account takes its stored files with it."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from civica.accounts import services as account_services
from civica.participation.models import Idea
from civica.participation.tests.factories import ProcessFactory

ARTIST, GPS_IFD, ORIENTATION = 0x013B, 0x8825, 0x0112
RANDOM_NAME = re.compile(r"^images/ideas/[0-9a-f]{32}\.jpg$")


def photo_with_exif(size=(40, 20)) -> bytes:
    """A JPEG as a phone writes it: author, GPS position, an orientation and an ICC profile."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[ARTIST] = "Ana Popescu"
    exif[ORIENTATION] = 6  # taken sideways: shown turned 90 degrees
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (46.0, 46.0, 42.0), 3: "E", 4: (23.0, 36.0, 10.0)})
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes(), icc_profile=b"\0" * 128 + b"Ana Popescu ICC")
    return buffer.getvalue()


def _post_idea(client, process, **extra):
    return client.post(f"/en/processes/{process.slug}/ideas/new/", {
        "title": "A garden by the river", "body": "Benches and trees.", "image_alt": "The riverbank",
        "image": SimpleUploadedFile("IMG_2026_ana-popescu-home.jpg", photo_with_exif(), content_type="image/jpeg"),
        **extra})


@pytest.mark.django_db
def test_an_idea_image_is_published_without_exif_gps_or_artist_under_a_random_name(client, participant):
    assert b"Ana Popescu" in photo_with_exif()  # the upload has it
    process = ProcessFactory()
    client.force_login(participant)
    _post_idea(client, process)
    idea = Idea.objects.get()
    assert RANDOM_NAME.match(idea.image.name), idea.image.name
    with default_storage.open(idea.image.name, "rb") as handle:
        stored = handle.read()
    assert b"Ana Popescu" not in stored and b"Exif" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG"
        assert not image.getexif() and "icc_profile" not in image.info
        assert image.size == (20, 40)  # turned the way the camera meant before the EXIF went


@pytest.mark.django_db
def test_deleted_ideas_and_accounts_take_their_stored_files_along(client, participant,
                                                                  django_capture_on_commit_callbacks):
    process = ProcessFactory()
    client.force_login(participant)
    _post_idea(client, process)
    _post_idea(client, process, title="A second idea", submission_key="2f1c2b8e-4a57-4c61-9a7b-6a7f7b0e9d11")
    first, second = Idea.objects.order_by("pk")
    first_image, second_image = first.image.name, second.image.name
    assert default_storage.exists(first_image) and default_storage.exists(second_image)
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert not default_storage.exists(first_image) and default_storage.exists(second_image)
    with django_capture_on_commit_callbacks(execute=True):
        account_services.account_delete(user=participant)
    assert not Idea.objects.exists() and not default_storage.exists(second_image)


@pytest.mark.django_db
def test_public_media_is_served_only_when_civica_is_asked_to(client, participant):
    process = ProcessFactory()
    client.force_login(participant)
    _post_idea(client, process)
    name = Idea.objects.get().image.name
    client.logout()
    assert client.get(f"/media/{name}").status_code == 404  # a web server serves MEDIA_ROOT in production
    with override_settings(CIVICA_SERVE_MEDIA=True):
        response = client.get(f"/media/{name}")
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
        assert b"".join(response.streaming_content).startswith(b"\xff\xd8\xff")
        assert client.get("/media/images/ideas/missing.jpg").status_code == 404
        assert client.get("/media/ideas/").status_code == 404
        assert client.get("/media/%2e%2e/%2e%2e/config/settings/base.py").status_code == 404


@pytest.mark.django_db
def test_a_consultation_image_goes_through_the_same_reencoding(client, editor):
    from civica.participation.tests.manage.test_manage_views import process_form_data

    process = ProcessFactory()
    client.force_login(editor)
    data = process_form_data(process, hero_image_alt="A park")
    data["hero_image"] = SimpleUploadedFile("ana-popescu.jpg", photo_with_exif(), content_type="image/jpeg")
    client.post(f"/en/processes/{process.slug}/manage/edit/", data)
    process.refresh_from_db()
    assert re.match(r"^processes/[0-9a-f]{32}\.jpg$", process.hero_image.name), process.hero_image.name
    with default_storage.open(process.hero_image.name, "rb") as handle:
        stored = handle.read()
    assert b"Ana Popescu" not in stored and b"Exif" not in stored


@pytest.mark.django_db
def test_an_image_replaced_or_cleared_in_an_edit_is_deleted(client, participant,
                                                            django_capture_on_commit_callbacks):
    from civica.core.uploads import reencode_image
    from civica.participation import services
    from civica.participation.tests.factories import IdeaFactory

    idea = IdeaFactory(author=participant, image=reencode_image(SimpleUploadedFile("a.jpg", photo_with_exif())),
                       image_alt="First")
    first = idea.image.name
    assert default_storage.exists(first)
    with django_capture_on_commit_callbacks(execute=True):
        services.idea_update(idea=idea, by=participant, image_alt="Second",
                             image=reencode_image(SimpleUploadedFile("b.jpg", photo_with_exif())))
    idea.refresh_from_db()
    assert idea.image.name != first and default_storage.exists(idea.image.name)
    assert not default_storage.exists(first)
    # Cleared with the form's "clear" box: the idea has no image any more, and the file is gone.
    second = idea.image.name
    client.force_login(participant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/edit/", {
            "title": idea.title, "body": idea.body, "image-clear": "on", "image_alt": ""})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert not idea.image and not default_storage.exists(second)
