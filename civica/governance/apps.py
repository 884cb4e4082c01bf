"""The bodies that govern and advise the centre: the General Assembly of members, the Board of Directors,
the CIIC Board and the Youth Consultative Council, with their seats, terms, motions and votes."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "civica.governance"
    label = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from . import plan_section

        # The bodies' objectives in the plan document.
        plan_section.register()
