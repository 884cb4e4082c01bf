"""The inventory's records for OAI-PMH (``civica.oai``): every public heritage object as unqualified Dublin
Core, in the set ``heritage`` and in ``heritage:<kind>`` (monument, building, landscape, practice,
collection). Nothing private is written: no proposer, no review state, no craftsperson; ``rights`` names
only the licences of photos the public may see. ``dc:coverage`` holds the locality and county, and the
coordinates as a DCMI Point when the object has them."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from civica.core.image_rights import LICENCE_URLS
from civica.core.maps import plain_coordinate
from civica.core.markup import markdown_to_text

from .models import HeritageObject, HeritagePhoto, ObjectKind

PUBLISHER = "Centrul Cultural Clujean — România Remarcabilă"
DC_TYPES = {ObjectKind.MONUMENT: "PhysicalObject", ObjectKind.BUILDING: "PhysicalObject",
            ObjectKind.LANDSCAPE: "PhysicalObject", ObjectKind.PRACTICE: "Event",
            ObjectKind.COLLECTION: "Collection"}


def _records(rows):
    return rows.select_related("locality").prefetch_related(
        Prefetch("photos", HeritagePhoto.objects.exclude(image="").only("id", "heritage_object_id", "licence",
                                                                         "rights_holder")))


def dublin_core(heritage_object) -> list[tuple[str, str, str]]:
    base = settings.CIVICA_BASE_URL
    locality = heritage_object.locality
    elements = [("title", heritage_object.name_ro, "ro")]
    if heritage_object.name_en:
        elements.append(("title", heritage_object.name_en, "en"))
    with override("ro"):
        elements.append(("subject", str(ObjectKind(heritage_object.kind).label), "ro"))
    with override("en"):
        elements.append(("subject", str(ObjectKind(heritage_object.kind).label), "en"))
    for language in ("ro", "en"):
        description = markdown_to_text(getattr(heritage_object, f"description_{language}"))
        if description:
            elements.append(("description", description, language))
    elements.append(("publisher", PUBLISHER, "ro"))
    if heritage_object.period:
        elements.append(("date", heritage_object.period, ""))
    elements.append(("type", DC_TYPES[heritage_object.kind], ""))
    with override("ro"):
        elements.append(("identifier", base + heritage_object.get_absolute_url(), ""))
    if heritage_object.lmi_code:
        elements.append(("identifier", f"LMI {heritage_object.lmi_code}", ""))
    with override("ro"):
        elements.append(("relation", base + locality.get_absolute_url(), ""))
    elements.append(("coverage", f"{locality.name}, {locality.county}, România", "ro"))
    if heritage_object.latitude is not None and heritage_object.longitude is not None:
        elements.append(("coverage", f"east={plain_coordinate(heritage_object.longitude)}; "
                                     f"north={plain_coordinate(heritage_object.latitude)}", ""))
    for photo in heritage_object.photos.all():
        licence = LICENCE_URLS.get(photo.licence) or photo.get_licence_display()
        elements.append(("rights", f"© {photo.rights_holder}; {licence}", ""))
    return elements


def oai_sources():
    return [dict(
        key="heritage.object", set_spec="heritage", set_name=_("România Remarcabilă: heritage objects"),
        public=HeritageObject.objects.public, dublin_core=dublin_core, datestamp="updated_at", for_records=_records,
        subsets=lambda: [(f"heritage:{kind.value}", str(kind.label)) for kind in ObjectKind],
        in_subset=lambda rows, spec: rows.filter(kind=spec) if spec in ObjectKind.values else None,
    )]
