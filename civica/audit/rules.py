"""Who may read the audit log: administrators only (it names the staff who did each thing)."""

import rules

from civica.accounts.predicates import is_administrator
from civica.core.permissions import add_admin_perms

rules.add_perm("audit.read_log", is_administrator)
add_admin_perms("audit", ["auditentry"], is_administrator)
