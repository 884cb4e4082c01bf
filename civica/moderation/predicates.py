"""Who moderates what: the moderators of a target's scope (a consultation's, or the site's for what
has no scope). Composed in rules.py."""

import rules

from civica.accounts.predicates import is_global_moderator, is_moderator_of, role_keys
from civica.accounts.roles import Role

from .registry import moderatables


def scope_of(target):
    """The scope of a moderatable target; anything else (a consultation itself) is its own scope."""
    entry = moderatables.for_object(target)
    return entry.scope_of(target) if entry is not None else target


@rules.predicate
def moderates(user, target):
    if target is None:
        return False
    scope = scope_of(target)
    return is_moderator_of(user, scope) if scope is not None else is_global_moderator(user)


@rules.predicate
def moderates_something(user):
    return is_global_moderator(user) or any(role == Role.MODERATOR for role, _type, _id in role_keys(user))


@rules.predicate
def is_target_author(user, target):
    """``user`` wrote ``target`` (any moderatable content, its author as its registration says)."""
    if target is None or not user.is_authenticated:
        return False
    entry = moderatables.for_object(target)
    author = entry.author_of(target) if entry is not None else None
    return author is not None and author.pk == user.pk
