from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "civica.governance"
    label = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from .seat_calls import (
            outcome,  # noqa: F401 -- registers the calls app's outcome of a call for seats
            rules,  # noqa: F401 -- the permission to open one
        )
