"""The programme page's cultural vouchers (network.registry): the voucher programmes it runs (not drafts),
each with its period and status, linking to what its vouchers buy. One query."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from civica.network.registry import ProgrammeSection, SectionItem, programme_sections

from .models import VoucherProgramme


def voucher_items(programme):
    return [SectionItem(title=item.translated("name"), url=f"{reverse('vouchers:offers')}?programme={item.slug}",
                        when=item.starts_on, note=str(item.get_status_display()))
            for item in VoucherProgramme.objects.public().filter(programme=programme).order_by("-starts_on", "pk")]


programme_sections.register(ProgrammeSection(key="vouchers", title=_("Cultural vouchers"), order=60,
                                             items=voucher_items))
