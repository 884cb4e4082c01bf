"""The roles of PRODUCT.md. Participant and member representative follow from the account
itself (a verified e-mail; representing a member organisation); the others are assigned."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    EVALUATOR = "evaluator", _("Evaluator")
    FACILITATOR = "facilitator", _("Facilitator")
    MODERATOR = "moderator", _("Moderator")
    EDITOR = "editor", _("Editor")
    ADMINISTRATOR = "administrator", _("Administrator")
    # The observatory's staff: its catalogue, campaigns, organisations' raw answers and publication.
    ANALYST = "analyst", _("Observatory analyst")
    # România Remarcabilă's young heritage interpreters (issue 23): they propose heritage entries, for one
    # locality of the network (scoped) or for all of it; staff review them.
    ROOTS = "roots", _("Roots youth")


# Evaluators judge one call and facilitators host one workshop's table: always scoped.
SCOPED_ONLY = frozenset({Role.EVALUATOR, Role.FACILITATOR})
# Editors, administrators and the observatory's analysts act on the whole platform.
GLOBAL_ONLY = frozenset({Role.EDITOR, Role.ADMINISTRATOR, Role.ANALYST})
# A moderator is scoped to one process, or (no scope) moderates everything.
EITHER = frozenset(set(Role) - SCOPED_ONLY - GLOBAL_ONLY)
