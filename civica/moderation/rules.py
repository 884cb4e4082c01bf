"""Who may report and moderate. One line a permission."""

import rules

from civica.accounts.predicates import is_editor
from civica.core.permissions import add_admin_perms

from .predicates import is_target_author, moderates, moderates_something

rules.add_perm("moderation.report", rules.is_authenticated & rules.is_active)
# Hide or restore (with a reason, logged): the moderators of the target's scope.
rules.add_perm("moderation.moderate", moderates)
rules.add_perm("moderation.view_queue", moderates_something)
# Pre-moderation: approve or reject what waits (the moderators of its scope); see a contribution that
# waits or was rejected (its author and those moderators, nobody else); send a rejected one again by
# changing it (its author).
rules.add_perm("moderation.review", moderates)
rules.add_perm("moderation.see_unpublished", is_target_author | moderates)
rules.add_perm("moderation.resubmit", is_target_author)

add_admin_perms("moderation", ["report", "moderationaction"], is_editor)
