import io
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from PIL import Image

from civica.core.image_rights import Licence, sync_public_copy
from civica.heritage.models import Craftsperson, HeritageObject, HeritagePhoto, Locality, ObjectKind, Site


def png_bytes(width=64, height=48, colour=(40, 120, 80)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


class LocalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locality

    slug = factory.Sequence(lambda n: f"localitate-{n}")
    name = factory.Sequence(lambda n: f"Localitatea {n}")
    county = "Cluj"
    latitude = Decimal("46.700000")
    longitude = Decimal("23.500000")
    remarkable_ro = "Morile de apă."
    remarkable_en = "The water mills."
    is_published = True


class HeritageObjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HeritageObject

    locality = factory.SubFactory(LocalityFactory)
    slug = factory.Sequence(lambda n: f"obiectiv-{n}")
    kind = ObjectKind.BUILDING
    name_ro = factory.Sequence(lambda n: f"Obiectivul {n}")
    name_en = factory.Sequence(lambda n: f"Object {n}")
    description_ro = "O clădire veche."


class CraftspersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Craftsperson

    locality = factory.SubFactory(LocalityFactory)
    name = factory.Sequence(lambda n: f"Meșter {n}")
    makes_ro = "Linguri de lemn"
    makes_en = "Wooden spoons"
    phone = "0700 111 222"


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    locality = factory.SubFactory(LocalityFactory)
    slug = factory.Sequence(lambda n: f"loc-{n}")
    name_ro = factory.Sequence(lambda n: f"Locul {n}")
    name_en = factory.Sequence(lambda n: f"Site {n}")
    panel_text_ro = "Text de panou."
    panel_text_en = "Panel text."
    is_published = True


def photo_for(locality, *, licence=Licence.CC_BY, **fields):
    fields = {"alt_ro": "O fotografie", "alt_en": "A photo", "rights_holder": "Fotograf", **fields}
    photo = HeritagePhoto.objects.create(locality=locality, original=ContentFile(png_bytes(), name="x.png"),
                                         licence=licence, **fields)
    sync_public_copy(photo)
    return photo
