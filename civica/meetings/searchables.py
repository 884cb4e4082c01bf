"""What the site search (``civica.search``) finds of meetings: published meetings, by title,
description, place and address. On PostgreSQL the stored ``search_vector`` comes from migration 0010."""

from django.utils.translation import gettext_lazy as _

from .models import Meeting


def searchables():
    return [dict(
        kind="meeting", label=_("Meeting"), public=Meeting.objects.published,
        title=("title_ro", "title_en"), text=("description_ro", "description_en"),
        also=("place", "address"),
        only=("slug", "title_ro", "title_en", "description_ro", "description_en", "place", "address"), image="image",
    )]
