"""Roles: what the predicates make of them, and who may grant them.

Member representatives are network's (network/tests/test_representations.py); a scoped role is tried
here on a Django group, any object will do."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied, ValidationError

from civica.accounts import services
from civica.accounts.predicates import (
    is_evaluator_of,
    is_facilitator_of,
    is_moderator_of,
)
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory


def scope_object():
    """An object a role can be given on (roles do not care which model)."""
    return Group.objects.create(name=f"scope {Group.objects.count() + 1}")


# The truth table of account permissions by role is test_rules.py (rows: the root conftest's make_user).


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role, predicate",
    [(Role.EVALUATOR, is_evaluator_of), (Role.FACILITATOR, is_facilitator_of), (Role.MODERATOR, is_moderator_of)],
)
def test_scoped_roles_hold_for_their_object_only(role, predicate):
    mine, other = scope_object(), scope_object()
    user = UserFactory(role=role, role__scope=mine)
    assert predicate(user, mine)
    assert not predicate(user, other)
    assert not predicate(UserFactory(), mine)
    assert not predicate(AnonymousUser(), mine)


@pytest.mark.django_db
def test_a_global_moderator_and_editors_moderate_everything_but_do_not_evaluate():
    scope = scope_object()
    for user in (UserFactory(role=Role.MODERATOR), UserFactory(role=Role.EDITOR), UserFactory(role=Role.ADMINISTRATOR)):
        assert is_moderator_of(user, scope)
        assert not is_evaluator_of(user, scope)
        assert not is_facilitator_of(user, scope)


@pytest.mark.django_db
def test_role_checks_ask_the_database_once_per_request(django_assert_num_queries):
    scopes = [scope_object() for _ in range(3)]
    user = UserFactory(role=Role.EVALUATOR, role__scope=scopes[0])
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.get_for_model(scopes[0])  # content types are cached by Django itself
    with django_assert_num_queries(1):
        results = [is_evaluator_of(user, scope) for scope in scopes * 3]
    assert results.count(True) == 3


@pytest.mark.django_db
def test_only_administrators_grant_roles(administrator, editor, participant):
    scope = scope_object()
    with pytest.raises(PermissionDenied):
        services.role_grant(user=participant, role=Role.EDITOR, by=editor)
    assignment = services.role_grant(user=participant, role=Role.EVALUATOR, scope=scope, by=administrator)
    assert assignment.granted_by == administrator
    assert is_evaluator_of(participant, scope)
    services.role_revoke(assignment=assignment, by=administrator)
    assert not is_evaluator_of(participant, scope)


@pytest.mark.django_db
def test_scoped_and_global_roles_are_validated(administrator, participant):
    with pytest.raises(ValidationError):
        services.role_grant(user=participant, role=Role.EVALUATOR, by=administrator)
    with pytest.raises(ValidationError):
        services.role_grant(user=participant, role=Role.EDITOR, scope=scope_object(), by=administrator)


@pytest.mark.django_db
def test_granting_twice_does_not_duplicate(administrator, participant):
    scope = scope_object()
    first = services.role_grant(user=participant, role=Role.FACILITATOR, scope=scope, by=administrator)
    again = services.role_grant(user=participant, role=Role.FACILITATOR, scope=scope, by=administrator)
    assert first.pk == again.pk
    editor_role = services.role_grant(user=participant, role=Role.EDITOR, by=administrator)
    assert services.role_grant(user=participant, role=Role.EDITOR, by=administrator).pk == editor_role.pk
    assert participant.role_assignments.count() == 2
