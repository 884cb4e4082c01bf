"""The archive's open data in the site's catalogue (``core.open_data``): the published works' public fields
(no condition or conservation notes), as CSV, JSON and GeoJSON (the works that have a place), under CC0 —
the catalogue's own downloads (``views.download_*``) without filters. One query: the latest change of a
published work; nothing is listed while no work is published."""

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from civica.core.open_data import CatalogueEntry, Distribution

from .models import Work

LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"


def catalogue() -> list[CatalogueEntry]:
    modified = Work.objects.published().aggregate(last=Max("updated_at"))["last"]
    if modified is None:
        return []
    return [CatalogueEntry(
        section=_("ECCA art archive"),
        url=reverse("archive:catalogue"),
        title_ro="Arhiva ECCA: lucrările",
        title_en="ECCA art archive: the works",
        description_ro="Lucrările publicate ale Arhivei ECCA: titlu, artist, datare, mediu și tehnică, dimensiuni, "
                       "număr de inventar, locul păstrării (cu coordonatele, unde sunt cunoscute) și etichete. "
                       "GeoJSON: lucrările care au un loc pe hartă. Fără starea de conservare.",
        description_en="The published works of the ECCA art archive: title, artist, date, medium and technique, "
                       "dimensions, inventory number, where each is kept (with coordinates where known) and tags. "
                       "GeoJSON: the works that have a place on the map. No conservation details.",
        licence_url=LICENCE_URL, licence_label="CC0 1.0", modified=modified,
        distributions=(
            Distribution(url=reverse("archive:download_csv"), file_type="CSV", media_type="text/csv"),
            Distribution(url=reverse("archive:download_json"), file_type="JSON", media_type="application/json"),
            Distribution(url=reverse("archive:download_geojson"), file_type="GEOJSON",
                         media_type="application/geo+json"),
        ),
        keywords=(("artă contemporană", "contemporary art"), ("patrimoniu", "heritage"), ("arhivă", "archive")),
    )]
