"""The programme page's calls (network.registry): its published calls, newest first. One query."""

from django.utils.translation import gettext_lazy as _

from civica.network.registry import ProgrammeSection, SectionItem, programme_sections

from .models import Call

SHOWN = 20


def call_items(programme):
    calls = Call.objects.public().filter(programme=programme).order_by("-closes_at", "-pk")[:SHOWN]
    return [SectionItem(title=call.translated("title"), url=call.get_absolute_url(), when=call.closes_at,
                        note=call.get_status_display()) for call in calls]


programme_sections.register(ProgrammeSection(key="calls", title=_("Calls"), order=40, items=call_items))
