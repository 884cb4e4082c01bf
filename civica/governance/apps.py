"""The bodies that govern and advise the centre: the General Assembly of members, the Board of Directors,
the CIIC Board and the Youth Consultative Council, with their seats, terms, motions and votes."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "civica.governance"
    label = "governance"
    verbose_name = _("Governance")

    def ready(self):
        # Motions (governance/motions/): their permissions, their beat task, and the plan page's
        # "approved by the General Assembly, motion …" (accountability's registry).
        from civica.accountability.registry import register_plan_approval

        from .motions import rules, tasks  # noqa: F401
        from .motions.selectors import plan_approval

        register_plan_approval(plan_approval)
