"""The archive's records for OAI-PMH (``civica.oai``): every published work as unqualified Dublin Core, in
the set ``archive`` and in ``archive:collection:<slug>`` for each published collection it belongs to.
Nothing staff-only is written: no conservation notes, condition or originals; ``rights`` names only the
licences of images the public may see."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from civica.core.markup import markdown_to_text

from .models import LICENCE_URLS, Collection, Work, WorkImage

PUBLISHER = "Centrul Cultural Clujean — Arhiva ECCA"


def _records(rows):
    return rows.select_related("artist", "medium").prefetch_related(
        "tags", Prefetch("images", WorkImage.objects.only("id", "work_id", "licence", "rights_holder")),
        Prefetch("collections", Collection.objects.filter(is_published=True).only("id", "slug", "title_ro")))


def _date(work) -> str:
    if work.year_from and work.year_to and work.year_to != work.year_from:
        return f"{work.year_from}/{work.year_to}"  # an ISO 8601 interval of years
    return str(work.year_from or work.date_text_ro or "")


def dublin_core(work) -> list[tuple[str, str, str]]:
    base = settings.CIVICA_BASE_URL
    elements = [("title", work.title_ro, "ro")]
    if work.title_en:
        elements.append(("title", work.title_en, "en"))
    if work.artist_id:
        elements.append(("creator", work.artist.name, ""))
    elements += [("subject", tag.name_ro, "ro") for tag in work.tags.all()]
    elements += [("subject", tag.name_en, "en") for tag in work.tags.all() if tag.name_en]
    for language in ("ro", "en"):
        description = markdown_to_text(getattr(work, f"description_{language}"))
        if description:
            elements.append(("description", description, language))
    elements.append(("publisher", PUBLISHER, "ro"))
    elements.append(("date", _date(work), ""))
    elements.append(("type", "PhysicalObject", ""))
    elements.append(("type", "Image", ""))
    if work.medium_id:
        elements.append(("format", work.medium.name_ro, "ro"))
    if work.technique_ro:
        elements.append(("format", work.technique_ro, "ro"))
    if work.dimensions:
        elements.append(("format", f"{work.dimensions} cm", ""))
    with override("ro"):
        elements.append(("identifier", base + work.get_absolute_url(), ""))
    elements.append(("identifier", work.inventory_number, ""))
    if work.provenance_ro:
        elements.append(("source", work.provenance_ro, "ro"))
    with override("ro"):
        elements += [("relation", base + collection.get_absolute_url(), "") for collection in work.collections.all()]
    if work.location:
        elements.append(("coverage", work.location, ""))
    for image in work.images.all():
        if image.is_public:
            licence = LICENCE_URLS.get(image.licence) or image.get_licence_display()
            elements.append(("rights", f"© {image.rights_holder}; {licence}", ""))
    return elements


def oai_sources():
    return [dict(
        key="archive.work", set_spec="archive", set_name=_("ECCA art archive: works"),
        public=Work.objects.published, dublin_core=dublin_core, datestamp="updated_at", for_records=_records,
        subsets=lambda: [(f"archive:collection:{collection.slug}", collection.title_ro)
                         for collection in Collection.objects.filter(is_published=True).order_by("slug")],
        in_subset=lambda rows, spec: (rows.filter(collections__slug=spec[len("collection:"):],
                                                  collections__is_published=True)
                                      if spec.startswith("collection:") else None),
    )]
