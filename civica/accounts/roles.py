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


# Evaluators judge one call and facilitators host one workshop's table: always scoped.
SCOPED_ONLY = frozenset({Role.EVALUATOR, Role.FACILITATOR})
# Editors and administrators act on the whole platform.
GLOBAL_ONLY = frozenset({Role.EDITOR, Role.ADMINISTRATOR})
# A moderator is scoped to one process, or (no scope) moderates everything.
EITHER = frozenset(set(Role) - SCOPED_ONLY - GLOBAL_ONLY)
