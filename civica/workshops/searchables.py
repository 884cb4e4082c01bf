"""What the site search (``civica.search``) finds of world-café workshops: the workshop of a published
meeting, by its meeting's texts. A workshop has no text of its own, so on PostgreSQL it is found
through the meeting's stored ``search_vector`` (meetings' migration 0010)."""

from django.utils.translation import gettext_lazy as _

from .models import Workshop


def searchables():
    return [dict(
        kind="workshop", label=_("World-café workshop"),
        public=lambda: Workshop.objects.filter(meeting__is_published=True).select_related("meeting"),
        title=("meeting__title_ro", "meeting__title_en"),
        text=("meeting__description_ro", "meeting__description_en"),
        only=("slug", "meeting__title_ro", "meeting__title_en", "meeting__description_ro",
              "meeting__description_en"),
        vector_of="meeting",
    )]
