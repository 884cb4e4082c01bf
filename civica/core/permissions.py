"""Helpers for declaring permissions with `rules`: one line per permission in each app's rules.py.
``add_admin_perms`` gives a model's admin permissions (view, add, change, delete) to a predicate,
since Django's group/permission tables are not used."""

import rules

ADMIN_ACTIONS = ("view", "add", "change", "delete")


def add_admin_perms(app_label: str, model_names, predicate) -> None:
    """Let ``predicate`` manage these models in Django admin (module access included)."""
    if not rules.perm_exists(app_label):
        rules.add_perm(app_label, predicate)
    for model_name in model_names:
        for action in ADMIN_ACTIONS:
            rules.add_perm(f"{app_label}.{action}_{model_name}", predicate)
