"""Roles and representations: what the predicates make of them, and who may grant them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from civica.accounts import services
from civica.accounts.predicates import (
    is_evaluator_of,
    is_facilitator_of,
    is_member_representative,
    is_moderator_of,
)
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.network.models import Relationship
from civica.network.tests.factories import OrganisationFactory, ProgrammeFactory

# The truth table of account permissions by role is test_rules.py (rows: the root conftest's make_user).


@pytest.mark.django_db
def test_member_representative_needs_a_member_organisation_and_a_verified_email():
    partner_rep = UserFactory()
    services.representation_add(user=partner_rep, organisation=OrganisationFactory(), added_by=None)
    assert not is_member_representative(partner_rep)

    unverified_rep = UserFactory(verified=False)
    member = OrganisationFactory(relationship=Relationship.MEMBER)
    services.representation_add(user=unverified_rep, organisation=member, added_by=None)
    assert not is_member_representative(unverified_rep)

    rep = UserFactory()
    services.representation_add(user=rep, organisation=member, added_by=None)
    assert is_member_representative(rep)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role, predicate",
    [(Role.EVALUATOR, is_evaluator_of), (Role.FACILITATOR, is_facilitator_of), (Role.MODERATOR, is_moderator_of)],
)
def test_scoped_roles_hold_for_their_object_only(role, predicate):
    mine, other = ProgrammeFactory(), ProgrammeFactory()
    user = UserFactory(role=role, role__scope=mine)
    assert predicate(user, mine)
    assert not predicate(user, other)
    assert not predicate(UserFactory(), mine)
    assert not predicate(AnonymousUser(), mine)


@pytest.mark.django_db
def test_a_global_moderator_and_editors_moderate_everything_but_do_not_evaluate():
    programme = ProgrammeFactory()
    for user in (UserFactory(role=Role.MODERATOR), UserFactory(role=Role.EDITOR), UserFactory(role=Role.ADMINISTRATOR)):
        assert is_moderator_of(user, programme)
        assert not is_evaluator_of(user, programme)
        assert not is_facilitator_of(user, programme)


@pytest.mark.django_db
def test_role_checks_ask_the_database_once_per_request(django_assert_num_queries):
    programmes = ProgrammeFactory.create_batch(3)
    user = UserFactory(role=Role.EVALUATOR, role__scope=programmes[0])
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.get_for_model(programmes[0])  # content types are cached by Django itself
    with django_assert_num_queries(1):
        results = [is_evaluator_of(user, programme) for programme in programmes * 3]
    assert results.count(True) == 3


@pytest.mark.django_db
def test_only_administrators_grant_roles(administrator, editor, participant):
    programme = ProgrammeFactory()
    with pytest.raises(PermissionDenied):
        services.role_grant(user=participant, role=Role.EDITOR, granted_by=editor)
    assignment = services.role_grant(user=participant, role=Role.EVALUATOR, scope=programme, granted_by=administrator)
    assert assignment.granted_by == administrator
    assert is_evaluator_of(participant, programme)
    services.role_revoke(assignment=assignment, revoked_by=administrator)
    assert not is_evaluator_of(participant, programme)


@pytest.mark.django_db
def test_scoped_and_global_roles_are_validated(administrator, participant):
    with pytest.raises(ValidationError):
        services.role_grant(user=participant, role=Role.EVALUATOR, granted_by=administrator)
    with pytest.raises(ValidationError):
        services.role_grant(user=participant, role=Role.EDITOR, scope=ProgrammeFactory(), granted_by=administrator)


@pytest.mark.django_db
def test_granting_twice_does_not_duplicate(administrator, participant):
    programme = ProgrammeFactory()
    first = services.role_grant(user=participant, role=Role.FACILITATOR, scope=programme, granted_by=administrator)
    again = services.role_grant(user=participant, role=Role.FACILITATOR, scope=programme, granted_by=administrator)
    assert first.pk == again.pk
    editor_role = services.role_grant(user=participant, role=Role.EDITOR, granted_by=administrator)
    assert services.role_grant(user=participant, role=Role.EDITOR, granted_by=administrator).pk == editor_role.pk
    assert participant.role_assignments.count() == 2
