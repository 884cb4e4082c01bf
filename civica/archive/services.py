"""Writing the archive (editors only; every function checks the permission itself).

- ``work_save``: a new work (a draft, its slug made from its Romanian title) or changes to one, with its
  tags; refreshes ``search_text`` and ``decade`` and moves ``updated_at`` (the OAI-PMH datestamp). A change
  to a published work is audited, and refused when it would empty a required field (checked under the
  row's lock, so an edit racing the publication never leaves a published work incomplete).
- ``work_publish`` / ``work_unpublish``: status moves through ``core.transitions.move``; publishing runs the
  required-fields check (``checks.missing_fields``) under the row's lock.
- ``image_add`` / ``image_update`` / ``image_delete`` (never a published work's last image): an image checked
  by its content (``core.uploads``), its original kept privately (re-encoded without metadata unless
  ``keep_location``), and the public copy made or removed as its licence allows (``sync_public_copy``).
- ``refresh_search_text``: an artist, medium or tag renamed (in Django admin) has its new words in its works'
  ``search_text`` (connected to their ``post_save`` in ``apps.py``), 500 works at a time."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from civica.audit import services as audit
from civica.core import refusals
from civica.core.image_rights import kept_original as _kept_original
from civica.core.image_rights import sync_public_copy
from civica.core.transitions import move
from civica.core.uploads import random_name

from .checks import missing_fields
from .models import Work, WorkImage, WorkStatus
from .text import work_search_text

WORK_FIELDS = frozenset({
    "inventory_number", "title_ro", "title_en", "artist", "year_from", "year_to", "date_text_ro", "date_text_en",
    "medium", "technique_ro", "technique_en", "dimensions", "description_ro", "description_en", "location",
    "latitude", "longitude", "provenance_ro", "provenance_en", "condition", "conservation_notes", "is_fictional",
})
IMAGE_FIELDS = frozenset({"alt_ro", "alt_en", "rights_holder", "photographer", "licence", "position"})


def new_slug(title: str, *, model=Work) -> str:
    base = slugify(title)[:100].strip("-") or "lucrare"
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def refresh_derived(work) -> None:
    """What a work's other fields decide: its facet decade, its accent-free words and its datestamp."""
    work.decade = (work.year_from // 10) * 10 if work.year_from else None
    work.search_text = work_search_text(work)
    work.updated_at = timezone.now()


def refresh_search_text(sender, instance, created=False, raw=False, **kwargs) -> None:
    """A ``post_save`` receiver for ``Artist``, ``Medium`` and ``Tag``: their works' words again."""
    if created or raw:
        return
    works = Work.objects.filter(**{{"Artist": "artist", "Medium": "medium", "Tag": "tags"}[sender.__name__]: instance})
    for chunk_start in range(0, works.count(), 500):
        chunk = list(works.order_by("pk").select_related("artist", "medium").prefetch_related("tags")
                     [chunk_start:chunk_start + 500])
        for work in chunk:
            work.search_text = work_search_text(work)
        Work.objects.bulk_update(chunk, ["search_text"])


def work_save(*, by, work=None, tags=None, **fields) -> Work:
    refusals.check(by, "archive.edit_work", work)
    unknown = set(fields) - WORK_FIELDS
    if unknown:
        raise TypeError(f"not editable here: {sorted(unknown)}")
    with transaction.atomic():
        if work is None:
            work = Work()
        else:
            work = Work.objects.select_for_update().get(pk=work.pk)
        for name, value in fields.items():
            setattr(work, name, value.strip() if isinstance(value, str) else value)
        if work.year_to is not None and work.year_from is not None and work.year_to < work.year_from:
            raise ValidationError({"year_to": _("The period ends before it starts.")})
        if tags is not None:
            work._tags = list(tags)
        if not work.slug:
            work.slug = new_slug(work.title_ro)
        refresh_derived(work)
        work.full_clean(exclude=["tags"])
        if work.is_published:
            # A published work keeps what publishing required (checked under the row's lock).
            missing = missing_fields(work)
            if missing:
                raise ValidationError(_("A published work must keep: %(fields)s. Unpublish it first to leave "
                                        "them empty.") % {"fields": ", ".join(missing)})
        work.save()
        if tags is not None:
            work.tags.set(tags)
            work.search_text = work_search_text(work)
            Work.objects.filter(pk=work.pk).update(search_text=work.search_text)
        if work.is_published:
            audit.record(by=by, action="archive.work.change", target=work,
                         summary=", ".join(sorted(fields)))
    return work


def work_publish(*, work, by) -> Work:
    def check(locked):
        missing = missing_fields(locked)
        if missing:
            raise ValidationError(_("Before publishing, fill in: %(fields)s.") % {"fields": ", ".join(missing)})

    def record(locked):
        locked.status = WorkStatus.PUBLISHED
        locked.published_at = locked.published_at or timezone.now()
        locked.updated_at = timezone.now()

    with transaction.atomic():
        work = move(work, to=WorkStatus.PUBLISHED, by=by, check=check, record=record,
                    fields=["status", "published_at", "updated_at"])
        audit.record(by=by, action="archive.work.publish", target=work)
    return work


def work_unpublish(*, work, by) -> Work:
    def record(locked):
        locked.status = WorkStatus.DRAFT
        locked.updated_at = timezone.now()

    with transaction.atomic():
        work = move(work, to=WorkStatus.DRAFT, by=by, record=record, fields=["status", "updated_at"])
        audit.record(by=by, action="archive.work.unpublish", target=work)
    return work


# --- Images --------------------------------------------------------------------------------------

def _touch(work) -> None:
    Work.objects.filter(pk=work.pk).update(updated_at=timezone.now())


def image_add(*, work, by, upload, keep_location=False, **fields) -> WorkImage:
    """``upload``: a file the form's ImageField opened and ``core.uploads.check_image`` accepted."""
    refusals.check(by, "archive.edit_work", work)
    unknown = set(fields) - IMAGE_FIELDS
    if unknown:
        raise TypeError(f"not editable here: {sorted(unknown)}")
    with transaction.atomic():
        Work.objects.select_for_update().filter(pk=work.pk).first()
        image = WorkImage(work=work, keep_location=keep_location, **fields)
        if "position" not in fields:
            image.position = work.images.count()
        image.original = _kept_original(upload, keep_location)
        image.full_clean(exclude=["original"])
        image.save()
        sync_public_copy(image)
        _touch(work)
        if work.is_published:
            audit.record(by=by, action="archive.image.add", target=work, summary=image.get_licence_display())
    return image


def image_update(*, image, by, **fields) -> WorkImage:
    refusals.check(by, "archive.edit_work", image.work)
    unknown = set(fields) - IMAGE_FIELDS
    if unknown:
        raise TypeError(f"not editable here: {sorted(unknown)}")
    with transaction.atomic():
        image = WorkImage.objects.select_for_update().select_related("work").get(pk=image.pk)
        for name, value in fields.items():
            setattr(image, name, value.strip() if isinstance(value, str) else value)
        image.full_clean(exclude=["original"])
        image.save()
        sync_public_copy(image)
        _touch(image.work)
        if image.work.is_published:
            audit.record(by=by, action="archive.image.change", target=image.work,
                         summary=", ".join(sorted(fields)))
    return image


def image_delete(*, image, by) -> None:
    refusals.check(by, "archive.edit_work", image.work)
    with transaction.atomic():
        work = Work.objects.select_for_update().get(pk=image.work_id)
        if work.is_published and not work.images.exclude(pk=image.pk).exists():
            raise ValidationError(_("A published work keeps at least one image: add another first, or unpublish "
                                    "the work."))
        image.delete()  # the public copy and the original go with it (the app's post_delete receivers)
        _touch(work)
        if work.is_published:
            audit.record(by=by, action="archive.image.delete", target=work)


# --- Artists, collections, events and their documents ---------------------------------------------

ARTIST_FIELDS = frozenset({"name", "birth_year", "bio_ro", "bio_en", "links", "is_fictional"})
COLLECTION_FIELDS = frozenset({"title_ro", "title_en", "description_ro", "description_en", "is_fictional"})
EVENT_FIELDS = frozenset({"kind", "title_ro", "title_en", "starts_on", "ends_on", "place", "description_ro",
                          "description_en", "is_fictional"})
DOCUMENT_FIELDS = frozenset({"title_ro", "title_en"})


def _fill(record, fields, allowed):
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"not editable here: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(record, name, value.strip() if isinstance(value, str) else value)


def _locked(model, record):
    return model() if record is None else model.objects.select_for_update().get(pk=record.pk)


def record_missing(record) -> list[str]:
    """The required-fields check of a collection, an event or a document (``checks``), as saved."""
    from .checks import collection_missing, document_missing, event_missing
    from .models import Collection, Event

    if isinstance(record, Collection):
        return collection_missing(record, published_works=record.works.filter(status=WorkStatus.PUBLISHED).count()
                                  if record.pk else 0)
    if isinstance(record, Event):
        return event_missing(record)
    return document_missing(record)


def _keep_required(record) -> None:
    """A published record keeps what publishing required (read under its row's lock)."""
    if record.is_published:
        missing = record_missing(record)
        if missing:
            raise ValidationError(_("A published record must keep: %(fields)s. Unpublish it first to leave "
                                    "them empty.") % {"fields": ", ".join(missing)})


def artist_save(*, by, artist=None, **fields):
    """A new artist (the slug from the name) or changes to one; renaming refreshes their works' words
    (``refresh_search_text``, on the artist's ``post_save``)."""
    from .models import Artist

    refusals.check(by, "archive.edit_record", artist)
    with transaction.atomic():
        artist = _locked(Artist, artist)
        _fill(artist, fields, ARTIST_FIELDS)
        if not artist.slug:
            artist.slug = new_slug(artist.name, model=Artist)
        artist.full_clean()
        artist.save()
        audit.record(by=by, action="archive.artist.save", target=artist, summary=", ".join(sorted(fields)))
    return artist


def collection_save(*, by, collection=None, works=None, **fields):
    """A new collection (a draft) or changes to one; ``works``: its works in their order (replacing the
    previous selection), None to leave them."""
    from .models import Collection, CollectionItem

    refusals.check(by, "archive.edit_record", collection)
    with transaction.atomic():
        collection = _locked(Collection, collection)
        _fill(collection, fields, COLLECTION_FIELDS)
        if not collection.slug:
            collection.slug = new_slug(collection.title_ro, model=Collection)
        collection.full_clean()
        collection.save()
        if works is not None:
            collection.items.all().delete()
            CollectionItem.objects.bulk_create([CollectionItem(collection=collection, work=work, position=number)
                                                for number, work in enumerate(works)])
        _keep_required(collection)
        audit.record(by=by, action="archive.collection.save", target=collection, summary=", ".join(sorted(fields)))
    return collection


def event_save(*, by, event=None, works=None, **fields):
    """A new event (a draft) or changes to one; ``works``: the works shown (None to leave them)."""
    from .models import Event

    refusals.check(by, "archive.edit_record", event)
    with transaction.atomic():
        event = _locked(Event, event)
        _fill(event, fields, EVENT_FIELDS)
        if event.ends_on and event.starts_on and event.ends_on < event.starts_on:
            raise ValidationError({"ends_on": _("The event ends before it starts.")})
        if not event.slug:
            event.slug = new_slug(event.title_ro, model=Event)
        event.full_clean(exclude=["works"])
        _keep_required(event)
        event.save()
        if works is not None:
            event.works.set(works)
        audit.record(by=by, action="archive.event.save", target=event, summary=", ".join(sorted(fields)))
    return event


def document_add(*, event, by, upload, **fields):
    """A PDF (``core.uploads.check_pdf`` accepted it) kept without its metadata in the private storage, as
    a draft of ``event``."""
    from civica.core.uploads import strip_pdf_metadata

    from .models import Document, Event

    refusals.check(by, "archive.edit_record", event)
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=event.pk).first()
        document = Document(event=event, created_by=by)
        _fill(document, fields, DOCUMENT_FIELDS)
        content = strip_pdf_metadata(upload)
        document.size = len(content)
        document.file = ContentFile(content, name=random_name("pdf"))
        document.full_clean(exclude=["file"])
        document.save()
        audit.record(by=by, action="archive.document.add", target=event, summary=document.title_ro)
    return document


