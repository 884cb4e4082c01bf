"""The bodies that govern and advise the centre: the General Assembly of members, the Board of Directors,
the CIIC Board and the Youth Consultative Council, with their seats, terms, motions and votes."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "civica.governance"
    label = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from civica.core.page_cache import watch_person_rows
        from civica.network.registry import reviewer_checks

        from . import plan_section, selectors
        from .models import Term

        # The Board of Directors reviews applications to become a member with the staff.
        reviewer_checks.register(selectors.holds_seat_reviewing_membership)
        # A seat changes what its holder may do (core.page_cache keeps their pages).
        watch_person_rows(Term, field="holder")
        from .seat_calls import (
            outcome,  # noqa: F401 -- registers the calls app's outcome of a call for seats
            rules,  # noqa: F401 -- the permission to open one
        )

        # The bodies' objectives in the plan document.
        plan_section.register()
