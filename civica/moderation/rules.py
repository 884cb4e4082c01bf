"""Who may report and moderate. One line a permission."""

import rules

from civica.accounts.predicates import is_editor
from civica.core.permissions import add_admin_perms

from .predicates import moderates, moderates_something

rules.add_perm("moderation.report", rules.is_authenticated & rules.is_active)
# Hide or restore (with a reason, logged): the moderators of the target's scope.
rules.add_perm("moderation.moderate", moderates)
rules.add_perm("moderation.view_queue", moderates_something)

add_admin_perms("moderation", ["report", "moderationaction"], is_editor)
