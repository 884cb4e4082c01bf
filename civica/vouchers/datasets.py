"""The voucher programmes' published figures in the site's open-data catalogue (``core.open_data``): one
dataset a published programme, its aggregates only (vouchers issued, redeemed by month and by venue, each
with its count of beneficiaries; a cell of fewer than three is withheld, ``figures.published``), as CSV and
XLSX under CC BY 4.0. One query, however many programmes (when each last changed: its latest redemption
or voucher, read by subqueries)."""

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.open_data import CatalogueEntry, Distribution

from .exports import LICENCE_NAME, LICENCE_URL
from .models import Redemption, Voucher, VoucherProgramme

FILES = (("csv", "CSV", "text/csv"),
         ("xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
DESCRIPTION = {
    "ro": "Cifrele programului de vouchere culturale „{name}”: voucherele emise și valoarea folosită, pe luni "
          "și pe locuri partenere, fiecare cu numărul de beneficiari. Nicio celulă nu numără mai puțin de trei "
          "beneficiari; fără date personale.",
    "en": "The figures of the cultural voucher programme “{name}”: vouchers issued and the value redeemed, by "
          "month and by partner venue, each with its number of beneficiaries. No cell counts fewer than three "
          "beneficiaries; no personal data.",
}


def catalogue() -> list[CatalogueEntry]:
    programme = OuterRef("pk")
    programmes = VoucherProgramme.objects.public().annotate(
        last_voucher=Subquery(Voucher.objects.filter(programme=programme).order_by("-issued_at")
                              .values("issued_at")[:1]),
        last_redemption=Subquery(Redemption.objects.filter(voucher__programme=programme).order_by("-redeemed_at")
                                 .values("redeemed_at")[:1]),
    ).order_by("-starts_on", "slug")
    entries = []
    for found in programmes:
        name_en = found.name_en or found.name_ro
        moments = [moment for moment in (found.last_voucher, found.last_redemption) if moment is not None]
        modified = max(moments) if moments else timezone.make_aware(
            timezone.datetime.combine(found.starts_on, timezone.datetime.min.time()))
        entries.append(CatalogueEntry(
            section=_("Cultural vouchers"),
            url=reverse("vouchers:programme", args=[found.slug]),
            title_ro=f"Vouchere culturale: {found.name_ro}",
            title_en=f"Cultural vouchers: {name_en}",
            description_ro=DESCRIPTION["ro"].format(name=found.name_ro),
            description_en=DESCRIPTION["en"].format(name=name_en),
            licence_url=LICENCE_URL, licence_label=LICENCE_NAME, modified=modified,
            distributions=tuple(Distribution(url=reverse("vouchers:figures_download", args=[found.slug, fmt]),
                                             file_type=file_type, media_type=media_type)
                                for fmt, file_type, media_type in FILES),
            keywords=(("vouchere culturale", "cultural vouchers"), ("acces la cultură", "access to culture")),
            fictional=found.is_fictional,
        ))
    return entries
