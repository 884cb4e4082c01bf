"""Images of spaces and programmes (core.uploads renditions, the responsive_image tag): an upload is
re-encoded without metadata, gets its WebP copies and its size, shows with srcset and width/height,
goes with its row; without one, cards show the drawn placeholder."""

import io

import pytest
from django import forms
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from civica.core.uploads import check_new_image, rendition_name
from civica.network.admin import SpaceAdminForm
from civica.network.models import Space

from .factories import ProgrammeFactory, SpaceFactory


@pytest.fixture(autouse=True)
def _language_restored():
    """A page in English leaves English active in this thread; later tests expect the default."""
    language = translation.get_language()
    yield
    translation.activate(language)


def photo(width=2000, height=1000, *, name="IMG_0001.jpg"):
    """A JPEG as a camera writes it: with EXIF (the camera's maker, a GPS tag)."""
    image = Image.new("RGB", (width, height), "#0b5c6b")
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {1: "N"}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def uploaded(file):
    """What a form's ImageField hands on: the file opened by Pillow, then our checks."""
    return check_new_image(forms.ImageField().clean(file))


def has_exif(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as opened:
        return bool(opened.getexif()) or "exif" in opened.info


@pytest.mark.django_db
def test_an_upload_gets_webp_renditions_without_metadata_and_its_size(django_capture_on_commit_callbacks):
    space = SpaceFactory()
    space.image, space.image_alt = uploaded(photo()), "Sala mare, cu scaune în cerc"
    space.save()
    space.refresh_from_db()
    assert (space.image_width, space.image_height) == (2000, 1000)
    assert "IMG_0001" not in space.image.name
    with default_storage.open(space.image.name) as original:
        assert not has_exif(original.read())
    for width in (480, 960, 1600):
        with default_storage.open(rendition_name(space.image.name, width)) as copy, Image.open(copy) as drawn:
            assert drawn.format == "WEBP" and drawn.width == width and drawn.height == width // 2
            assert not drawn.getexif()

    # Deleted with its row, renditions too, once the deletion commits.
    names = [space.image.name] + [rendition_name(space.image.name, width) for width in (480, 960, 1600)]
    with django_capture_on_commit_callbacks(execute=True):
        space.delete()
    assert not any(default_storage.exists(name) for name in names)


@pytest.mark.django_db
def test_a_replaced_image_takes_its_renditions_with_it(django_capture_on_commit_callbacks):
    space = SpaceFactory()
    space.image, space.image_alt = uploaded(photo(1000, 500)), "Prima"
    space.save()
    first = space.image.name
    with django_capture_on_commit_callbacks(execute=True):
        space.image = uploaded(photo(800, 400))
        space.save()
    assert not default_storage.exists(first) and not default_storage.exists(rendition_name(first, 480))
    assert default_storage.exists(rendition_name(space.image.name, 480))
    # No copy wider than the original is made.
    assert not default_storage.exists(rendition_name(space.image.name, 960))
    space.refresh_from_db()
    assert (space.image_width, space.image_height) == (800, 400)


@pytest.mark.django_db
def test_detail_and_list_render_srcset_with_width_and_height(client):
    space = SpaceFactory()
    space.image, space.image_alt = uploaded(photo(1200, 600)), "Sala mare, cu scaune în cerc"
    space.save()
    page = client.get(space.get_absolute_url()).content.decode()
    assert f'srcset="{default_storage.url(rendition_name(space.image.name, 480))} 480w, ' in page
    assert f"{space.image.url} 1200w" in page  # the original counts as the widest copy
    assert 'width="1200" height="600"' in page and 'alt="Sala mare, cu scaune în cerc"' in page
    listing = client.get("/en/network/spaces/").content.decode()
    assert 'class="card-media"' in listing and "sizes=\"(max-width: 40rem) 100vw" in listing


@pytest.mark.django_db
def test_without_an_image_cards_show_the_placeholder_hidden_from_screen_readers(client):
    SpaceFactory()
    ProgrammeFactory()
    for url in ("/en/network/spaces/", "/en/network/programmes/"):
        page = client.get(url).content.decode()
        assert 'class="image-placeholder image-placeholder-' in page and 'aria-hidden="true"' in page
        assert "<img" not in page.split("<main", 1)[1]


@pytest.mark.django_db
def test_the_admin_form_refuses_an_image_without_description_and_a_fake_one():
    programme = ProgrammeFactory()
    data = {field: getattr(programme, field) for field in ("name_ro", "name_en", "summary_ro", "summary_en")}
    base = {"slug": "new-space", "kind": "studio", "status": "open", "position": 1, **data}
    form = SpaceAdminForm(data=base, files={"image": photo(600, 300)})
    assert not form.is_valid() and "image_alt" in form.errors
    form = SpaceAdminForm(data={**base, "image_alt": "O sală"}, files={"image": photo(600, 300)})
    assert form.is_valid(), form.errors
    space = form.save()
    assert Space.objects.get(pk=space.pk).image_width == 600
    fake = SimpleUploadedFile("x.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    form = SpaceAdminForm(data={**base, "slug": "other", "image_alt": "O sală"}, files={"image": fake})
    assert not form.is_valid() and "image" in form.errors


@pytest.mark.django_db
def test_images_add_no_query_to_the_lists(client, assert_constant_queries):
    def grow():
        for _ in range(4):
            space = SpaceFactory(programme=ProgrammeFactory())
            space.image, space.image_alt = uploaded(photo(600, 300)), "O sală"
            space.save()

    assert_constant_queries(client, ["/en/network/spaces/", "/en/network/programmes/"], grow)
