"""Account permissions. One line a permission; predicates in predicates.py.

A participant is a person with a verified e-mail: unverified accounts read but do not contribute
(``accounts.contribute``). Django admin opens to editors and administrators (``core.access_admin``)."""

import rules

from civica.core.permissions import add_admin_perms

from .predicates import is_administrator, is_editor, is_participant

# Django admin: open to editors and administrators, for what has no public screen yet.
rules.add_perm("core.access_admin", is_editor)

# Contributing (ideas, comments, votes, applications…) needs a verified e-mail address.
rules.add_perm("accounts.contribute", is_participant)

# Your own account: any signed-in person, verified or not.
rules.add_perm("accounts.manage_own_account", rules.is_authenticated & rules.is_active)

# Roles are given by administrators only (representations: network/rules.py).
rules.add_perm("accounts.grant_role", is_administrator)
add_admin_perms("accounts", ["user", "roleassignment"], is_administrator)
add_admin_perms("account", ["emailaddress"], is_administrator)
