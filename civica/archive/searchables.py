"""What the site search (``civica.search``) finds of the archive: published works by title, technique and
description, and artists with a published work by name and biography. On PostgreSQL the stored
``search_vector`` columns come from migration 0002 (accents ignored through ``unaccent``)."""

from django.utils.translation import gettext_lazy as _

from .models import Artist, Work


def searchables():
    return [
        dict(kind="artwork", label=_("Artwork"), public=lambda: Work.objects.published().select_related("artist"),
             title=("title_ro", "title_en"), text=("description_ro", "description_en"),
             also=("technique_ro", "technique_en", "inventory_number", "artist__name"),
             context=lambda work: work.artist.name if work.artist_id else "",
             only=("slug", "title_ro", "title_en", "description_ro", "description_en", "technique_ro",
                   "technique_en", "inventory_number", "artist__name")),
        dict(kind="artist", label=_("Artist"),
             public=lambda: Artist.objects.filter(works__status="published").distinct(),
             title=("name",), text=("bio_ro", "bio_en"), only=("slug", "name", "bio_ro", "bio_en")),
    ]
