"""An organisation's page (network.registry): the calls it won, once their results are published (what
the call's public results show). One query."""

from django.utils.translation import gettext_lazy as _

from civica.network.registry import OrganisationSection, SectionItem, organisation_sections

from .models import Application, CallStatus, Decision

SHOWN = 20


def won_items(organisation):
    applications = (Application.objects.filter(organisation=organisation, decision=Decision.FUNDED,
                                               call__status=CallStatus.RESULTS_PUBLISHED)
                    .select_related("call").order_by("-call__closes_at", "-pk")[:SHOWN])
    return [SectionItem(title=application.title, url=application.call.get_absolute_url(),
                        when=application.call.closes_at, group=application.call.translated("title"))
            for application in applications]


organisation_sections.register(OrganisationSection(key="calls_won", title=_("Calls won"), order=40,
                                                   items=won_items))
