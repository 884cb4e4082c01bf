"""The staff's network screens under parallel requests (PostgreSQL; SQLite serialises every writer):
one representation however many adds race, programmes moved at once keep one place each, and an
organisation saved at once as a member and as a partner keeps its membership with its relationship."""

import pytest
from django.core.exceptions import ValidationError

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.network import services
from civica.network.models import DuesCategory, Membership, Programme, Relationship, Representation
from civica.network.tests.factories import MemberFactory, OrganisationFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def test_parallel_adds_of_one_representative_make_one_representation():
    organisation = MemberFactory()
    person = UserFactory(email="ana@example.org")
    administrators = [UserFactory(role=Role.ADMINISTRATOR) for _ in range(6)]
    outcomes = run_together([lambda by=by: services.representative_add(
        organisation=organisation, email="ana@example.org", by=by) for by in administrators])
    assert sum(outcome is None for outcome in outcomes) == 1
    assert all(isinstance(outcome, ValidationError) for outcome in outcomes if outcome is not None)
    assert Representation.objects.filter(user=person, organisation=organisation).count() == 1


def test_parallel_moves_keep_one_place_each():
    organisation = OrganisationFactory()
    programmes = [ProgrammeFactory(organisation=organisation, position=index) for index in range(6)]
    editors = [UserFactory(role=Role.EDITOR) for _ in range(6)]
    outcomes = run_together([lambda row=row, by=by: services.position_move(row=row, up=True, by=by)
                             for row, by in zip(programmes, editors, strict=True)])
    assert outcomes == [None] * 6
    assert sorted(Programme.objects.values_list("position", flat=True)) == list(range(6))


def test_parallel_saves_of_an_organisation_keep_its_membership_with_its_relationship():
    organisation = OrganisationFactory()
    editors = [UserFactory(role=Role.EDITOR) for _ in range(6)]
    relationships = [Relationship.MEMBER, Relationship.PARTNER] * 3
    outcomes = run_together([lambda by=by, relationship=relationship: services.organisation_save(
        organisation=organisation, by=by, relationship=relationship, dues_category=DuesCategory.INSTITUTIONS)
        for by, relationship in zip(editors, relationships, strict=True)])
    assert outcomes == [None] * 6
    organisation.refresh_from_db()
    has_membership = Membership.objects.filter(organisation=organisation).exists()
    assert has_membership == (organisation.relationship == Relationship.MEMBER)
