"""schema.org JSON-LD for a work's page (``VisualArtwork``): what search engines and aggregators read.
Public fields only; images only those the public may see, each with its licence and credit. ``as_script``
(``core.jsonld``) writes it into the page."""

from django.conf import settings

from civica.core.jsonld import as_script  # noqa: F401 - the archive's views and tests use it from here
from civica.core.markup import markdown_to_text

from .models import LICENCE_URLS


def work_jsonld(work, *, language: str) -> dict:
    base = settings.CIVICA_BASE_URL
    title = (work.title_en if language == "en" and work.title_en else "") or work.title_ro
    data = {
        "@context": "https://schema.org", "@type": "VisualArtwork", "@id": base + work.get_absolute_url(),
        "url": base + work.get_absolute_url(), "name": title, "inLanguage": language,
        "identifier": work.inventory_number,
        "isPartOf": {"@type": "ArchiveComponent", "name": "Arhiva ECCA"},
    }
    if work.title_en and language == "ro":
        data["alternateName"] = work.title_en
    description = markdown_to_text(work.translated("description"))
    if description:
        data["description"] = description
    if work.artist_id:
        creator = {"@type": "Person", "name": work.artist.name, "url": base + work.artist.get_absolute_url()}
        if work.artist.birth_year:
            creator["birthDate"] = str(work.artist.birth_year)
        data["creator"] = creator
    if work.year_from:
        data["dateCreated"] = (f"{work.year_from}/{work.year_to}" if work.year_to and work.year_to != work.year_from
                               else str(work.year_from))
    if work.medium_id:
        data["artMedium"] = work.medium.translated("name")
    if work.translated("technique"):
        data["artform"] = work.translated("technique")
    if work.dimensions:
        data["size"] = f"{work.dimensions} cm"
    if work.location:
        data["contentLocation"] = {"@type": "Place", "name": work.location}
    keywords = [tag.translated("name") for tag in work.tags.all()]
    if keywords:
        data["keywords"] = ", ".join(keywords)
    images = []
    for image in getattr(work, "public_images", ()):
        entry = {"@type": "ImageObject", "contentUrl": base + image.image.url, "caption": image.alt(),
                 "creditText": image.rights_holder, "copyrightHolder": {"@type": "Organization",
                                                                       "name": image.rights_holder}}
        if image.photographer:
            entry["creator"] = {"@type": "Person", "name": image.photographer}
        if LICENCE_URLS.get(image.licence):
            entry["license"] = LICENCE_URLS[image.licence]
        if image.image_width:
            entry["width"], entry["height"] = image.image_width, image.image_height
        images.append(entry)
    if images:
        data["image"] = images
    return data
