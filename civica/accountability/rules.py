import rules

from civica.accounts.predicates import is_editor
from civica.core.permissions import add_admin_perms

rules.add_perm("accountability.manage_plan", is_editor)
ADMIN_MODELS = ["plan", "area", "priority", "objective", "activity", "progressupdate", "indicator",
                "indicatorvalue", "budgetgroup", "budgetline"]
add_admin_perms("accountability", ADMIN_MODELS, is_editor)