def document_update(*, document, by, **fields):
    from .models import Document

    refusals.check(by, "archive.edit_record", document)
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document.pk)
        _fill(document, fields, DOCUMENT_FIELDS)
        document.full_clean(exclude=["file"])
        _keep_required(document)
        document.save()
        audit.record(by=by, action="archive.document.change", target=document, summary=", ".join(sorted(fields)))
    return document


def document_delete(*, document, by) -> None:
    """The row and its PDF (the app's ``post_delete`` receiver deletes the file)."""
    refusals.check(by, "archive.edit_record", document)
    with transaction.atomic():
        audit.record(by=by, action="archive.document.delete", target=document.event or document,
                     summary=document.title_ro)
        document.delete()


def record_publish(*, record, by):
    """A collection, an event or a document published, once its required-fields check passes under the
    row's lock (``core.transitions.move``)."""
    def check(locked):
        missing = record_missing(locked)
        if missing:
            raise ValidationError(_("Before publishing, fill in: %(fields)s.") % {"fields": ", ".join(missing)})

    def record_it(locked):
        locked.is_published = True

    with transaction.atomic():
        record = move(record, to=WorkStatus.PUBLISHED, by=by, check=check, record=record_it, fields=["is_published"])
        audit.record(by=by, action=f"archive.{record._meta.model_name}.publish", target=record)
    return record


def record_unpublish(*, record, by):
    def record_it(locked):
        locked.is_published = False

    with transaction.atomic():
        record = move(record, to=WorkStatus.DRAFT, by=by, record=record_it, fields=["is_published"])
        audit.record(by=by, action=f"archive.{record._meta.model_name}.unpublish", target=record)
    return record
