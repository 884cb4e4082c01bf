"""The inventory's demo (fictional localities of the network, their sheets, objects and panels; a second load
changes nothing) and the staff's screens: a locality, a monument (its LMI code normalised), a craftsperson
with an account, a site and a photo made through the forms; a photo's public copy has no location data, its
original is served to staff only."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from civica.heritage import demo
from civica.heritage.models import Craftsperson, HeritageObject, HeritagePhoto, Locality, Site
from civica.heritage.tests.factories import LocalityFactory

pytestmark = pytest.mark.django_db


def test_demo_heritage(client):
    demo.load(lambda line: None)
    demo.load(lambda line: None)  # again: nothing doubles
    assert Locality.objects.count() == 3 and HeritageObject.objects.count() == 7 and Site.objects.count() == 2
    assert not Locality.objects.filter(is_fictional=False).exists()
    assert not HeritageObject.objects.filter(is_fictional=False).exists()
    assert Craftsperson.objects.filter(consent_at__isnull=True).count() == 1
    assert HeritagePhoto.objects.exclude(image="").count() == 3
    page = client.get("/en/heritage/localities/valea-frasinului-demo/").content.decode()
    assert "Fictional locality, invented for the demonstration" in page


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (80, 60), (10, 90, 30))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (46.0, 46.0, 0.0)}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_staff_keep_the_inventory_through_their_screens(client, make_user):
    editor = make_user("editor")
    client.force_login(editor)
    response = client.post("/en/heritage/manage/localities/new/", {
        "name": "Frasin", "county": "Cluj", "latitude": "46,81", "longitude": "23.31", "is_published": "on"})
    locality = Locality.objects.get(name="Frasin")
    assert response.status_code == 302 and locality.slug == "frasin" and str(locality.latitude) == "46.810000"
    client.post("/en/heritage/manage/objects/new/", {"locality": locality.pk, "kind": "monument",
                                                     "name_ro": "Biserica", "lmi_code": "cj-ii-m-a-07232"})
    church = HeritageObject.objects.get(name_ro="Biserica")
    assert church.lmi_code == "CJ-II-m-A-07232" and not church.review_state
    owner = make_user("participant")
    client.post("/en/heritage/manage/people/new/", {"locality": locality.pk, "kind": "craft", "name": "Ana",
                                                    "makes_ro": "Linguri", "account_email": owner.email})
    assert Craftsperson.objects.get(name="Ana").user == owner
    client.post("/en/heritage/manage/sites/new/", {"locality": locality.pk, "heritage_object": church.pk,
                                                   "name_ro": "Dealul bisericii", "panel_text_ro": "Text.",
                                                   "is_published": "on"})
    assert Site.objects.get(name_ro="Dealul bisericii").heritage_object == church
    other = LocalityFactory()
    page = client.post("/en/heritage/manage/sites/new/", {"locality": other.pk, "heritage_object": church.pk,
                                                          "name_ro": "Greșit", "panel_text_ro": "Text."})
    assert "Choose an object of the same locality." in page.content.decode()
    client.post(f"/en/heritage/manage/localities/{locality.pk}/photos/", {
        "upload": SimpleUploadedFile("p.jpg", jpeg_with_gps(), content_type="image/jpeg"), "alt_ro": "Satul",
        "rights_holder": "CCC", "licence": "cc-by", "keep_location": "on"})
    photo = HeritagePhoto.objects.get(locality=locality)
    with photo.image.open("rb") as public:
        assert not Image.open(public).getexif()
    with photo.original.open("rb") as original:
        assert Image.open(original).getexif().get(0x8825)  # staff kept the location in the original
    assert client.get(f"/en/heritage/manage/photos/{photo.pk}/original/").status_code == 200
    # The licence withdrawn: the public copy goes; given again, it is made again.
    client.post(f"/en/heritage/manage/photos/{photo.pk}/", {"alt_ro": "Satul", "rights_holder": "CCC",
                                                            "licence": "staff-only", "position": 0})
    photo.refresh_from_db()
    assert not photo.image and photo.original
    client.post(f"/en/heritage/manage/photos/{photo.pk}/", {"alt_ro": "Satul", "rights_holder": "CCC",
                                                            "licence": "cc0", "position": 0})
    photo.refresh_from_db()
    assert photo.image
    client.force_login(owner)
    assert client.get(f"/en/heritage/manage/photos/{photo.pk}/original/").status_code == 403
    assert client.get(f"/en/heritage/manage/photos/{photo.pk}/").status_code == 403
