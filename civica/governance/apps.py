"""The bodies that govern and advise the centre: the General Assembly of members, the Board of Directors,
the CIIC Board and the Youth Consultative Council, with their seats, terms, motions and votes."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "civica.governance"
    label = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from django.db.models.signals import post_delete

        from civica.accountability.registry import register_plan_approval
        from civica.core.page_cache import watch_person_rows
        from civica.core.uploads import delete_stored_files
        from civica.network.registry import reviewer_checks

        from . import plan_section, selectors
        from .models import MotionDocument, Term
        from .motions import rules as motion_rules  # noqa: F401 -- the motions' permissions
        from .motions import tasks as motion_tasks  # noqa: F401 -- the beat task that closes motions
        from .motions.selectors import plan_approval
        from .seat_calls import outcome as seat_call_outcome  # noqa: F401 -- a call for seats' outcome
        from .seat_calls import rules as seat_call_rules  # noqa: F401 -- the permission to open one

        # The bodies' objectives in the plan document.
        plan_section.register()
        # The plan page's "approved by the General Assembly, motion …".
        register_plan_approval(plan_approval)
        # The Board of Directors reviews applications to become a member with the staff.
        reviewer_checks.register(selectors.holds_seat_reviewing_membership)
        # A seat changes what its holder may do (core.page_cache keeps their pages).
        watch_person_rows(Term, field="holder")
        # A motion's document goes with its row, removed alone or with its motion.
        post_delete.connect(delete_stored_files("file"), sender=MotionDocument, weak=False,
                            dispatch_uid="governance.motiondocument.delete_file")
