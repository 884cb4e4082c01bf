"""Who may do what with a world-café workshop. Editors manage it (``workshops.manage``: harvest, themes, the
action plan, closing it: open → closed through core's ``move``); its facilitators (a role scoped to the
workshop) and editors run it (``workshops.run``: rounds). Who may contribute at a table and dot-vote is the
workshop's own setting, checked by the services. Truth tables: ``tests/test_rules.py``."""

import rules

from civica.accounts.predicates import is_editor, is_facilitator_of
from civica.core.permissions import add_admin_perms


@rules.predicate
def facilitates(user, workshop):
    return workshop is not None and is_facilitator_of(user, workshop)


rules.add_perm("workshops.manage", is_editor)
rules.add_perm("workshops.run", is_editor | facilitates)
add_admin_perms("workshops", ["workshop", "workshopquestion", "workshoptable", "workshopround", "theme",
                              "contribution", "actionitem"], is_editor)
