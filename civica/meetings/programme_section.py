"""The programme page's meetings (network.registry): the published meetings it organises, those to come
first, then the latest past ones. Two queries."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.network.registry import ProgrammeSection, SectionItem, programme_sections

from .models import Meeting

PAST_SHOWN = 10


def meeting_items(programme):
    now = timezone.now()
    meetings = Meeting.objects.published().filter(programme=programme)
    upcoming = list(meetings.upcoming(now).order_by("starts_at", "pk"))
    past = list(meetings.past(now).order_by("-starts_at", "-pk")[:PAST_SHOWN])
    return [SectionItem(title=meeting.translated("title"), url=meeting.get_absolute_url(), when=meeting.starts_at,
                        group=str(_("Coming up") if meeting in upcoming else _("Past meetings")))
            for meeting in [*upcoming, *past]]


programme_sections.register(ProgrammeSection(key="meetings", title=_("Meetings"), order=30, items=meeting_items))
