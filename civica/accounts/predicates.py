"""Who a user is, as `rules` predicates. Each app composes these in its rules.py.

What a user is (verified, roles, representations) is read once per user object and
kept on it, so a page that checks many permissions asks the database once.
"""

import rules
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType

from .roles import Role


def _cached(user, attribute, compute):
    if not hasattr(user, attribute):
        setattr(user, attribute, compute())
    return getattr(user, attribute)


def role_keys(user) -> frozenset:
    """``(role, scope_type_id, scope_id)`` for every role the user holds (ids are None for global roles)."""
    if not user.is_authenticated:
        return frozenset()
    from .models import RoleAssignment

    return _cached(
        user,
        "_civica_role_keys",
        lambda: frozenset(RoleAssignment.objects.filter(user=user).values_list("role", "scope_type_id", "scope_id")),
    )


def forget_cached_identity(user) -> None:
    """Drop what the predicates remembered (after a role or e-mail change in the same request)."""
    for attribute in ("_civica_role_keys", "_civica_verified", "_civica_member_rep"):
        user.__dict__.pop(attribute, None)


@rules.predicate
def is_verified(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return _cached(
        user, "_civica_verified", lambda: EmailAddress.objects.filter(user=user, verified=True).exists()
    )


is_participant = rules.is_authenticated & is_verified


def represented_member_ids(user) -> frozenset:
    """Ids of the member organisations ``user`` represents."""
    if not user.is_authenticated:
        return frozenset()
    from civica.network.models import Relationship

    return _cached(
        user,
        "_civica_member_rep",
        lambda: frozenset(user.representations.filter(organisation__relationship=Relationship.MEMBER)
                          .values_list("organisation_id", flat=True)),
    )


@rules.predicate
def represents_member_organisation(user):
    return bool(represented_member_ids(user))


@rules.predicate
def represents_this_member(user, organisation):
    return organisation is not None and organisation.pk in represented_member_ids(user)


is_member_representative = is_participant & represents_member_organisation


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
