"""An organisation's page (network.registry): the published meetings of the programmes it runs, those
to come first, then the latest past ones. Two queries."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.network.registry import OrganisationSection, SectionItem, organisation_sections

from .models import Meeting

SHOWN = 10


def hosted_items(organisation):
    now = timezone.now()
    meetings = Meeting.objects.published().filter(programme__organisation=organisation)
    upcoming = list(meetings.upcoming(now).order_by("starts_at", "pk")[:SHOWN])
    past = list(meetings.past(now).order_by("-starts_at", "-pk")[:SHOWN])
    return [SectionItem(title=meeting.translated("title"), url=meeting.get_absolute_url(), when=meeting.starts_at,
                        group=str(_("Coming up") if meeting in upcoming else _("Past meetings")))
            for meeting in [*upcoming, *past]]


organisation_sections.register(OrganisationSection(
    key="meetings_hosted", title=_("Meetings of its programmes"), order=30, items=hosted_items))
