"""Who a user is, as `rules` predicates. Each app composes these in its rules.py.

What a user is (verified, roles) is read once per user object and kept on it, so a page
that checks many permissions asks the database once. Whether a user represents a member
organisation is network's question (network/predicates.py).
"""

import rules
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType

from civica.core.refusals import met_by_account

from .roles import Role

CACHE_PREFIX = "_civica_"


def cached_on_user(user, attribute, compute):
    """``compute()``, kept on ``user`` as ``attribute`` (which starts with ``CACHE_PREFIX``) for the
    rest of the request; other apps' predicates use it too (network's member representatives)."""
    if not hasattr(user, attribute):
        setattr(user, attribute, compute())
    return getattr(user, attribute)


def role_keys(user) -> frozenset:
    """``(role, scope_type_id, scope_id)`` for every role the user holds (ids are None for global roles)."""
    if not user.is_authenticated:
        return frozenset()
    from .models import RoleAssignment

    return cached_on_user(
        user,
        "_civica_role_keys",
        lambda: frozenset(RoleAssignment.objects.filter(user=user).values_list("role", "scope_type_id", "scope_id")),
    )


def forget_cached_identity(user) -> None:
    """Drop what the predicates remembered (after a role, e-mail or representation change in the same
    request), this app's and other apps' (every attribute named with ``CACHE_PREFIX``)."""
    for attribute in [name for name in user.__dict__ if name.startswith(CACHE_PREFIX)]:
        user.__dict__.pop(attribute, None)


@rules.predicate
def is_verified(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return cached_on_user(
        user, "_civica_verified", lambda: EmailAddress.objects.filter(user=user, verified=True).exists()
    )


is_participant = rules.is_authenticated & is_verified
# A refusal for want of these is a step the person takes (log in, verify), shown as buttons.
met_by_account(is_verified, is_participant)


def _has_global_role(role):
    @rules.predicate(name=f"has_global_role_{role}")
    def predicate(user):
        return (role, None, None) in role_keys(user)

    return predicate


@rules.predicate
def is_superuser(user):
    return user.is_authenticated and user.is_active and user.is_superuser


is_administrator = is_superuser | (rules.is_active & _has_global_role(Role.ADMINISTRATOR))
is_editor = is_administrator | (rules.is_active & _has_global_role(Role.EDITOR))
is_global_moderator = is_editor | (rules.is_active & _has_global_role(Role.MODERATOR))
# Organisations' raw answers to the observatory are seen by its analysts only (issue 19), not by every
# editor: the role is given on purpose, and a superuser has every permission anyway.
is_observatory_analyst = is_superuser | (rules.is_active & _has_global_role(Role.ANALYST))


def _has_role_on(role):
    @rules.predicate(name=f"has_role_on_{role}")
    def predicate(user, obj):
        if obj is None or not user.is_authenticated or not user.is_active:
            return False
        content_type = ContentType.objects.get_for_model(obj)
        return (role, content_type.pk, obj.pk) in role_keys(user)

    return predicate


is_evaluator_of = _has_role_on(Role.EVALUATOR)
is_facilitator_of = _has_role_on(Role.FACILITATOR)
# Editors run processes, so they may moderate them too.
is_moderator_of = is_global_moderator | _has_role_on(Role.MODERATOR)
