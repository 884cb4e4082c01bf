"""The programme page's consultations (network.registry): the published consultations of the programme
(``Process.programme``) and those the programme's published meetings belong to. One query."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civica.network.registry import ProgrammeSection, SectionItem, programme_sections

from .models import Process


def process_items(programme):
    processes = (Process.objects.published()
                 .filter(Q(programme=programme) | Q(meetings__programme=programme, meetings__is_published=True))
                 .distinct()
                 .order_by("-starts_on", "slug"))
    return [SectionItem(title=process.translated("title"), url=process.get_absolute_url(), when=process.starts_on)
            for process in processes]


programme_sections.register(ProgrammeSection(key="consultations", title=_("Consultations"), order=50,
                                             items=process_items))
