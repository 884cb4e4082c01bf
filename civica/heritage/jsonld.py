"""schema.org JSON-LD for the inventory's pages: a locality is a ``Place`` (with its coordinates and county),
an object a ``LandmarksOrHistoricalBuildings`` (monuments, buildings), a ``TouristAttraction`` (landscapes),
a ``Collection`` (museum collections) or a ``CreativeWork`` about an intangible practice, a site with a panel
a ``TouristAttraction``. Public fields only; images only those the public may see, with licence and credit.
``core.jsonld.as_script`` writes it into the page."""

from django.conf import settings

from civica.core.markup import markdown_to_text

from .models import ObjectKind

OBJECT_TYPES = {ObjectKind.MONUMENT: "LandmarksOrHistoricalBuildings",
                ObjectKind.BUILDING: "LandmarksOrHistoricalBuildings", ObjectKind.LANDSCAPE: "TouristAttraction",
                ObjectKind.PRACTICE: "CreativeWork", ObjectKind.COLLECTION: "Collection"}
NETWORK = {"@type": "Organization", "name": "România Remarcabilă", "url": "https://www.romaniaremarcabila.ro"}


def _geo(record) -> dict:
    if record.latitude is None or record.longitude is None:
        return {}
    return {"geo": {"@type": "GeoCoordinates", "latitude": float(record.latitude),
                    "longitude": float(record.longitude)}}


def _images(photos) -> list[dict]:
    base = settings.CIVICA_BASE_URL
    images = []
    for photo in photos:
        entry = {"@type": "ImageObject", "contentUrl": base + photo.image.url, "caption": photo.alt(),
                 "creditText": photo.rights_holder}
        if photo.photographer:
            entry["creator"] = {"@type": "Person", "name": photo.photographer}
        if photo.licence_url():
            entry["license"] = photo.licence_url()
        images.append(entry)
    return images


def _common(record, *, type_, name, description, language) -> dict:
    base = settings.CIVICA_BASE_URL
    data = {"@context": "https://schema.org", "@type": type_, "@id": base + record.get_absolute_url(),
            "url": base + record.get_absolute_url(), "name": name, "inLanguage": language}
    text = markdown_to_text(description)
    if text:
        data["description"] = text
    images = _images(getattr(record, "public_photos", ()))
    if images:
        data["image"] = images
    return data


def _address(locality) -> dict:
    return {"@type": "PostalAddress", "addressLocality": locality.name, "addressRegion": locality.county,
            "addressCountry": "RO"}


def locality_jsonld(locality, *, language: str) -> dict:
    data = _common(locality, type_="Place", name=locality.name, description=locality.translated("remarkable"),
                   language=language)
    data.update(_geo(locality))
    data["address"] = _address(locality)
    data["memberOf"] = NETWORK
    return data


def object_jsonld(heritage_object, *, language: str) -> dict:
    locality = heritage_object.locality
    data = _common(heritage_object, type_=OBJECT_TYPES[heritage_object.kind],
                   name=heritage_object.translated("name"), description=heritage_object.translated("description"),
                   language=language)
    place = {"@type": "Place", "name": locality.name, "url": settings.CIVICA_BASE_URL + locality.get_absolute_url(),
             "address": _address(locality)}
    if heritage_object.kind in (ObjectKind.PRACTICE, ObjectKind.COLLECTION):
        data["spatialCoverage"] = place
    else:
        data.update(_geo(heritage_object))
        data["containedInPlace"] = place
    if heritage_object.lmi_code:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "LMI", "value": heritage_object.lmi_code}
    if heritage_object.period:
        data["temporalCoverage"] = heritage_object.period
    return data


def site_jsonld(site, *, language: str) -> dict:
    data = _common(site, type_="TouristAttraction", name=site.translated("name"),
                   description=site.translated("description") or site.translated("panel_text"), language=language)
    data.update(_geo(site))
    data["containedInPlace"] = {"@type": "Place", "name": site.locality.name,
                                "url": settings.CIVICA_BASE_URL + site.locality.get_absolute_url()}
    return data
