"""What the site search (``civica.search``) finds of the network: organisations (name, city,
description), programmes (name, summary) and spaces (name, description, address), all of them public.
On PostgreSQL each table's stored ``search_vector`` comes from migration 0006."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Programme, Space


def searchables():
    return [
        dict(
            kind="organisation", label=_("Organisation"), public=Organisation.objects.all,
            title=("name",), text=("description_ro", "description_en"), also=("city",),
            url=lambda organisation: reverse("network:organisation_detail", args=[organisation.slug]),
            only=("slug", "name", "description_ro", "description_en"),
        ),
        dict(
            kind="programme", label=_("Programme"), public=Programme.objects.all,
            title=("name_ro", "name_en"), text=("summary_ro", "summary_en"),
            url=lambda programme: reverse("network:programme_detail", args=[programme.slug]),
            only=("slug", "name_ro", "name_en", "summary_ro", "summary_en"), image="image",
        ),
        dict(
            kind="space", label=_("Space"), public=Space.objects.all,
            title=("name_ro", "name_en"), text=("description_ro", "description_en"), also=("address",),
            only=("slug", "name_ro", "name_en", "description_ro", "description_en"), image="image",
        ),
    ]
