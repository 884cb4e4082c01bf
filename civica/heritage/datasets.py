"""The inventory's open data in the site's catalogue (``core.open_data``): the network's public heritage
objects (with their locality and, when known, their place) as CSV, JSON and GeoJSON, under CC BY 4.0. One
query: when it last changed is the latest datestamp of a public object."""

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.open_data import CatalogueEntry, Distribution

from .models import HeritageObject

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def catalogue() -> list[CatalogueEntry]:
    summary = HeritageObject.objects.public().aggregate(modified=Max("updated_at"),
                                                        fictional=Count("pk", filter=Q(is_fictional=True)))
    if summary["modified"] is None:
        return []
    return [CatalogueEntry(
        section=_("Heritage"), url=reverse("heritage:list") + "#heritage-data-title",
        title_ro="România Remarcabilă: inventarul patrimoniului", title_en="România Remarcabilă: heritage inventory",
        description_ro="Obiectivele de patrimoniu publice ale localităților rețelei România Remarcabilă: monumente "
                       "(cu codul LMI), clădiri, peisaje, practici imateriale și colecții muzeale, cu localitatea "
                       "și, când se cunoaște, locul lor.",
        description_en="The public heritage objects of the România Remarcabilă network's localities: monuments (with "
                       "their LMI code), buildings, landscapes, intangible practices and museum collections, with "
                       "their locality and, when known, their place.",
        licence_url=LICENCE_URL, licence_label="CC BY 4.0", modified=summary["modified"] or timezone.now(),
        distributions=(
            Distribution(url=reverse("heritage:download_csv"), file_type="CSV", media_type="text/csv"),
            Distribution(url=reverse("heritage:download_json"), file_type="JSON", media_type="application/json"),
            Distribution(url=reverse("heritage:download_geojson"), file_type="GEOJSON",
                         media_type="application/geo+json"),
        ),
        keywords=(("patrimoniu", "heritage"), ("dezvoltare rurală", "rural development")),
        fictional=bool(summary["fictional"]),
    )]
