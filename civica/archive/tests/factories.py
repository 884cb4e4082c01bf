import io

import factory
import pikepdf
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from civica.archive import services
from civica.archive.models import Artist, Collection, Event, Licence, Medium, Tag, Work, WorkImage, WorkStatus
from civica.archive.services import refresh_derived, sync_public_copy


def png_bytes(width=64, height=48, colour=(200, 80, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


class ArtistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Artist

    slug = factory.Sequence(lambda n: f"artist-{n}")
    name = factory.Sequence(lambda n: f"Artist {n}")
    birth_year = 1980


class MediumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medium

    slug = factory.Sequence(lambda n: f"mediu-{n}")
    name_ro = factory.Sequence(lambda n: f"Mediu {n}")
    name_en = factory.Sequence(lambda n: f"Medium {n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    slug = factory.Sequence(lambda n: f"eticheta-{n}")
    name_ro = factory.Sequence(lambda n: f"Eticheta {n}")
    name_en = factory.Sequence(lambda n: f"Tag {n}")


class WorkFactory(factory.django.DjangoModelFactory):
    """A published work with every required field but no image (``with_image`` adds one, public)."""

    class Meta:
        model = Work
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"lucrare-{n}")
    inventory_number = factory.Sequence(lambda n: f"INV-{n:05d}")
    status = WorkStatus.PUBLISHED
    title_ro = factory.Sequence(lambda n: f"Lucrarea {n}")
    title_en = factory.Sequence(lambda n: f"Work {n}")
    artist = factory.SubFactory(ArtistFactory)
    year_from = 1999
    medium = factory.SubFactory(MediumFactory)
    technique_ro = "ulei pe pânză"
    dimensions = "50 × 70"
    location = "Depozit"
    conservation_notes = "NOTĂ-DE-CONSERVARE-SECRETĂ"

    @factory.post_generation
    def derived(work, create, extracted, **kwargs):
        refresh_derived(work)
        if create:
            Work.objects.filter(pk=work.pk).update(search_text=work.search_text, decade=work.decade,
                                                   updated_at=work.updated_at)

    @factory.post_generation
    def with_image(work, create, extracted, **kwargs):
        if create and extracted:
            image_for(work, licence=extracted if isinstance(extracted, str) else Licence.CC_BY)


def image_for(work, *, licence=Licence.CC_BY, content=None):
    image = WorkImage.objects.create(work=work, original=ContentFile(content or png_bytes(), name="x.png"),
                                     alt_ro="Descriere", alt_en="Description", rights_holder="Deținătorul",
                                     licence=licence)
    sync_public_copy(image)
    return image


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collection

    slug = factory.Sequence(lambda n: f"colectie-{n}")
    title_ro = factory.Sequence(lambda n: f"Colecția {n}")
    is_published = True


def pdf_bytes(author="Numele autorului") -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = author
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def make_event(**fields):
    defaults = {"slug": "simpozion", "title_ro": "Simpozionul ECCA", "title_en": "The ECCA symposium",
                "starts_on": "2021-10-22", "place": "Pavilionul ECCA", "description_ro": "Program.",
                "is_published": True}
    return Event.objects.create(**{**defaults, **fields})


def make_document(event, *, published=True, title_en="Programme"):
    from civica.accounts.models import Role
    from civica.accounts.tests.factories import UserFactory
    editor = UserFactory(role=Role.EDITOR)
    document = services.document_add(event=event, by=editor, title_ro="Program", title_en=title_en,
                                     upload=SimpleUploadedFile("p.pdf", pdf_bytes(), "application/pdf"))
    return services.record_publish(record=document, by=editor) if published else document
