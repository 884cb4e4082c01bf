"""Who may do what with plans: every plan is public; editors manage them (pages, admin, imports).
Residents discuss a plan on its page: ``Plan`` is registered in the comments app's ``commentables``, open
while the plan is a draft or its years run."""

import rules
from django.utils import timezone
from django.utils.translation import gettext_lazy

from civica.accounts.predicates import is_editor
from civica.comments.registry import Commentable, commentables
from civica.core.permissions import add_admin_perms
from civica.core.refusals import Requirements

from .models import Plan, PlanStatus


@rules.predicate
def open_for_comments(user, plan):
    """A plan is discussed while it is a draft and while its years run; afterwards it is a record."""
    return plan is not None and (plan.status == PlanStatus.DRAFT or plan.end_year >= timezone.localdate().year)


rules.add_perm("accountability.manage_plan", is_editor)
ADMIN_MODELS = ["plan", "area", "priority", "objective", "activity", "progressupdate", "indicator",
                "indicatorvalue", "budgetgroup", "budgetline"]
add_admin_perms("accountability", ADMIN_MODELS, is_editor)

# Every plan is public; residents comment on it (threaded, as on ideas) while it is open.
commentables.register(Commentable(
    model=Plan,
    open_now=Requirements((open_for_comments, gettext_lazy(
        "Comments on this plan are closed: it was approved and its period has ended."))),
    readable=rules.always_allow,
))
