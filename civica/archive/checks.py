"""The required-fields check of each record (issue 23, point 1): what must be filled in before it is
published. Staff see the list on the record's screen and in their lists; ``services.work_publish`` and
``services.record_publish`` refuse while anything is missing. A work's image counts only with its
description, rights holder and licence; a collection needs a published work; an artist (public with a
published work) gets the list as a reminder only."""

from django.utils.translation import gettext as _


def missing_fields(work) -> list[str]:
    """The names (translated) of what ``work`` still lacks; [] when it may be published."""
    missing = []
    required = [
        (work.title_ro, _("title (Romanian)")),
        (work.title_en, _("title (English)")),
        (work.inventory_number, _("inventory number")),
        (work.artist_id, _("artist")),
        (work.year_from or work.date_text_ro, _("date or period")),
        (work.medium_id, _("medium")),
        (work.technique_ro, _("technique")),
        (work.dimensions, _("dimensions")),
        (work.location, _("location")),
    ]
    missing += [label for value, label in required if not value]
    images = list(work.images.all())
    if not images:
        missing.append(_("at least one image"))
    elif any(not (image.alt_ro and image.rights_holder and image.licence) for image in images):
        missing.append(_("each image's description, rights holder and licence"))
    return missing


def artist_missing(artist) -> list[str]:
    """What an artist's record still lacks (artists are public with their first published work, so the
    list is staff's to-do rather than a gate)."""
    required = [
        (artist.name, _("name")),
        (artist.birth_year, _("year of birth")),
        (artist.bio_ro, _("short biography (Romanian)")),
        (artist.bio_en, _("short biography (English)")),
    ]
    return [label for value, label in required if not value]


def collection_missing(collection, *, published_works: int) -> list[str]:
    """What a collection lacks before it is published; ``published_works``: how many of its works are."""
    required = [
        (collection.title_ro, _("title (Romanian)")),
        (collection.title_en, _("title (English)")),
        (collection.description_ro, _("description (Romanian)")),
        (published_works, _("at least one published work")),
    ]
    return [label for value, label in required if not value]


def event_missing(event) -> list[str]:
    required = [
        (event.title_ro, _("title (Romanian)")),
        (event.title_en, _("title (English)")),
        (event.starts_on, _("start date")),
        (event.place, _("place")),
        (event.description_ro, _("description (Romanian)")),
    ]
    return [label for value, label in required if not value]


def document_missing(document) -> list[str]:
    required = [
        (document.title_ro, _("title (Romanian)")),
        (document.title_en, _("title (English)")),
        (document.file, _("the PDF")),
    ]
    return [label for value, label in required if not value]
