"""What the site search (``civica.search``) finds of the heritage inventory: published localities by name,
what makes them remarkable and history; public heritage objects by name, description and LMI code; published
remarkable sites by name, panel text and description. On PostgreSQL the stored ``search_vector`` columns
come from migration 0002 (accents ignored through ``unaccent``)."""

from django.utils.translation import gettext_lazy as _

from .models import HeritageObject, Locality, Site


def searchables():
    return [
        dict(kind="heritage-locality", label=_("Heritage locality"), public=lambda: Locality.objects.published(),
             title=("name",), text=("remarkable_ro", "remarkable_en"), also=("history_ro", "history_en", "county"),
             context=lambda locality: locality.county,
             only=("slug", "name", "county", "remarkable_ro", "remarkable_en", "history_ro", "history_en")),
        dict(kind="heritage-object", label=_("Heritage object"),
             public=lambda: HeritageObject.objects.public().select_related("locality"),
             title=("name_ro", "name_en"), text=("description_ro", "description_en"), also=("lmi_code",),
             context=lambda heritage_object: heritage_object.locality.name,
             only=("slug", "name_ro", "name_en", "description_ro", "description_en", "lmi_code", "locality__name")),
        dict(kind="heritage-site", label=_("Remarkable site"),
             public=lambda: Site.objects.published().select_related("locality"),
             title=("name_ro", "name_en"), text=("panel_text_ro", "panel_text_en"),
             also=("description_ro", "description_en"), context=lambda site: site.locality.name,
             only=("slug", "name_ro", "name_en", "panel_text_ro", "panel_text_en", "description_ro",
                   "description_en", "locality__name")),
    ]
