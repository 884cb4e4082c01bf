"""The programme page's cultural vouchers (network.registry): the voucher programmes it runs (not drafts),
each with its period and status, linking to its public page (its facts, published figures and offers). One
query."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from civica.network.registry import ProgrammeSection, SectionItem, programme_sections

from .models import VoucherProgramme


def voucher_items(programme):
    return [SectionItem(title=item.translated("name"), url=reverse("vouchers:programme", args=[item.slug]),
                        when=item.starts_on, note=str(item.get_status_display()))
            for item in VoucherProgramme.objects.public().filter(programme=programme).order_by("-starts_on", "pk")]


programme_sections.register(ProgrammeSection(key="vouchers", title=_("Cultural vouchers"), order=60,
                                             items=voucher_items))
